package simutil

import (
	"context"

	"github.com/polity-chain/polity/internal/collutil"
)

// ByIndex returns the records whose reference key (a status, a stage) is one
// of refs, by reference then primary key: the index walk every simulation
// package needs to pick a target. Errors read as "no record": an operation
// with nothing to act on is a no-op.
func ByIndex[R, K, V any](ctx context.Context, idx collutil.MultiIndex[R, K], get func(context.Context, K) (V, error), refs ...R) []V {
	var out []V
	for _, ref := range refs {
		if vs, err := collutil.ByRef(ctx, idx, ref, get); err == nil {
			out = append(out, vs...)
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
