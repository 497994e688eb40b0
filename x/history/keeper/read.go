package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
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
)

// byRef reads the records an index lists under ref, in primary-key order.
func byRef[R, V any](ctx context.Context, idx *indexes.Multi[R, uint64, V], ref R, get func(context.Context, uint64) (V, error)) ([]V, error) {
	iter, err := idx.MatchExact(ctx, ref)
	if err != nil {
		return nil, err
	}
	ids, err := iter.PrimaryKeys()
	if err != nil {
		return nil, err
	}
	out := make([]V, 0, len(ids))
	for _, id := range ids {
		v, err := get(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

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
