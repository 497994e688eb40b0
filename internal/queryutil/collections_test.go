package queryutil_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"

	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/polity-chain/polity/internal/queryutil"
)

// byParity indexes numbers by whether they are odd (1) or even (0).
type byParity struct {
	Parity *indexes.Multi[uint64, uint64, uint64]
}

func (b byParity) IndexesList() []collections.Index[uint64, uint64] {
	return []collections.Index[uint64, uint64]{b.Parity}
}

// numbers stores n -> n*10 for n in 1..9, indexed by parity.
func numbers(t *testing.T) (sdk.Context, *collections.IndexedMap[uint64, uint64, byParity]) {
	key := storetypes.NewKVStoreKey("q")
	ctx := testutil.DefaultContext(key, storetypes.NewTransientStoreKey("tq"))
	sb := collections.NewSchemaBuilder(runtime.NewKVStoreService(key))
	m := collections.NewIndexedMap(sb, collections.NewPrefix(1), "n", collections.Uint64Key, collections.Uint64Value, byParity{
		Parity: indexes.NewMulti(sb, collections.NewPrefix(2), "parity", collections.Uint64Key, collections.Uint64Key,
			func(n uint64, _ uint64) (uint64, error) { return n % 2, nil }),
	})
	_, err := sb.Build()
	require.NoError(t, err)
	for n := uint64(1); n <= 9; n++ {
		require.NoError(t, m.Set(ctx, n, n*10))
	}
	return ctx, m
}

// TestAll: a filter over the whole collection, paged by next_key, counted
// only when asked.
func TestAll(t *testing.T) {
	ctx, m := numbers(t)
	all, resp, err := queryutil.All(ctx, m, nil, nil)
	require.NoError(t, err)
	require.Equal(t, []uint64{10, 20, 30, 40, 50, 60, 70, 80, 90}, all)
	require.Zero(t, resp.Total, "no request: no count")

	big := func(v uint64) bool { return v > 40 }
	first, resp, err := queryutil.All(ctx, m, &query.PageRequest{Limit: 2, CountTotal: true}, big)
	require.NoError(t, err)
	require.Equal(t, []uint64{50, 60}, first)
	require.NotEmpty(t, resp.NextKey)
	next, _, err := queryutil.All(ctx, m, &query.PageRequest{Key: resp.NextKey, Limit: 10}, big)
	require.NoError(t, err)
	require.Equal(t, []uint64{70, 80, 90}, next)
}

// TestByIndex: one index prefix, records loaded by primary key, an optional
// filter, reverse order and pages.
func TestByIndex(t *testing.T) {
	ctx, m := numbers(t)
	odd, _, err := queryutil.ByIndex(ctx, m.Indexes.Parity, uint64(1), nil, m, nil)
	require.NoError(t, err)
	require.Equal(t, []uint64{10, 30, 50, 70, 90}, odd)

	even, resp, err := queryutil.ByIndex(ctx, m.Indexes.Parity, uint64(0), &query.PageRequest{Limit: 1, Reverse: true, CountTotal: true}, m,
		func(v uint64) bool { return v != 80 })
	require.NoError(t, err)
	require.Equal(t, []uint64{60}, even, "80 is filtered out, newest first")
	require.NotEmpty(t, resp.NextKey)

	none, _, err := queryutil.ByIndex(ctx, m.Indexes.Parity, uint64(0), nil, m, func(uint64) bool { return false })
	require.NoError(t, err)
	require.Empty(t, none)
}

// TestUnder: only the records under one first key part, paged.
func TestUnder(t *testing.T) {
	key := storetypes.NewKVStoreKey("u")
	ctx := testutil.DefaultContext(key, storetypes.NewTransientStoreKey("tu"))
	sb := collections.NewSchemaBuilder(runtime.NewKVStoreService(key))
	m := collections.NewMap(sb, collections.NewPrefix(1), "pairs",
		collections.PairKeyCodec(collections.Uint64Key, collections.StringKey), collections.StringValue)
	_, err := sb.Build()
	require.NoError(t, err)
	for _, k := range []collections.Pair[uint64, string]{
		collections.Join(uint64(1), "a"), collections.Join(uint64(2), "b"), collections.Join(uint64(2), "c"), collections.Join(uint64(3), "d"),
	} {
		require.NoError(t, m.Set(ctx, k, k.K2()))
	}
	got, _, err := queryutil.Under(ctx, m, uint64(2), nil)
	require.NoError(t, err)
	require.Equal(t, []string{"b", "c"}, got)
	page, resp, err := queryutil.Under(ctx, m, uint64(2), &query.PageRequest{Limit: 1})
	require.NoError(t, err)
	require.Equal(t, []string{"b"}, page)
	rest, _, err := queryutil.Under(ctx, m, uint64(2), &query.PageRequest{Key: resp.NextKey})
	require.NoError(t, err)
	require.Equal(t, []string{"c"}, rest)
}
