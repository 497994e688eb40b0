package keeper_test

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	reviewkeeper "github.com/polity-chain/polity/x/review/keeper"
	"github.com/polity-chain/polity/x/review/types"
)

// perCommunity sets organisational reviews per community every ten hours,
// with an hour for the report.
func perCommunity(t *testing.T, f *keepertest.Fixture) {
	t.Helper()
	p := f.ReviewParams()
	p.ReviewCycles = []types.ReviewCycle{
		{Type: types.ReviewOrganisational, Period: 10 * time.Hour, ReportPeriod: time.Hour, PerCommunity: true},
		{Type: types.ReviewPostEmergency, ReportPeriod: time.Hour},
	}
	f.SetReviewParams(p)
}

// reviewedOnTheirOwn lists the communities a per-community cycle reviews:
// the top-level ones other than the secretariat, in id order.
func reviewedOnTheirOwn(t *testing.T, f *keepertest.Fixture) (ids []string, all int) {
	iter, err := f.Keeper.Communities.Iterate(f.Ctx, nil)
	require.NoError(t, err)
	defer iter.Close()
	for ; iter.Valid(); iter.Next() {
		c, err := iter.Value()
		require.NoError(t, err)
		all++
		if types.ReviewedOnItsOwn(c) {
			ids = append(ids, c.Id)
		}
	}
	return ids, all
}

// communityReviews queries the schedule.
func communityReviews(t *testing.T, f *keepertest.Fixture) []types.CommunityReview {
	res, err := f.ReviewQueryServer.CommunityReviews(f.Ctx, &types.QueryCommunityReviewsRequest{Pagination: &query.PageRequest{Limit: 100}})
	require.NoError(t, err)
	return res.CommunityReviews
}

// TestPerCommunityReviews: every top-level community (not the secretariat,
// not a sub-community) gets its own organisational review every period.
// Communities are enrolled one a block, each due a period after it was
// found; each review opens at its own time and schedules the next.
func TestPerCommunityReviews(t *testing.T) {
	f := newFixture(t)
	perCommunity(t, f)
	want, all := reviewedOnTheirOwn(t, f)
	require.NotEmpty(t, want)
	start := f.Now()
	var scheduled []*types.EventCommunityReviewScheduled
	for range all {
		f.Advance(time.Second)
		scheduled = append(scheduled, typedEvents[*types.EventCommunityReviewScheduled](t, f)...)
	}
	require.Len(t, scheduled, len(want), "one event per community enrolled")
	sched := communityReviews(t, f)
	var got []string
	for _, cr := range sched {
		got = append(got, cr.CommunityId)
		// found in one of the blocks just run, a second apart
		require.True(t, cr.Due.After(start.Add(10*time.Hour)) && !cr.Due.After(start.Add(10*time.Hour+time.Duration(all)*time.Second)),
			"%s: due %s, a period after it was found", cr.CommunityId, cr.Due)
	}
	require.Equal(t, want, got, "soonest first, which is the enrolment order")
	require.True(t, slices.IsSortedFunc(sched, func(a, b types.CommunityReview) int { return a.Due.Compare(b.Due) }))

	// another full round of the cursor enrols nobody twice
	for range all {
		f.Advance(time.Second)
	}
	require.Equal(t, sched, communityReviews(t, f))

	// the first community's review opens at its due time, the rest wait
	f.Advance(sched[0].Due.Sub(f.Now()))
	ids := reviewsWhere(f, &types.QueryReviewsRequest{Type: types.ReviewOrganisational})
	require.Len(t, ids, 1)
	r := must(f.Review.GetReview(f.Ctx, ids[0]))
	require.Equal(t, want[0], r.Subject)
	require.Equal(t, types.ReviewOpen, r.Status)
	next := communityReviews(t, f)
	require.Equal(t, want[0], next[len(next)-1].CommunityId, "its next review is a period on")
	require.Equal(t, f.Now().Add(10*time.Hour).Unix(), next[len(next)-1].Due.Unix())

	// the others open one a block at their own times
	f.Advance(time.Duration(len(want)) * time.Second)
	require.Len(t, reviewsWhere(f, &types.QueryReviewsRequest{Type: types.ReviewOrganisational}), len(want))
	keepertest.RequireInvariantsHold(t, f.Ctx, reviewkeeper.InvariantRoutes(f.Review))
}

// TestPerCommunityReviewsBounded: however many reviews fall due together,
// a block opens at most max_queue_items_per_block of them; the rest open in
// the blocks that follow, none lost.
func TestPerCommunityReviewsBounded(t *testing.T) {
	f := newFixture(t)
	perCommunity(t, f)
	p := f.ReviewParams()
	p.MaxQueueItemsPerBlock = 2
	f.SetReviewParams(p)
	want, _ := reviewedOnTheirOwn(t, f)
	require.Greater(t, len(want), 2)
	due := f.Now().Add(time.Minute).Unix()
	for _, id := range want {
		require.NoError(t, f.Review.CommunityReviews.Set(f.Ctx, id, due))
		require.NoError(t, f.Review.CommunityReviewQueue.Set(f.Ctx, collections.Join(due, id)))
	}
	f.Advance(time.Minute)
	require.Len(t, reviewsWhere(f, &types.QueryReviewsRequest{Type: types.ReviewOrganisational}), 2)
	for range len(want) {
		f.Advance(time.Second)
	}
	require.Len(t, reviewsWhere(f, &types.QueryReviewsRequest{Type: types.ReviewOrganisational}), len(want))
	for _, cr := range communityReviews(t, f) {
		require.Greater(t, cr.Due.Unix(), due, "%s: rescheduled", cr.CommunityId)
	}
}

// TestPerCommunityReviewsGenesis: the schedule and the cursor survive
// export and import, and a bad schedule is refused.
func TestPerCommunityReviewsGenesis(t *testing.T) {
	f := newFixture(t)
	perCommunity(t, f)
	for range 3 {
		f.Advance(time.Second)
	}
	gs := f.ExportReview()
	require.Len(t, gs.CommunityReviews, 3)
	require.NotEmpty(t, gs.CommunityReviewCursor)
	require.NoError(t, gs.Validate(f.AddressCodec))

	g := keepertest.NewFixture(t)
	g.SetBlock(f.Ctx.BlockHeight(), f.Now())
	g.InitProposalsGenesis(f.ExportProposals())
	g.InitReviewGenesis(gs)
	require.Equal(t, string(f.ExportReviewJSON()), string(g.ExportReviewJSON()))
	due, err := g.Review.CommunityReviewQueue.Has(g.Ctx, collections.Join(gs.CommunityReviews[0].Due.Unix(), gs.CommunityReviews[0].CommunityId))
	require.NoError(t, err)
	require.True(t, due, "the queue is rebuilt")

	dup := *gs
	dup.CommunityReviews = append(slices.Clone(gs.CommunityReviews), gs.CommunityReviews[0])
	require.ErrorContains(t, dup.Validate(f.AddressCodec), "listed twice")
	bad := *gs
	bad.CommunityReviews = []types.CommunityReview{{CommunityId: "Not An Id", Due: f.Now()}}
	require.Error(t, bad.Validate(f.AddressCodec))
}

// TestPerCommunityOnlyOrganisational: only organisational reviews are per
// community.
func TestPerCommunityOnlyOrganisational(t *testing.T) {
	p := types.DefaultParams()
	p.ReviewCycles = append(p.ReviewCycles, types.ReviewCycle{Type: types.ReviewSecurity, Period: time.Hour, ReportPeriod: time.Hour, PerCommunity: true})
	require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
}
