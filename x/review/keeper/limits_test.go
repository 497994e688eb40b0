package keeper_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/query"

	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// TestReviewNomineeAndTeamLimits checks the bounds on a review's team: at
// most three nominees per team seat, and no appointment once the team is
// appointed; each refusal leaves state unchanged.
func TestReviewNomineeAndTeamLimits(t *testing.T) {
	f := newFixture(t)
	p := f.ReviewParams()
	p.MaxTeamSize = 1
	p.ReviewCycles = []types.ReviewCycle{
		{Type: types.ReviewAccountability, Period: 10 * time.Hour, ReportPeriod: 5 * time.Hour},
		{Type: types.ReviewPostEmergency, ReportPeriod: 5 * time.Hour},
	}
	f.SetReviewParams(p)
	f.Advance(time.Second)
	f.Advance(10 * time.Hour)

	f.MustDeliver(nominate("dev", 1, "dev-member"))
	f.MustDeliver(nominate("ops", 1, "ops-member"))
	f.MustDeliver(nominate("fin", 1, "fin-member"))
	requireFailsUnchanged(t, f, nominate("users", 1, "users-member"), types.ErrLimit)
	require.Len(t, must(f.Review.GetReview(f.Ctx, 1)).Nominees, 3)

	requireFailsUnchanged(t, f, &types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: 1, Members: names("dev-member", "ops-member")}, types.ErrLimit)
	f.PassResolution(&types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: 1, Members: names("ops-member")})
	r := must(f.Review.GetReview(f.Ctx, 1))
	require.Equal(t, types.ReviewInProgress, r.Status)
	requireFailsUnchanged(t, f, &types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: 1, Members: names("fin-member")}, types.ErrWrongPhase)
	requireFailsUnchanged(t, f, &types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: 9, Members: names("fin-member")}, types.ErrNotFound)

	// a report carries at most MaxRecommendations recommendations
	tooMany := make([]string, types.MaxRecommendations+1)
	for i := range tooMany {
		tooMany[i] = "recommendation " + strconv.Itoa(i)
	}
	requireFailsUnchanged(t, f, &types.MsgFileReviewReport{Member: name("ops-member"), ReviewId: 1, Report: doc("report"), Recommendations: tooMany}, types.ErrLimit)
	require.Equal(t, types.ReviewInProgress, must(f.Review.GetReview(f.Ctx, 1)).Status)
}

// TestRecommendationImplementedInTime checks that a recommendation
// implemented before its due date leaves the implementation queue: it is never
// flagged overdue, and its review closes.
func TestRecommendationImplementedInTime(t *testing.T) {
	f := newFixture(t)
	shortCycles(t, f)
	f.Advance(10 * time.Hour)
	f.MustDeliver(nominate("dev", 1, "dev-member"))
	f.PassResolution(&types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: 1, Members: names("dev-member")})
	f.MustDeliver(&types.MsgFileReviewReport{Member: name("dev-member"), ReviewId: 1, Report: doc("report"), Recommendations: []string{"publish minutes"}})
	f.PassResolution(&types.MsgDecideRecommendation{Authority: f.Authority, ReviewId: 1, Index: 0, Approve: true})
	rec := must(f.Review.Recommendations.Get(f.Ctx, joinRec(1, 0)))
	require.Equal(t, types.RecommendationApproved, rec.Status)
	require.True(t, f.Now().Before(rec.Due))

	f.PassResolution(&types.MsgRecordImplementation{Authority: f.Authority, ReviewId: 1, Index: 0, Evidence: doc("evidence")})
	rec = must(f.Review.Recommendations.Get(f.Ctx, joinRec(1, 0)))
	require.Equal(t, types.RecommendationImplemented, rec.Status)
	require.False(t, rec.Overdue)
	require.Equal(t, doc("evidence"), rec.Evidence)
	require.Equal(t, types.ReviewClosed, must(f.Review.GetReview(f.Ctx, 1)).Status)

	// the due date passes without an overdue flag: the queue entry is gone
	f.ResetEvents()
	f.Advance(rec.Due.Sub(f.Now()) + time.Second)
	require.False(t, must(f.Review.Recommendations.Get(f.Ctx, joinRec(1, 0))).Overdue)
	for _, ev := range typedEvents[*types.EventRecommendationChanged](t, f) {
		require.NotEqual(t, uint64(1), ev.ReviewId, "no change to the implemented recommendation")
	}
}

// TestEmergencyTargetAndMinutesLimits checks that a decided (terminal)
// proposal cannot be suspended, and that an emergency keeps at most 100
// minutes, the statement included.
func TestEmergencyTargetAndMinutesLimits(t *testing.T) {
	f := newFixture(t)
	f.SetBoardChair("director-ops")
	decided := f.PassResolution(&types.MsgAppointPanelist{Authority: f.Authority, Address: name("panelist-8"), Name: "Panelist 8"})
	require.True(t, f.GetProposal(decided).Status.Terminal())
	require.Equal(t, proposalstypes.StatusRatified, f.GetProposal(decided).Status)
	requireFailsUnchanged(t, f, emergencyMsg("director-ops", types.EmergencySuspendProposal, strconv.FormatUint(decided, 10)), types.ErrInvalidTarget)

	e := take(t, f, emergencyMsg("director-ops", types.EmergencyStatement, ""))
	minutes := &types.MsgAddMinutes{Chair: name("director-ops"), EmergencyId: e.Id, Minutes: doc("minutes")}
	for range 99 {
		f.MustDeliver(minutes)
	}
	require.Len(t, must(f.Review.GetEmergency(f.Ctx, e.Id)).Minutes, 100)
	requireFailsUnchanged(t, f, minutes, types.ErrLimit)
	requireFailsUnchanged(t, f, &types.MsgAddMinutes{Chair: name("director-dev"), EmergencyId: e.Id, Minutes: doc("minutes")}, types.ErrNotChair)
	requireFailsUnchanged(t, f, &types.MsgAddMinutes{Chair: name("director-ops"), EmergencyId: 99, Minutes: doc("minutes")}, types.ErrNotFound)
}

// TestQueryIRPsUnfiltered checks the IRP list without a filter: every case in
// id order, in pages.
func TestQueryIRPsUnfiltered(t *testing.T) {
	f := newFixture(t)
	proposal := f.BylawInECWindow()
	first := f.MustFileIRP(fileMsg(empowered(), types.ClaimantEmpowered, proposal))
	second := f.MustFileIRP(fileMsg(empowered(), types.ClaimantEmpowered, proposal))
	q := f.ReviewQueryServer

	all := must(q.IRPs(f.Ctx, &types.QueryIRPsRequest{})).Irps
	require.Len(t, all, 2)
	require.Equal(t, []uint64{first, second}, []uint64{all[0].Id, all[1].Id})

	page := must(q.IRPs(f.Ctx, &types.QueryIRPsRequest{Pagination: &query.PageRequest{Limit: 1}}))
	require.Len(t, page.Irps, 1)
	require.Equal(t, first, page.Irps[0].Id)
	require.NotEmpty(t, page.Pagination.NextKey)

	// a case whose panel has not formed has no declarations
	require.Empty(t, must(q.IRP(f.Ctx, &types.QueryIRPRequest{Id: first})).Declarations)
}
