package invariantutil

import (
	"context"
	"fmt"
	"math"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
)

// IDSet compares a set of record ids with the records that belong in it
// (what names them, e.g. "queued motion"): every entry must be such a record
// and every such record must have an entry. A key set holds an id at most
// once, so presence is "exactly one".
func IDSet(ctx context.Context, name, what string, set collections.KeySet[uint64], belong map[uint64]bool) ([]string, error) {
	ids, err := collutil.First(ctx, set, math.MaxInt)
	if err != nil {
		return nil, err
	}
	var problems []string
	entries := map[uint64]bool{}
	for _, id := range ids {
		entries[id] = true
		if !belong[id] {
			problems = append(problems, fmt.Sprintf("%s: entry %d points at no %s", name, id, what))
		}
	}
	for _, id := range SortedKeys(belong) {
		if !entries[id] {
			problems = append(problems, fmt.Sprintf("%s: %s %d has no entry", name, what, id))
		}
	}
	return problems, nil
}
