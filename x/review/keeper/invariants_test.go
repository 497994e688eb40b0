package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/review/keeper"
	"github.com/polity-chain/polity/x/review/types"
)

// firstKey returns a queue's first entry.
func firstKey(t *testing.T, f *keepertest.Fixture, q collections.KeySet[collutil.QueueKey]) collutil.QueueKey {
	t.Helper()
	iter, err := q.Iterate(f.Ctx, nil)
	require.NoError(t, err)
	keys, err := iter.Keys()
	require.NoError(t, err)
	require.NotEmpty(t, keys)
	return keys[0]
}

// dropFirst removes a queue's first entry.
func dropFirst(q func(*keepertest.Fixture) collections.KeySet[collutil.QueueKey]) func(*testing.T, *keepertest.Fixture) {
	return func(t *testing.T, f *keepertest.Fixture) {
		require.NoError(t, q(f).Remove(f.Ctx, firstKey(t, f, q(f))))
	}
}

// TestInvariantsHoldAndBreak checks that every invariant passes on the rich
// state of the genesis test (cases, reviews and emergencies in every status)
// and that each fails once the state it audits is corrupted on purpose.
func TestInvariantsHoldAndBreak(t *testing.T) {
	cases := []struct {
		name, route string
		corrupt     func(*testing.T, *keepertest.Fixture)
	}{
		{"pick", "case-queues", dropFirst(func(f *keepertest.Fixture) collections.KeySet[collutil.QueueKey] { return f.Review.PickQueue })},
		{"seed", "case-queues", dropFirst(func(f *keepertest.Fixture) collections.KeySet[collutil.QueueKey] { return f.Review.SeedQueue })},
		{"board", "case-queues", dropFirst(func(f *keepertest.Fixture) collections.KeySet[collutil.QueueKey] { return f.Review.BoardQueue })},
		{"stray entry", "case-queues", func(t *testing.T, f *keepertest.Fixture) {
			require.NoError(t, f.Review.ComplaintQueue.Set(f.Ctx, collections.Join(int64(1), uint64(999))))
		}},
		{"review", "review-queues", dropFirst(func(f *keepertest.Fixture) collections.KeySet[collutil.QueueKey] { return f.Review.ReviewQueue })},
		{"community review", "review-queues", func(t *testing.T, f *keepertest.Fixture) {
			require.NoError(t, f.Review.CommunityReviews.Set(f.Ctx, "dev", 12345))
		}},
		{"consultation", "emergency-queues", dropFirst(func(f *keepertest.Fixture) collections.KeySet[collutil.QueueKey] { return f.Review.ConsultationQueue })},
		{"paused", "emergency-queues", func(t *testing.T, f *keepertest.Fixture) {
			require.NoError(t, f.Review.Paused.Set(f.Ctx, "/cosmos.bank.v1beta1.MsgSend", 3))
		}},
		{"holds", "holds", func(t *testing.T, f *keepertest.Fixture) {
			iter, err := f.Review.IRPs.Iterate(f.Ctx, nil)
			require.NoError(t, err)
			irps, err := iter.Values()
			require.NoError(t, err)
			for _, c := range irps {
				if c.Stayed {
					c.Stayed = false
					require.NoError(t, f.Review.IRPs.Set(f.Ctx, c.Id, c))
					return
				}
			}
			t.Fatal("no stayed case")
		}},
		{"deposits", "deposits", func(t *testing.T, f *keepertest.Fixture) {
			c, err := f.Review.Complaints.Get(f.Ctx, 1)
			require.NoError(t, err)
			c.Deposit = sdk.NewCoins(sdk.NewCoin("upolity", sdkmath.NewInt(1_000_000_000_000)))
			c.DepositStatus = types.DepositHeld
			require.NoError(t, f.Review.Complaints.Set(f.Ctx, c.Id, c))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := buildRichState(t)
			keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Review))
			tc.corrupt(t, f)
			keepertest.RequireInvariantBreaks(t, f.Ctx, keeper.InvariantRoutes(f.Review), tc.route)
		})
	}
}
