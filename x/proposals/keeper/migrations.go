package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
)

// Migrator runs x/proposals' state migrations.
type Migrator struct {
	k *Keeper
}

// NewMigrator returns a migrator over k.
func NewMigrator(k *Keeper) Migrator { return Migrator{k: k} }

// Migrate1to2 moves each proposal's Board tally out of the proposal into
// BoardTallies, which version 2 writes on a Board vote instead of the whole
// proposal. The proposal's stamp goes with it, so queries and exports read
// the same as before. It walks the proposals once, as an upgrade handler
// may; rewriting a proposal with its index fields unchanged rewrites no
// index.
func (m Migrator) Migrate1to2(ctx sdk.Context) error {
	list, err := collutil.Values(ctx, m.k.Proposals.Iterate)
	if err != nil {
		return err
	}
	for _, p := range list {
		if err := m.k.importProposal(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

// Migrate2to3 derives AdvisedProposals, which version 3 reads before it
// scans the advice index for a proposal's linked advice: without it, a
// proposal with advice would look unadvised, and a Board vote against
// consensus advice would be held to the ordinary threshold. It walks the
// advice once, as an upgrade handler may.
func (m Migrator) Migrate2to3(ctx sdk.Context) error {
	all, err := collutil.Values(ctx, m.k.Advice.Iterate)
	if err != nil {
		return err
	}
	for _, a := range all {
		if err := m.k.markAdvised(ctx, a); err != nil {
			return err
		}
	}
	return nil
}
