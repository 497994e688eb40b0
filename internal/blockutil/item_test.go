package blockutil_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/blockutil"
)

// TestRunnerDo checks the one failure shape of every module's queues: a
// failing item's writes are discarded and its entry dropped; its failure is
// recorded by Close when it has one, and reported by the event otherwise or
// when Close fails too (whose writes are then discarded as well).
func TestRunnerDo(t *testing.T) {
	boom := errors.New("boom")
	cases := []struct {
		name       string
		run, close error
		hasClose   bool
		want       map[string]string
		reported   bool
	}{
		{name: "success", want: map[string]string{"run": "x", "entry": "x"}},
		{name: "failure closed on its record", run: boom, hasClose: true, want: map[string]string{"closed": "boom"}},
		{name: "failure without a record", run: boom, reported: true, want: map[string]string{}},
		{name: "failure whose close fails", run: boom, hasClose: true, close: errors.New("no record"), reported: true, want: map[string]string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			key := storetypes.NewKVStoreKey("test")
			ctx := testutil.DefaultContext(key, storetypes.NewTransientStoreKey("transient"))
			store := func(c sdk.Context) storetypes.KVStore { return c.KVStore(key) }
			store(ctx).Set([]byte("entry"), []byte("x"))
			var reported []string
			r := blockutil.Runner{Logger: log.NewNopLogger(), Report: func(_ sdk.Context, queue string, id uint64, cause error) error {
				reported = append(reported, queue+":"+cause.Error())
				return nil
			}}
			it := blockutil.Item{
				Queue: "q", ID: 7,
				Run: func(c sdk.Context) error {
					store(c).Set([]byte("run"), []byte("x"))
					return tc.run
				},
				Drop: func(c sdk.Context) error { store(c).Delete([]byte("entry")); return nil },
			}
			if tc.hasClose {
				it.Close = func(c sdk.Context, cause error) error {
					store(c).Set([]byte("closed"), []byte(cause.Error()))
					return tc.close
				}
			}
			require.Equal(t, tc.run == nil, r.Do(ctx, it))
			got := map[string]string{}
			for _, k := range []string{"run", "entry", "closed"} {
				if v := store(ctx).Get([]byte(k)); v != nil {
					got[k] = string(v)
				}
			}
			require.Equal(t, tc.want, got)
			if tc.reported {
				require.Equal(t, []string{"q:boom"}, reported)
			} else {
				require.Empty(t, reported)
			}
		})
	}
}
