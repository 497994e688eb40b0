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
		if err := m.k.countMembership(ctx, key.K2()); err != nil {
			return err
		}
	}
	return nil
}

// Migrate2to3 moves each motion's tallies out of the motion into
// MotionTallies, which version 3 writes on a vote instead of the whole
// motion. The motion's stamp goes with them, so queries and exports read
// the same as before. It walks the motions once, as an upgrade handler may;
// rewriting a motion with its index fields unchanged rewrites no index.
func (m Migrator) Migrate2to3(ctx sdk.Context) error {
	list, err := collutil.Values(ctx, m.k.Motions.Iterate)
	if err != nil {
		return err
	}
	for _, motion := range list {
		if err := m.k.importMotion(ctx, motion); err != nil {
			return err
		}
	}
	return nil
}
