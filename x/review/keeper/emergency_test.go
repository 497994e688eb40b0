package keeper_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

const (
	msgSend      = "/cosmos.bank.v1beta1.MsgSend"
	msgMultiSend = "/cosmos.bank.v1beta1.MsgMultiSend"
)

var emergencyMsg = keepertest.EmergencyMsg

// take delivers an emergency action that must be accepted.
func take(t *testing.T, f *keepertest.Fixture, msg *types.MsgTakeEmergencyAction) types.Emergency {
	t.Helper()
	id, err := f.TakeEmergency(msg)
	require.NoError(t, err)
	return must(f.Review.GetEmergency(f.Ctx, id))
}

// paused reports whether a message type is paused.
func paused(f *keepertest.Fixture, typeURL string) bool {
	return must(f.Review.IsPaused(f.Ctx, typeURL))
}

// TestEmergencyRefusals checks that only the Board chair acts, only from the
// list, with a statement, on a valid target; nothing changes otherwise.
func TestEmergencyRefusals(t *testing.T) {
	f := newFixture(t)
	requireFailsUnchanged(t, f, emergencyMsg("director-ops", types.EmergencyStatement, ""), types.ErrNotChair) // no chair yet
	f.SetBoardChair("director-ops")
	requireFailsUnchanged(t, f, emergencyMsg("director-dev", types.EmergencyStatement, ""), types.ErrNotChair)
	requireFailsUnchanged(t, f, emergencyMsg("outsider", types.EmergencyStatement, ""), types.ErrNotChair)
	noStatement := emergencyMsg("director-ops", types.EmergencyStatement, "")
	noStatement.Statement.Hash, noStatement.Statement.Uri = "", ""
	requireFailsUnchanged(t, f, noStatement, types.ErrRequired)
	requireFailsUnchanged(t, f, emergencyMsg("director-ops", types.EmergencyStatement, "x"), types.ErrInvalidTarget)
	requireFailsUnchanged(t, f, emergencyMsg("director-ops", types.EmergencySuspendProposal, "abc"), types.ErrInvalidTarget)
	requireFailsUnchanged(t, f, emergencyMsg("director-ops", types.EmergencySuspendProposal, "99"), types.ErrInvalidTarget)
	requireFailsUnchanged(t, f, emergencyMsg("director-ops", types.EmergencyPauseMessage, "/polity.review.v1.MsgLiftEmergency"), types.ErrInvalidTarget)
	requireFailsUnchanged(t, f, emergencyMsg("director-ops", types.EmergencyPauseMessage, "/polity.community.v1.MsgVote"), types.ErrInvalidTarget)
	requireFailsUnchanged(t, f, emergencyMsg("director-ops", types.EmergencyPauseMessage, "/nope.v1.MsgNothing"), types.ErrInvalidTarget)
	requireFailsUnchanged(t, f, emergencyMsg("director-ops", types.EmergencyUnspecified, ""), types.ErrActionNotListed)

	p := f.ReviewParams()
	p.EmergencyKinds = []types.EmergencyKind{types.EmergencyStatement}
	f.SetReviewParams(p)
	requireFailsUnchanged(t, f, emergencyMsg("director-ops", types.EmergencyPauseMessage, msgSend), types.ErrActionNotListed)
	require.Empty(t, f.ExportReview().Emergencies)
}

// TestEmergencyPauseExpires checks a pause: it takes effect at once, opens a
// post-hoc review, records a missed consultation, and lapses (the pause
// lifted) unless the Board ratifies it; a late consultation is still recorded.
func TestEmergencyPauseExpires(t *testing.T) {
	f := newFixture(t)
	f.SetBoardChair("director-ops")
	f.ResetEvents()
	e := take(t, f, emergencyMsg("director-ops", types.EmergencyPauseMessage, msgSend))
	p := f.ReviewParams()
	require.Equal(t, types.EmergencyActive, e.Status)
	require.Equal(t, f.Now().Add(p.EmergencyConsultationPeriod), e.ConsultationDeadline)
	require.Equal(t, f.Now().Add(p.EmergencyExpiry), e.Expiry)
	require.Equal(t, name("director-ops"), e.Chair)
	require.Len(t, e.Minutes, 1, "the statement opens the minutes")
	require.True(t, paused(f, msgSend))
	require.Equal(t, []string{msgSend}, must(f.ReviewQueryServer.PausedMessages(f.Ctx, &types.QueryPausedMessagesRequest{})).TypeUrls)
	ev := requireEvent[*types.EventEmergencyChanged](t, f)
	require.Equal(t, types.EmergencyActive, ev.Status)
	require.Equal(t, msgSend, ev.Target)

	review := must(f.Review.GetReview(f.Ctx, e.ReviewId))
	require.Equal(t, types.ReviewPostEmergency, review.Type)
	require.Equal(t, "emergency/"+strconv.FormatUint(e.Id, 10), review.Subject)
	require.Equal(t, types.ReviewOpen, review.Status)
	require.Equal(t, types.EventReviewChanged{ReviewId: e.ReviewId, Type: types.ReviewPostEmergency, Subject: review.Subject, Status: types.ReviewOpen},
		*requireEvent[*types.EventReviewChanged](t, f))

	// the same measure on the same target is not taken twice
	requireFailsUnchanged(t, f, emergencyMsg("director-ops", types.EmergencyPauseMessage, msgSend), types.ErrInvalidTarget)
	second := take(t, f, emergencyMsg("director-ops", types.EmergencyPauseMessage, msgMultiSend))
	f.Advance(e.ConsultationDeadline.Sub(f.Now()))
	require.True(t, must(f.Review.GetEmergency(f.Ctx, e.Id)).ConsultationMissed)

	f.PassResolution(&types.MsgLiftEmergency{Authority: f.Authority, EmergencyId: second.Id})
	require.Equal(t, types.EmergencyLifted, must(f.Review.GetEmergency(f.Ctx, second.Id)).Status)
	require.False(t, paused(f, msgMultiSend))
	require.True(t, paused(f, msgSend), "the first pause is still in force")

	f.Advance(e.Expiry.Sub(f.Now()))
	got := must(f.Review.GetEmergency(f.Ctx, e.Id))
	require.Equal(t, types.EmergencyExpired, got.Status)
	require.False(t, paused(f, msgSend))
	requireFailsUnchanged(t, f, &types.MsgRatifyEmergency{Authority: f.Authority, EmergencyId: e.Id}, types.ErrWrongPhase)
	requireFailsUnchanged(t, f, &types.MsgLiftEmergency{Authority: f.Authority, EmergencyId: e.Id}, types.ErrWrongPhase)
	require.Equal(t, types.ReviewOpen, must(f.Review.GetReview(f.Ctx, e.ReviewId)).Status, "the post-hoc review outlives the action")

	// the duty to consult outlives the action: a late consultation of a
	// lapsed emergency is still put on record, and stays late
	f.MustDeliver(&types.MsgRecordConsultation{Chair: name("director-ops"), EmergencyId: e.Id, CommunityId: "security", Consultation: doc("late-consultation")})
	got = must(f.Review.GetEmergency(f.Ctx, e.Id))
	require.Equal(t, "security", got.ConsultedCommunity)
	require.True(t, got.ConsultationMissed)
	require.Equal(t, types.EmergencyExpired, got.Status)
}

// TestEmergencySuspendRatified checks a suspension: the proposal is stayed,
// the chair records the consultation of an advisory community and keeps
// minutes, the Board ratifies, the chair lifts it (the proposal then
// executes), and the post-hoc review closes with its report.
func TestEmergencySuspendRatified(t *testing.T) {
	f := newFixture(t)
	f.SetBoardChair("director-ops")
	proposal := f.BylawInECWindow(f.CommunityParamsMsg(77))
	e := take(t, f, emergencyMsg("director-ops", types.EmergencySuspendProposal, strconv.FormatUint(proposal, 10)))
	require.True(t, f.GetProposal(proposal).Stayed)
	requireFailsUnchanged(t, f, emergencyMsg("director-ops", types.EmergencySuspendProposal, strconv.FormatUint(proposal, 10)), types.ErrInvalidTarget)

	consult := &types.MsgRecordConsultation{Chair: name("director-ops"), EmergencyId: e.Id, CommunityId: "dev", Consultation: doc("consultation")}
	requireFailsUnchanged(t, f, consult, types.ErrInvalidTarget) // dev is not advisory
	consult.CommunityId = "security"
	byOther := *consult
	byOther.Chair = name("director-dev")
	requireFailsUnchanged(t, f, &byOther, types.ErrNotChair)
	f.MustDeliver(consult)
	requireFailsUnchanged(t, f, consult, types.ErrAlreadyDone)
	minutes := &types.MsgAddMinutes{Chair: name("director-ops"), EmergencyId: e.Id}
	requireFailsUnchanged(t, f, minutes, types.ErrRequired)
	minutes.Minutes = doc("minutes-2")
	f.MustDeliver(minutes)
	got := must(f.Review.GetEmergency(f.Ctx, e.Id))
	require.Equal(t, "security", got.ConsultedCommunity)
	require.Len(t, got.Minutes, 3)

	ratify := &types.MsgRatifyEmergency{Authority: name("director-ops"), EmergencyId: e.Id}
	requireFailsUnchanged(t, f, ratify, types.ErrUnauthorized)
	ratify.Authority = f.Authority
	resolution := f.PassResolution(ratify)
	got = must(f.Review.GetEmergency(f.Ctx, e.Id))
	require.Equal(t, types.EmergencyRatified, got.Status)
	require.Equal(t, resolution, got.RatifiedBy)
	f.Advance(got.Expiry.Sub(f.Now()) + keepertest.ECPeriod)
	require.Equal(t, types.EmergencyRatified, must(f.Review.GetEmergency(f.Ctx, e.Id)).Status, "a ratified action does not lapse")
	require.Equal(t, proposalstypes.StatusApproved, f.GetProposal(proposal).Status, "suspended past its EC window")

	requireFailsUnchanged(t, f, &types.MsgLiftEmergency{Authority: name("director-dev"), EmergencyId: e.Id}, types.ErrUnauthorized)
	f.MustDeliver(&types.MsgLiftEmergency{Authority: name("director-ops"), EmergencyId: e.Id})
	require.Equal(t, types.EmergencyLifted, must(f.Review.GetEmergency(f.Ctx, e.Id)).Status)
	require.Equal(t, proposalstypes.StatusQueued, f.GetProposal(proposal).Status, "queued; it executes as the block ends")
	f.EndBlockProposals()
	require.Equal(t, proposalstypes.StatusRatified, f.GetProposal(proposal).Status, "lifting the suspension lets it execute")

	// the post-hoc review must close with a report
	f.MustDeliver(nominate("security", got.ReviewId, "security-chair"))
	f.PassResolution(&types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: got.ReviewId, Members: names("security-chair")})
	f.MustDeliver(&types.MsgFileReviewReport{Member: name("security-chair"), ReviewId: got.ReviewId, Report: doc("post-hoc-report")})
	review := must(f.Review.GetReview(f.Ctx, got.ReviewId))
	require.Equal(t, types.ReviewClosed, review.Status)
	require.Equal(t, doc("post-hoc-report"), review.Report)
}
