package queryutil

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/query"
)

// TestPage: no request gives a default first page without a count; a large
// limit is capped without touching the caller's request; others pass as is.
func TestPage(t *testing.T) {
	require.Equal(t, &query.PageRequest{Limit: query.DefaultLimit}, Page(nil))
	big := &query.PageRequest{Limit: 1000, CountTotal: true}
	require.Equal(t, &query.PageRequest{Limit: MaxPageLimit, CountTotal: true}, Page(big))
	require.Equal(t, uint64(1000), big.Limit, "the caller's request is not changed")
	small := &query.PageRequest{Limit: 5, Reverse: true}
	require.Same(t, small, Page(small))
}
