package keeper

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/invariantutil"
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
