package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/invariantutil"
)

// Invariants are read-only audits of x/community's stored state, run by the
// simulation after every block (app/sim_test.go) and by the keeper tests.
// Each one recomputes from records what the keeper maintains incrementally.

// InvariantRoutes lists x/community's invariants by route name.
func InvariantRoutes(k *Keeper) []invariantutil.Route {
	return []invariantutil.Route{
		{Name: "motion-tallies", Invariant: MotionTallyInvariant(k)},
		{Name: "motion-queue", Invariant: MotionQueueInvariant(k)},
		{Name: "power-cap", Invariant: PowerCapInvariant(k)},
		{Name: "board-seats", Invariant: BoardInvariant(k)},
		{Name: "liveness", Invariant: LivenessInvariant(k)},
		{Name: "membership-count", Invariant: MembershipCountInvariant(k)},
		{Name: "electorate", Invariant: ElectorateInvariant(k)},
	}
}

// mapOf reads a whole counter map (bounded by max_communities) for comparison.
func mapOf(ctx sdk.Context, iterate func(context.Context, collections.Ranger[string]) (collections.Iterator[string, int64], error)) (map[string]int64, error) {
	iter, err := iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	kvs, err := iter.KeyValues()
	if err != nil {
		return nil, err
	}
	m := make(map[string]int64, len(kvs))
	for _, kv := range kvs {
		m[kv.Key] = kv.Value
	}
	return m, nil
}
