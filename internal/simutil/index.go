package simutil

import (
	"context"

	"cosmossdk.io/collections/indexes"
)

// MultiIndex is a multi index of a collection (indexes.Multi): it lists the
// primary keys of the records with a reference key.
type MultiIndex[R, K any] interface {
	MatchExact(ctx context.Context, ref R) (indexes.MultiIterator[R, K], error)
}

// ByIndex returns the records whose reference key (a status, a stage) is one
// of refs, by reference then primary key: the index walk every simulation
// package needs to pick a target. Errors read as "no record": an operation
// with nothing to act on is a no-op.
func ByIndex[R, K, V any](ctx context.Context, idx MultiIndex[R, K], get func(context.Context, K) (V, error), refs ...R) []V {
	var out []V
	for _, ref := range refs {
		iter, err := idx.MatchExact(ctx, ref)
		if err != nil {
			continue
		}
		keys, err := iter.PrimaryKeys() // closes the iterator
		if err != nil {
			continue
		}
		for _, k := range keys {
			if v, err := get(ctx, k); err == nil {
				out = append(out, v)
			}
		}
	}
	return out
}

// Refs turns enum values (statuses, stages) into an index's int32 reference
// keys.
func Refs[S ~int32](values []S) []int32 {
	out := make([]int32, len(values))
	for i, v := range values {
		out[i] = int32(v)
	}
	return out
}
