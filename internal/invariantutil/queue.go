package invariantutil

import (
	"context"
	"fmt"
	"math"
	"slices"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
)

// Queue checks a deadline queue against the records that must be in it: want
// maps the id of every open record to its deadline (unix seconds, the queue
// key). Every entry must point at an open record at that record's deadline,
// and every open record must have exactly one entry.
func Queue(ctx context.Context, name string, q collections.KeySet[collutil.QueueKey], want map[uint64]int64) ([]string, error) {
	keys, err := collutil.First(ctx, q, math.MaxInt)
	if err != nil {
		return nil, err
	}
	var problems []string
	entries := map[uint64]int{}
	for _, key := range keys {
		at, id := key.K1(), key.K2()
		entries[id]++
		deadline, open := want[id]
		switch {
		case !open:
			problems = append(problems, fmt.Sprintf("%s: entry (%d, %d) points at no open record", name, at, id))
		case deadline != at:
			problems = append(problems, fmt.Sprintf("%s: entry (%d, %d) but the record's deadline is %d", name, at, id, deadline))
		}
	}
	for _, id := range SortedKeys(want) {
		if n := entries[id]; n != 1 {
			problems = append(problems, fmt.Sprintf("%s: open record %d has %d queue entries, want 1", name, id, n))
		}
	}
	return problems, nil
}

// SortedKeys returns a map's keys in order, so that reports are reproducible.
func SortedKeys[K interface{ ~uint64 | ~string | ~int32 }, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
