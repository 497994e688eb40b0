package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Migrator runs x/community's state migrations.
type Migrator struct {
	k *Keeper
}

// NewMigrator returns a migrator over k.
func NewMigrator(k *Keeper) Migrator { return Migrator{k: k} }

// Migrate1to2 counts each address's memberships into MembershipCount, which
// version 2 reads for the standing check. It walks the memberships once, as
// an upgrade handler may.
func (m Migrator) Migrate1to2(ctx sdk.Context) error {
	iter, err := m.k.Memberships.Iterate(ctx, nil)
	if err != nil {
		return err
	}
	keys, err := iter.Keys()
	if err != nil {
		return err
	}
	for _, key := range keys {
		if err := m.k.countMembership(ctx, key.K2()); err != nil {
			return err
		}
	}
	return nil
}
