package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/invariantutil"
	"github.com/polity-chain/polity/x/review/types"
)

// Invariants are read-only audits of x/review's stored state, run by the
// simulation after every block (app/sim_test.go) and by the keeper tests.

// InvariantRoutes lists x/review's invariants by route name.
func InvariantRoutes(k *Keeper) []invariantutil.Route {
	return []invariantutil.Route{
		{Name: "case-queues", Invariant: CaseQueuesInvariant(k)},
		{Name: "review-queues", Invariant: ReviewQueuesInvariant(k)},
		{Name: "emergency-queues", Invariant: EmergencyQueuesInvariant(k)},
		{Name: "holds", Invariant: HoldsInvariant(k)},
		{Name: "deposits", Invariant: DepositsInvariant(k)},
	}
}

// RegisterInvariants registers every x/review invariant.
//
//nolint:staticcheck // sdk.InvariantRegistry is the registry shape simulation tools use
func RegisterInvariants(ir sdk.InvariantRegistry, k *Keeper) {
	invariantutil.Register(ir, types.ModuleName, InvariantRoutes(k))
}

// AllInvariants runs every x/review invariant and reports the first broken.
//
//nolint:staticcheck // see RegisterInvariants
func AllInvariants(k *Keeper) sdk.Invariant {
	return invariantutil.Combine(InvariantRoutes(k))
}

// queueCheck is one queue and the deadlines of the records that must be in it.
type queueCheck struct {
	name string
	want map[uint64]int64
	run  func(sdk.Context, string, map[uint64]int64) ([]string, error)
}

// runQueues runs several queue checks and gathers their problems.
func runQueues(ctx sdk.Context, checks ...queueCheck) ([]string, error) {
	var problems []string
	for _, c := range checks {
		p, err := c.run(ctx, c.name, c.want)
		if err != nil {
			return nil, err
		}
		problems = append(problems, p...)
	}
	return problems, nil
}
