// Package collutil holds what every Polity module needs on top of
// cosmossdk.io/collections: time-ordered deadline queues keyed (deadline in
// unix seconds, record id), so that blockers touch only what is due, and
// not-found handling.
package collutil

import (
	"context"
	"errors"
	"math"
	"time"

	"cosmossdk.io/collections"
)

// QueueKey is a queue entry: the deadline in unix seconds, then the record id.
// collections.Int64Key keeps numeric order.
type QueueKey = collections.Pair[int64, uint64]

// QueueKeyCodec encodes queue keys.
var QueueKeyCodec = collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key)

// At keys a record's deadline. Deadlines are whole seconds, so the key equals
// the deadline.
func At(t time.Time, id uint64) QueueKey {
	return collections.Join(t.Unix(), id)
}

// Due collects up to limit entries due at or before now, in deadline order.
// Keys are collected before any is processed because a store must not be
// written while it is iterated.
func Due(ctx context.Context, q collections.KeySet[QueueKey], now time.Time, limit int) ([]QueueKey, error) {
	return DueBy(ctx, q, now.Unix(), limit)
}

// DueBy collects up to limit entries whose first key part is at most until,
// in key order: Due for deadlines, or a queue keyed by block height.
func DueBy(ctx context.Context, q collections.KeySet[QueueKey], until int64, limit int) ([]QueueKey, error) {
	return Collect(ctx, q, new(collections.Range[QueueKey]).EndInclusive(collections.Join(until, uint64(math.MaxUint64))), limit)
}

// First collects up to limit keys of a key set from its start, in key order:
// a first-in first-out queue keyed by a sequential id. Keys are collected
// before any is processed because a store must not be written while it is
// iterated.
func First[K any](ctx context.Context, q collections.KeySet[K], limit int) ([]K, error) {
	return Collect(ctx, q, nil, limit)
}

// Collect collects up to limit keys of a key set within rng (nil: all), in
// key order, before any is processed: every queue reads its due entries this
// way, since a store must not be written while it is iterated.
func Collect[K any](ctx context.Context, q collections.KeySet[K], rng collections.Ranger[K], limit int) ([]K, error) {
	iter, err := q.Iterate(ctx, rng)
	if err != nil {
		return nil, err
	}
	defer iter.Close()
	var keys []K
	for ; iter.Valid() && len(keys) < limit; iter.Next() {
		key, err := iter.Key()
		if err != nil {
			return nil, err
		}
		keys = append(keys, key)
	}
	return keys, nil
}

// NotFoundOK swallows collections.ErrNotFound, for lookups where absence is a
// normal answer, and passes other errors through.
func NotFoundOK(err error) error {
	if errors.Is(err, collections.ErrNotFound) {
		return nil
	}
	return err
}

// Values reads a whole collection in key order (genesis export, invariants,
// tests): pass the collection's Iterate method.
func Values[K, V any](ctx context.Context, iterate func(context.Context, collections.Ranger[K]) (collections.Iterator[K, V], error)) ([]V, error) {
	iter, err := iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	return iter.Values()
}

// Each replaces every element of list by f's result, in place, stopping at
// the first error (a record read back with a part kept apart merged in).
func Each[V any](ctx context.Context, list []V, f func(context.Context, V) (V, error)) ([]V, error) {
	for i := range list {
		var err error
		if list[i], err = f(ctx, list[i]); err != nil {
			return nil, err
		}
	}
	return list, nil
}
