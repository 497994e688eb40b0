package collutil

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
)

// MultiIndex is what ByRef and CountRef need of a collections Multi index.
type MultiIndex[R, K any] interface {
	MatchExact(ctx context.Context, ref R) (indexes.MultiIterator[R, K], error)
}

// ByRef reads the records an index lists under ref, in primary-key order.
func ByRef[R, K, V any](ctx context.Context, idx MultiIndex[R, K], ref R, get func(context.Context, K) (V, error)) ([]V, error) {
	iter, err := idx.MatchExact(ctx, ref)
	if err != nil {
		return nil, err
	}
	keys, err := iter.PrimaryKeys() // closes the iterator
	if err != nil {
		return nil, err
	}
	out := make([]V, 0, len(keys))
	for _, k := range keys {
		v, err := get(ctx, k)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// CountRef counts the records an index lists under ref, reading none.
func CountRef[R, K any](ctx context.Context, idx MultiIndex[R, K], ref R) (int, error) {
	iter, err := idx.MatchExact(ctx, ref)
	if err != nil {
		return 0, err
	}
	defer iter.Close()
	n := 0
	for ; iter.Valid(); iter.Next() {
		n++
	}
	return n, nil
}

// Count counts the keys of a key set (a queue).
func Count[K any](ctx context.Context, ks collections.KeySet[K]) (int, error) {
	iter, err := ks.Iterate(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer iter.Close()
	n := 0
	for ; iter.Valid(); iter.Next() {
		n++
	}
	return n, nil
}
