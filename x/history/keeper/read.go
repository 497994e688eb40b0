package keeper

import (
	"context"

	"cosmossdk.io/collections"
)

// A proposal's story reads only what belongs to that proposal: records found
// through an index or under the proposal's key prefix, never a scan of a
// whole collection, so that the query's cost does not grow with the chain.
// Open-door records (comments, forum statements) are capped per proposal or
// action; the story then says where to page through the rest.
const (
	// MaxListedComments is how many of a proposal's public comments its story lists.
	MaxListedComments = 100
	// MaxListedStatements is how many forum statements per action the story lists.
	MaxListedStatements = 100
	// MaxListedReleasedHolds is how many released holds the story lists (each
	// IRP with interim relief, reconsideration or emergency places one).
	MaxListedReleasedHolds = 100
)

// firstUnder walks at most limit records under prefix ref of a pair-keyed
// map, in key order, and reports whether more follow.
func firstUnder[V any](ctx context.Context, m collections.Map[collections.Pair[uint64, uint64], V], ref uint64, limit int, visit func(V)) (more bool, err error) {
	n := 0
	err = m.Walk(ctx, collections.NewPrefixedPairRange[uint64, uint64](ref), func(_ collections.Pair[uint64, uint64], v V) (bool, error) {
		if n == limit {
			more = true
			return true, nil
		}
		n++
		visit(v)
		return false, nil
	})
	return more, err
}
