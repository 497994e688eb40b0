package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// TestResolutionAgainstConsensusAdvice checks that a resolution answering
// consensus advice with anything but acceptance needs the against-advice
// supermajority (five of seven instead of four) and records a consultation;
// answering other advice, or accepting it, does not.
func TestResolutionAgainstConsensusAdvice(t *testing.T) {
	f := newFixture(t)
	consensus := f.MustAdvise("gov", 0, true)
	other := f.MustAdvise("security", 0, false)
	accepted := f.MustAdvise("users", 0, true)
	failing := f.MustAdvise("standards", 0, true)

	f.ResetEvents()
	against := resolve(t, f, 4, f.RespondMsg(consensus, types.ResponseRejected))
	p := f.GetProposal(against)
	require.Equal(t, types.StatusBoardVote, p.Status, "four of seven is not 60%")
	require.Equal(t, "0.6", p.BoardThreshold)
	f.MustBoardVote(keepertest.VotingDirectors[4], against, yes)
	f.ConcludeSettled()
	require.Equal(t, types.StatusQueued, f.GetProposal(against).Status, "an answer to advice needs no EC phase")
	f.EndBlockProposals()
	p = f.GetProposal(against)
	require.Equal(t, types.StatusRatified, p.Status, "it takes effect as the block ends")
	require.Equal(t, []uint64{consensus}, p.Consultations)
	ev := requireEvent[*types.EventConsultationRecorded](t, f)
	require.Equal(t, &types.EventConsultationRecorded{ProposalId: against, AdviceId: consensus, CommunityId: "gov"}, ev)
	require.Equal(t, types.ResponseRejected, f.GetAdvice(consensus).Response)

	for _, tc := range []struct {
		advice   uint64
		response types.AdviceResponse
	}{{other, types.ResponseRejected}, {accepted, types.ResponseAccepted}} {
		r := resolve(t, f, 4, f.RespondMsg(tc.advice, tc.response))
		p := f.GetProposal(r)
		require.Equal(t, types.StatusRatified, p.Status)
		require.Equal(t, "0.5", p.BoardThreshold)
		require.Empty(t, p.Consultations)
	}

	// Four yes and three no would pass a resolution, but not one against
	// consensus advice; the advice stays unanswered.
	r := resolve(t, f, 4, f.RespondMsg(failing, types.ResponsePartiallyAccepted))
	for _, d := range keepertest.VotingDirectors[4:] {
		f.MustBoardVote(d, r, no)
	}
	f.ConcludeSettled()
	p = f.GetProposal(r)
	require.Equal(t, types.StatusRejected, p.Status)
	require.Empty(t, p.Consultations, "rejecting it acted against nothing")
	require.Equal(t, types.AdvicePending, f.GetAdvice(failing).Status)
}

// TestApprovalAgainstConsensusAdvice checks that approving a proposal whose
// linked consensus advice the Board did not accept needs the supermajority
// and records a consultation on the proposal; accepted advice changes
// nothing, and rejecting the proposal records nothing.
func TestApprovalAgainstConsensusAdvice(t *testing.T) {
	f := newFixture(t)
	against := f.MustSubmitProposal("dev", types.KindPolicy)
	followed := f.MustSubmitProposal("ops", types.KindPolicy)
	refused := f.MustSubmitProposal("fin", types.KindPolicy)
	a := f.MustAdvise("users", against, true)
	b := f.MustAdvise("users", followed, true)
	c := f.MustAdvise("users", refused, true)
	resolve(t, f, 5, f.RespondMsg(a, types.ResponsePartiallyAccepted), f.RespondMsg(c, types.ResponseRejected))
	resolve(t, f, 4, f.RespondMsg(b, types.ResponseAccepted))
	require.Equal(t, types.AdviceAnswered, f.GetAdvice(a).Status)
	require.Equal(t, types.AdviceAnswered, f.GetAdvice(b).Status)
	f.Advance(keepertest.CommentPeriod)

	for _, d := range keepertest.VotingDirectors[:4] {
		f.MustBoardVote(d, against, yes)
	}
	p := f.GetProposal(against)
	require.Equal(t, types.StatusBoardVote, p.Status, "four of seven is not 60%")
	require.Equal(t, "0.6", p.BoardThreshold)
	f.ResetEvents()
	f.MustBoardVote(keepertest.VotingDirectors[4], against, yes)
	f.ConcludeSettled()
	p = f.GetProposal(against)
	require.Equal(t, types.StatusECReview, p.Status, "approved, in its challenge window")
	require.Equal(t, []uint64{a}, p.Consultations)
	ev := requireEvent[*types.EventConsultationRecorded](t, f)
	require.Equal(t, against, ev.ProposalId)
	require.Equal(t, "users", ev.CommunityId)
	concluded := requireEvent[*types.EventBoardVoteConcluded](t, f)
	require.Equal(t, "0.6", concluded.Threshold)

	p = f.BoardDecides(followed, 4)
	require.Equal(t, types.StatusECReview, p.Status)
	require.Equal(t, "0.5", p.BoardThreshold)
	require.Empty(t, p.Consultations)

	p = f.BoardDecides(refused, 0)
	require.Equal(t, types.StatusRejected, p.Status)
	require.Empty(t, p.Consultations, "the Board followed the advice")
}
