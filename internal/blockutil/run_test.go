package blockutil_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/blockutil"
)

// TestRun checks that an item's writes are kept only when it succeeds, and
// that a panic is returned as an error with nothing written.
func TestRun(t *testing.T) {
	key := storetypes.NewKVStoreKey("test")
	ctx := testutil.DefaultContext(key, storetypes.NewTransientStoreKey("transient"))
	set := func(v string) func(sdk.Context) error {
		return func(c sdk.Context) error { c.KVStore(key).Set([]byte("k"), []byte(v)); return nil }
	}
	get := func() string { return string(ctx.KVStore(key).Get([]byte("k"))) }

	require.NoError(t, blockutil.Run(ctx, set("ok")))
	require.Equal(t, "ok", get(), "a successful item is written")

	boom := errors.New("boom")
	err := blockutil.Run(ctx, func(c sdk.Context) error { _ = set("failed")(c); return boom })
	require.ErrorIs(t, err, boom)
	require.Equal(t, "ok", get(), "a failed item leaves nothing")

	err = blockutil.Run(ctx, func(c sdk.Context) error { _ = set("panicked")(c); panic("bad record") })
	require.ErrorContains(t, err, "panic: bad record")
	require.Equal(t, "ok", get(), "a panicking item leaves nothing")
}
