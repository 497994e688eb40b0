package collutil_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/internal/collutil"
)

// TestEach: every element is replaced in order; the first error stops it
// and no list is returned.
func TestEach(t *testing.T) {
	double := func(_ context.Context, v int) (int, error) { return 2 * v, nil }
	out, err := collutil.Each(context.Background(), []int{1, 2, 3}, double)
	require.NoError(t, err)
	require.Equal(t, []int{2, 4, 6}, out)

	bad := errors.New("unreadable")
	calls := 0
	failAt2 := func(_ context.Context, v int) (int, error) {
		calls++
		if v == 2 {
			return 0, bad
		}
		return v, nil
	}
	out, err = collutil.Each(context.Background(), []int{1, 2, 3}, failAt2)
	require.ErrorIs(t, err, bad)
	require.Nil(t, out)
	require.Equal(t, 2, calls, "stops at the first error")
}
