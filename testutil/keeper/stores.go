package keeper

import (
	"testing"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// NewStoreContext mounts the stores of keys on one in-memory database, as
// NewFixture does, for tests and benchmarks that build other keepers (the
// SDK's x/staking and x/gov, say). The context's multistore is the commit
// multistore itself.
func NewStoreContext(tb testing.TB, keys map[string]*storetypes.KVStoreKey) sdk.Context {
	tb.Helper()
	return newContext(tb, keys)
}

// CacheContext returns ctx on a fresh cache over its committed multistore,
// as a block's delivery state is, so that a benchmark iteration starts from
// the same saved state and leaves it untouched.
func CacheContext(ctx sdk.Context) sdk.Context {
	cms := ctx.MultiStore().(storetypes.CommitMultiStore)
	return ctx.WithMultiStore(cms.CacheMultiStore()).WithEventManager(sdk.NewEventManager())
}
