package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
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
		n, err := m.k.MembershipCount.Get(ctx, key.K2())
		if err := collutil.NotFoundOK(err); err != nil {
			return err
		}
		if err := m.k.MembershipCount.Set(ctx, key.K2(), n+1); err != nil {
			return err
		}
	}
	return nil
}
