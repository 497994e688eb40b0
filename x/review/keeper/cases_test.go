package keeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// reconsiderationMsg is an outsider's request to reconsider a proposal.
func reconsiderationMsg(proposal uint64) *types.MsgFileReconsideration {
	return &types.MsgFileReconsideration{
		Requester: name("outsider"), ProposalId: proposal, Grounds: "the Board ignored material information", Request: doc("reconsider"),
	}
}

// fileReconsideration funds the requester with the deposit and files a
// request that must be accepted.
func fileReconsideration(t *testing.T, f *keepertest.Fixture, msg *types.MsgFileReconsideration) uint64 {
	t.Helper()
	f.Fund(must(f.AddressCodec.StringToBytes(msg.Requester)), f.ReviewParams().ReconsiderationDeposit)
	res := f.MustDeliver(msg)
	var resp types.MsgFileReconsiderationResponse
	require.NoError(t, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	return resp.ReconsiderationId
}

// TestReconsideration checks the lighter path: any account files within the
// window after the Board's decision, the ombudsman evaluates, the Board
// decides by resolution; one left undecided is flagged overdue, and once it is
// the Board may decide without the ombudsman's evaluation.
func TestReconsideration(t *testing.T) {
	f := newFixture(t)
	pending := f.MustSubmitProposal("dev", proposalstypes.KindPolicy)
	requireFailsUnchanged(t, f, reconsiderationMsg(pending), types.ErrWrongPhase)
	requireFailsUnchanged(t, f, reconsiderationMsg(99), proposalstypes.ErrProposalNotFound)
	proposal := f.BylawInECWindow()
	bad := reconsiderationMsg(proposal)
	bad.Grounds = ""
	requireFailsUnchanged(t, f, bad, types.ErrRequired)
	bad.Grounds = strings.Repeat("g", int(f.ReviewParams().MaxTextLength)+1)
	requireFailsUnchanged(t, f, bad, types.ErrTextTooLong)
	bad = reconsiderationMsg(proposal)
	bad.Request = doc("x")
	bad.Request.Uri = ""
	requireFailsUnchanged(t, f, bad, types.ErrInvalidDocument)
	bad = reconsiderationMsg(proposal)
	bad.Requester = "polity1nope"
	requireFailsUnchanged(t, f, bad, types.ErrInvalidAddress)

	f.ResetEvents()
	id := fileReconsideration(t, f, reconsiderationMsg(proposal))
	r := must(f.Review.Reconsiderations.Get(f.Ctx, id))
	require.Equal(t, types.ReconsiderationFiled, r.Status)
	require.Equal(t, f.Now().Add(f.ReviewParams().ReconsiderationPeriod), r.Deadline)
	require.Equal(t, types.EventReconsiderationChanged{ReconsiderationId: id, Status: types.ReconsiderationFiled},
		*requireEvent[*types.EventReconsiderationChanged](t, f))
	late := fileReconsideration(t, f, reconsiderationMsg(proposal))

	decide := &types.MsgDecideReconsideration{Authority: f.Authority, ReconsiderationId: id, Grant: true, Decision: doc("decision")}
	requireFailsUnchanged(t, f, decide, types.ErrWrongPhase) // not evaluated yet
	evaluate := &types.MsgEvaluateReconsideration{Ombudsman: name("outsider"), ReconsiderationId: id, Evaluation: doc("evaluation")}
	requireFailsUnchanged(t, f, evaluate, types.ErrNotOmbudsman)
	evaluate.Ombudsman = name("ombudsman")
	noDoc := *evaluate
	noDoc.Evaluation.Hash, noDoc.Evaluation.Uri = "", ""
	requireFailsUnchanged(t, f, &noDoc, types.ErrRequired)
	f.MustDeliver(evaluate)
	require.Equal(t, types.ReconsiderationEvaluated, must(f.Review.Reconsiderations.Get(f.Ctx, id)).Status)
	requireFailsUnchanged(t, f, evaluate, types.ErrWrongPhase)

	byDirector := *decide
	byDirector.Authority = name("director-dev")
	requireFailsUnchanged(t, f, &byDirector, types.ErrUnauthorized)
	resolution := f.PassResolution(decide)
	r = must(f.Review.Reconsiderations.Get(f.Ctx, id))
	require.Equal(t, types.ReconsiderationGranted, r.Status)
	require.Equal(t, resolution, r.DecidedBy)
	require.Equal(t, decide.Decision, r.Decision)

	unevaluated := fileReconsideration(t, f, reconsiderationMsg(proposal))
	f.Advance(must(f.Review.Reconsiderations.Get(f.Ctx, late)).Deadline.Sub(f.Now()))
	overdue := must(f.Review.Reconsiderations.Get(f.Ctx, late))
	require.True(t, overdue.Overdue)
	require.False(t, must(f.Review.Reconsiderations.Get(f.Ctx, id)).Overdue, "a decided request is never overdue")
	evaluate.ReconsiderationId = late
	f.MustDeliver(evaluate)
	f.PassResolution(&types.MsgDecideReconsideration{Authority: f.Authority, ReconsiderationId: late, Decision: doc("no")})
	r = must(f.Review.Reconsiderations.Get(f.Ctx, late))
	require.Equal(t, types.ReconsiderationDenied, r.Status)
	require.True(t, r.Overdue, "a late decision stays marked overdue")

	// a silent ombudsman does not block the Board once the deadline has passed
	f.PassResolution(&types.MsgDecideReconsideration{Authority: f.Authority, ReconsiderationId: unevaluated, Decision: doc("no-evaluation")})
	r = must(f.Review.Reconsiderations.Get(f.Ctx, unevaluated))
	require.Equal(t, types.ReconsiderationDenied, r.Status)
	require.True(t, r.Overdue)
	require.Empty(t, r.Evaluation.Hash, "decided without an evaluation")

	f.Advance(f.ReviewParams().ReconsiderationWindow)
	requireFailsUnchanged(t, f, reconsiderationMsg(proposal), types.ErrOutOfWindow)
}

// fileComplaint funds the outsider with the deposit and files its complaint,
// which must be accepted.
func fileComplaint(t *testing.T, f *keepertest.Fixture) uint64 {
	t.Helper()
	f.Fund(addr("outsider"), f.ReviewParams().ComplaintDeposit)
	res := f.MustDeliver(complaintMsg())
	var resp types.MsgFileComplaintResponse
	require.NoError(t, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	return resp.ComplaintId
}

// complaintMsg is an outsider's complaint.
func complaintMsg() *types.MsgFileComplaint {
	return &types.MsgFileComplaint{Complainant: name("outsider"), Subject: "my comment was hidden", Complaint: doc("complaint")}
}

// TestComplaints checks that any account complains, that only the ombudsman
// in office acknowledges and reports, and that a complaint not reported by
// its deadline is flagged overdue and stays so.
func TestComplaints(t *testing.T) {
	f := newFixture(t)
	bad := complaintMsg()
	bad.Subject = ""
	requireFailsUnchanged(t, f, bad, types.ErrRequired)
	bad.Subject = strings.Repeat("s", int(f.ReviewParams().MaxTextLength)+1)
	requireFailsUnchanged(t, f, bad, types.ErrTextTooLong)
	bad = complaintMsg()
	bad.Complaint.Hash, bad.Complaint.Uri = "", ""
	requireFailsUnchanged(t, f, bad, types.ErrRequired)

	f.ResetEvents()
	fileComplaint(t, f)
	require.Equal(t, types.EventComplaintChanged{ComplaintId: 1, Status: types.ComplaintFiled}, *requireEvent[*types.EventComplaintChanged](t, f))
	c := must(f.Review.Complaints.Get(f.Ctx, 1))
	require.Equal(t, f.Now().Add(f.ReviewParams().ComplaintPeriod), c.Deadline)
	fileComplaint(t, f)

	ack := &types.MsgAcknowledgeComplaint{Ombudsman: name("dev-chair"), ComplaintId: 1}
	requireFailsUnchanged(t, f, ack, types.ErrNotOmbudsman)
	ack.Ombudsman = name("ombudsman")
	requireFailsUnchanged(t, f, &types.MsgAcknowledgeComplaint{Ombudsman: name("ombudsman"), ComplaintId: 9}, types.ErrNotFound)
	f.MustDeliver(ack)
	require.Equal(t, types.ComplaintAcknowledged, must(f.Review.Complaints.Get(f.Ctx, 1)).Status)
	requireFailsUnchanged(t, f, ack, types.ErrWrongPhase)

	report := &types.MsgReportComplaint{Ombudsman: name("ombudsman"), ComplaintId: 1}
	requireFailsUnchanged(t, f, report, types.ErrRequired)
	report.Report = doc("report")
	f.MustDeliver(report)
	c = must(f.Review.Complaints.Get(f.Ctx, 1))
	require.Equal(t, types.ComplaintReported, c.Status)
	require.Equal(t, report.Report, c.Report)
	requireFailsUnchanged(t, f, report, types.ErrAlreadyDone)

	f.ResetEvents()
	f.Advance(f.ReviewParams().ComplaintPeriod)
	require.Equal(t, types.EventComplaintChanged{ComplaintId: 2, Status: types.ComplaintFiled, Overdue: true},
		*requireEvent[*types.EventComplaintChanged](t, f))
	require.False(t, must(f.Review.Complaints.Get(f.Ctx, 1)).Overdue)
	report.ComplaintId = 2
	f.MustDeliver(report)
	c = must(f.Review.Complaints.Get(f.Ctx, 2))
	require.Equal(t, types.ComplaintReported, c.Status)
	require.True(t, c.Overdue)
	listed := must(f.ReviewQueryServer.Complaints(f.Ctx, &types.QueryComplaintsRequest{Status: types.ComplaintReported})).Complaints
	require.Len(t, listed, 2)

	// the ombudsman's term ends: no more acknowledgements or reports
	fileComplaint(t, f)
	f.Advance(f.ReviewParams().OmbudsmanTerm + time.Second)
	requireFailsUnchanged(t, f, &types.MsgAcknowledgeComplaint{Ombudsman: name("ombudsman"), ComplaintId: 3}, types.ErrNotOmbudsman)
}
