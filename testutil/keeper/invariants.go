package keeper

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/invariantutil"
)

// RequireInvariantsHold checks that every invariant of a module holds.
func RequireInvariantsHold(tb testing.TB, ctx sdk.Context, routes []invariantutil.Route) {
	tb.Helper()
	for _, r := range routes {
		msg, broken := r.Invariant(ctx)
		require.False(tb, broken, msg)
	}
}

// RequireInvariantBreaks checks that the named invariant is registered and
// reports the state broken, and that the module's combined invariant does too.
func RequireInvariantBreaks(tb testing.TB, ctx sdk.Context, routes []invariantutil.Route, name string) {
	tb.Helper()
	found := false
	for _, r := range routes {
		if r.Name != name {
			continue
		}
		found = true
		msg, broken := r.Invariant(ctx)
		require.True(tb, broken, "corrupted state passes %s", name)
		tb.Log(msg)
	}
	require.True(tb, found, "invariant %s is registered", name)
	_, broken := invariantutil.Combine(routes)(ctx)
	require.True(tb, broken, "the combined invariant misses the broken %s", name)
}
