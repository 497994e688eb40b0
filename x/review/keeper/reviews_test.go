package keeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/review/types"
)

// shortCycles sets an accountability review every ten hours with five hours
// for its report (and the post-emergency cycle), and runs a block so the
// schedule starts counting.
func shortCycles(t *testing.T, f *keepertest.Fixture) {
	t.Helper()
	p := f.ReviewParams()
	p.ReviewCycles = []types.ReviewCycle{
		{Type: types.ReviewAccountability, Period: 10 * time.Hour, ReportPeriod: 5 * time.Hour},
		{Type: types.ReviewPostEmergency, ReportPeriod: 5 * time.Hour},
	}
	f.SetReviewParams(p)
	f.Advance(time.Second)
}

// nominate is a community's nomination, signed as its motion.
func nominate(community string, review uint64, nominee string) *types.MsgNominateReviewer {
	return &types.MsgNominateReviewer{Authority: body(community), CommunityId: community, ReviewId: review, Nominee: name(nominee)}
}

// reviewsWhere lists review ids by a query.
func reviewsWhere(f *keepertest.Fixture, req *types.QueryReviewsRequest) []uint64 {
	var ids []uint64
	for _, r := range must(f.ReviewQueryServer.Reviews(f.Ctx, req)).Reviews {
		ids = append(ids, r.Id)
	}
	return ids
}

// TestPeriodicReview follows a review from its cycle to implementation: it
// opens when due, communities nominate, the Board appoints the team from the
// nominees by resolution, a member reports with recommendations, the Board
// decides each, and an approved one is tracked to implementation, overdue
// when late.
func TestPeriodicReview(t *testing.T) {
	f := newFixture(t)
	shortCycles(t, f)
	f.Advance(10*time.Hour - time.Second)
	require.Empty(t, reviewsWhere(f, &types.QueryReviewsRequest{}))
	f.ResetEvents()
	f.Advance(time.Second)
	r := must(f.Review.GetReview(f.Ctx, 1))
	require.Equal(t, types.ReviewAccountability, r.Type)
	require.Equal(t, types.ReviewOpen, r.Status)
	require.Equal(t, f.Now().Add(5*time.Hour), r.ReportDue)
	require.Equal(t, types.EventReviewChanged{ReviewId: 1, Type: types.ReviewAccountability, Status: types.ReviewOpen},
		*requireEvent[*types.EventReviewChanged](t, f))

	wrong := nominate("dev", 1, "dev-member")
	wrong.Authority = body("ops")
	requireFailsUnchanged(t, f, wrong, types.ErrUnauthorized)
	requireFailsUnchanged(t, f, nominate("dev", 9, "dev-member"), types.ErrNotFound)
	f.MustDeliver(nominate("dev", 1, "dev-member"))
	requireFailsUnchanged(t, f, nominate("ops", 1, "dev-member"), types.ErrAlreadyDone)
	f.MustDeliver(nominate("ops", 1, "ops-member"))
	require.Equal(t, names("dev-member", "ops-member"), must(f.Review.GetReview(f.Ctx, 1)).Nominees)

	team := &types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: 1, Members: names("dev-member", "ops-member")}
	for _, bad := range []*types.MsgAppointReviewTeam{
		{Authority: name("director-dev"), ReviewId: 1, Members: team.Members},
	} {
		requireFailsUnchanged(t, f, bad, types.ErrUnauthorized)
	}
	requireFailsUnchanged(t, f, &types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: 1}, types.ErrLimit)
	requireFailsUnchanged(t, f, &types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: 1, Members: names("fin-member")}, types.ErrNotTeamMember)
	requireFailsUnchanged(t, f, &types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: 1, Members: names("dev-member", "dev-member")}, types.ErrNotTeamMember)
	f.PassResolution(team)
	r = must(f.Review.GetReview(f.Ctx, 1))
	require.Equal(t, types.ReviewInProgress, r.Status)
	require.Equal(t, team.Members, r.Team)
	requireFailsUnchanged(t, f, nominate("fin", 1, "fin-member"), types.ErrWrongPhase)

	report := &types.MsgFileReviewReport{Member: name("ops-member"), ReviewId: 1, Report: doc("review-report"), Recommendations: []string{"publish minutes", "rotate chairs"}}
	byOutsider := *report
	byOutsider.Member = name("fin-member")
	requireFailsUnchanged(t, f, &byOutsider, types.ErrNotTeamMember)
	noDoc := *report
	noDoc.Report.Hash, noDoc.Report.Uri = "", ""
	requireFailsUnchanged(t, f, &noDoc, types.ErrRequired)
	long := *report
	long.Recommendations = []string{strings.Repeat("r", int(f.ReviewParams().MaxTextLength)+1)}
	requireFailsUnchanged(t, f, &long, types.ErrTextTooLong)
	f.MustDeliver(report)
	r = must(f.Review.GetReview(f.Ctx, 1))
	require.Equal(t, types.ReviewReported, r.Status)
	require.Equal(t, uint32(2), r.OpenRecommendations)
	require.False(t, r.Overdue)
	recs := must(f.ReviewQueryServer.Recommendations(f.Ctx, &types.QueryRecommendationsRequest{Id: 1})).Recommendations
	require.Len(t, recs, 2)
	require.Equal(t, types.RecommendationProposed, recs[1].Status)
	require.Equal(t, "rotate chairs", recs[1].Text)
	requireFailsUnchanged(t, f, report, types.ErrWrongPhase)

	approve := &types.MsgDecideRecommendation{Authority: f.Authority, ReviewId: 1, Index: 0, Approve: true}
	implement := &types.MsgRecordImplementation{Authority: f.Authority, ReviewId: 1, Index: 0, Evidence: doc("evidence")}
	requireFailsUnchanged(t, f, implement, types.ErrWrongPhase) // not approved yet
	requireFailsUnchanged(t, f, &types.MsgDecideRecommendation{Authority: f.Authority, ReviewId: 1, Index: 7}, types.ErrNotFound)
	resolution := f.PassResolution(approve, &types.MsgDecideRecommendation{Authority: f.Authority, ReviewId: 1, Index: 1})
	rec := must(f.Review.Recommendations.Get(f.Ctx, joinRec(1, 0)))
	require.Equal(t, types.RecommendationApproved, rec.Status)
	require.Equal(t, resolution, rec.DecidedBy)
	require.Equal(t, f.Now().Add(f.ReviewParams().ImplementationPeriod), rec.Due)
	require.Equal(t, types.RecommendationRejected, must(f.Review.Recommendations.Get(f.Ctx, joinRec(1, 1))).Status)
	require.Equal(t, uint32(1), must(f.Review.GetReview(f.Ctx, 1)).OpenRecommendations)
	requireFailsUnchanged(t, f, approve, types.ErrWrongPhase)

	f.ResetEvents()
	f.Advance(rec.Due.Sub(f.Now()))
	rec = must(f.Review.Recommendations.Get(f.Ctx, joinRec(1, 0)))
	require.True(t, rec.Overdue, "not implemented by its due date")
	require.Equal(t, types.EventRecommendationChanged{ReviewId: 1, Index: 0, Status: types.RecommendationApproved, Overdue: true},
		*requireEvent[*types.EventRecommendationChanged](t, f))
	noEvidence := *implement
	noEvidence.Evidence.Hash, noEvidence.Evidence.Uri = "", ""
	requireFailsUnchanged(t, f, &noEvidence, types.ErrRequired)
	f.PassResolution(implement)
	rec = must(f.Review.Recommendations.Get(f.Ctx, joinRec(1, 0)))
	require.Equal(t, types.RecommendationImplemented, rec.Status)
	require.True(t, rec.Overdue, "late implementation stays on record")
	require.Equal(t, types.ReviewClosed, must(f.Review.GetReview(f.Ctx, 1)).Status)

	// the long advance opened the next review, whose report is now late
	next := reviewsWhere(f, &types.QueryReviewsRequest{Status: types.ReviewOpen})
	require.Equal(t, []uint64{2}, next)
	f.Advance(5 * time.Hour)
	require.Equal(t, []uint64{2}, reviewsWhere(f, &types.QueryReviewsRequest{OverdueOnly: true}))
	require.Equal(t, []uint64{1}, reviewsWhere(f, &types.QueryReviewsRequest{Status: types.ReviewClosed, Type: types.ReviewAccountability}))
}

// TestReviewWithoutRecommendations checks that a report with no
// recommendations closes its review, and that a late report keeps the
// overdue flag.
func TestReviewWithoutRecommendations(t *testing.T) {
	f := newFixture(t)
	shortCycles(t, f)
	f.Advance(10 * time.Hour)
	f.MustDeliver(nominate("fin", 1, "fin-member"))
	f.PassResolution(&types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: 1, Members: names("fin-member")})
	f.Advance(5 * time.Hour)
	require.True(t, must(f.Review.GetReview(f.Ctx, 1)).Overdue)
	f.MustDeliver(&types.MsgFileReviewReport{Member: name("fin-member"), ReviewId: 1, Report: doc("late-report")})
	r := must(f.Review.GetReview(f.Ctx, 1))
	require.Equal(t, types.ReviewClosed, r.Status)
	require.True(t, r.Overdue)
}

// TestOrganisationalReview checks that organisational reviews go round the
// communities in id order.
func TestOrganisationalReview(t *testing.T) {
	f := newFixture(t)
	p := f.ReviewParams()
	p.ReviewCycles = []types.ReviewCycle{
		{Type: types.ReviewOrganisational, Period: time.Hour, ReportPeriod: time.Hour},
		{Type: types.ReviewPostEmergency, ReportPeriod: time.Hour},
	}
	f.SetReviewParams(p)
	f.Advance(time.Second)
	var subjects []string
	for range 3 {
		f.Advance(time.Hour)
		ids := reviewsWhere(f, &types.QueryReviewsRequest{Type: types.ReviewOrganisational})
		subjects = append(subjects, must(f.Review.GetReview(f.Ctx, ids[len(ids)-1])).Subject)
	}
	require.Equal(t, []string{"dev", "fin", "gov"}, subjects)
}
