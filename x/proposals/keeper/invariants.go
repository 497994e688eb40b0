package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/invariantutil"
	"github.com/polity-chain/polity/x/proposals/types"
)

// Invariants are read-only audits of x/proposals' stored state, run by the
// simulation after every block (app/sim_test.go) and by the keeper tests.
// The agreement of holds with x/review's stays and emergencies is audited by
// x/review, which knows both sides.

// InvariantRoutes lists x/proposals' invariants by route name.
func InvariantRoutes(k *Keeper) []invariantutil.Route {
	return []invariantutil.Route{
		{Name: "board-tallies", Invariant: BoardTallyInvariant(k)},
		{Name: "phase-queue", Invariant: PhaseQueueInvariant(k)},
		{Name: "advice-queue", Invariant: AdviceQueueInvariant(k)},
		{Name: "holds", Invariant: HoldsInvariant(k)},
	}
}

// RegisterInvariants registers every x/proposals invariant.
//
//nolint:staticcheck // sdk.InvariantRegistry is the registry shape simulation tools use
func RegisterInvariants(ir sdk.InvariantRegistry, k *Keeper) {
	invariantutil.Register(ir, types.ModuleName, InvariantRoutes(k))
}

// AllInvariants runs every x/proposals invariant and reports the first broken.
//
//nolint:staticcheck // see RegisterInvariants
func AllInvariants(k *Keeper) sdk.Invariant {
	return invariantutil.Combine(InvariantRoutes(k))
}
