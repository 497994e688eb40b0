package keeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// adviceMsg is advice of a community on a proposal (0: on a topic).
func adviceMsg(community string, proposalID uint64) *types.MsgSubmitAdvice {
	msg := &types.MsgSubmitAdvice{
		Authority: body(community), CommunityId: community, ProposalId: proposalID,
		Title: "advice", Document: doc(community + "-advice"),
	}
	if proposalID == 0 {
		msg.Topic = "a topic"
	}
	return msg
}

// TestSubmitAdvice checks who advises (advisory communities, through their
// body address), the text rules, and that a community links at most one
// piece of advice to a proposal, only before the Board decides.
func TestSubmitAdvice(t *testing.T) {
	f := newFixture(t)
	p := f.MustSubmitProposal("dev", types.KindPolicy)
	rejected := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	f.BoardDecides(rejected, 0)
	require.Equal(t, types.StatusRejected, f.GetProposal(rejected).Status)

	edit := func(m *types.MsgSubmitAdvice, e func(*types.MsgSubmitAdvice)) *types.MsgSubmitAdvice { e(m); return m }
	tests := []struct {
		name string
		msg  *types.MsgSubmitAdvice
		err  *errorsmod.Error
	}{
		{"supporting community", adviceMsg("dev", p), types.ErrNotAdvisory},
		{"nominating committee", adviceMsg("nomcom", p), types.ErrNotAdvisory},
		{"unknown community", adviceMsg("nobody", p), types.ErrUnknownCommunity},
		{"signed by the chair", edit(adviceMsg("users", p), func(m *types.MsgSubmitAdvice) { m.Authority = addr("users-chair").String() }), types.ErrUnauthorized},
		{"signed by another community", edit(adviceMsg("users", p), func(m *types.MsgSubmitAdvice) { m.Authority = body("gov") }), types.ErrUnauthorized},
		{"missing title", edit(adviceMsg("users", p), func(m *types.MsgSubmitAdvice) { m.Title = "" }), types.ErrRequired},
		{"title too long", edit(adviceMsg("users", p), func(m *types.MsgSubmitAdvice) { m.Title = strings.Repeat("t", 257) }), types.ErrTextTooLong},
		{"topic advice without a topic", edit(adviceMsg("users", 0), func(m *types.MsgSubmitAdvice) { m.Topic = "" }), types.ErrRequired},
		{"missing document", edit(adviceMsg("users", p), func(m *types.MsgSubmitAdvice) { m.Document = communitytypes.Document{} }), types.ErrRequired},
		{"bad document", edit(adviceMsg("users", p), func(m *types.MsgSubmitAdvice) { m.Document.Hash = "xyz" }), types.ErrInvalidDocument},
		{"unknown proposal", adviceMsg("users", 99), types.ErrProposalNotFound},
		{"decided proposal", adviceMsg("users", rejected), types.ErrWrongPhase},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { requireFailsUnchanged(t, f, tc.msg, tc.err) })
	}

	f.ResetEvents()
	id := f.MustAdvise("users", p, true)
	a := f.GetAdvice(id)
	require.Equal(t, types.AdvicePending, a.Status)
	require.Equal(t, p, a.ProposalId)
	require.True(t, a.Consensus)
	require.Equal(t, f.Now().Add(keepertest.AdvicePeriod), a.Deadline)
	require.Equal(t, uint32(1), f.GetProposal(p).PendingAdvice)
	ev := requireEvent[*types.EventAdviceSubmitted](t, f)
	require.Equal(t, "users", ev.CommunityId)

	requireFailsUnchanged(t, f, adviceMsg("users", p), types.ErrDuplicateAdvice)
	f.MustAdvise("gov", p, false)
	f.MustAdvise("users", 0, false) // on a topic: no limit
	require.Equal(t, uint32(2), f.GetProposal(p).PendingAdvice)

	// Advice may still be linked during the Board vote.
	f.Advance(keepertest.CommentPeriod)
	require.Equal(t, types.StatusBoardVote, f.GetProposal(p).Status)
	f.MustAdvise("security", p, false)
	require.Equal(t, uint32(3), f.GetProposal(p).PendingAdvice)

	// The first linked advice marked the proposal; the later ones, which
	// leave the mark as it is, are found under it too.
	linked, err := f.Proposals.LinkedAdvice(f.Ctx, p)
	require.NoError(t, err)
	require.Len(t, linked, 3)
}

// TestPendingAdviceBlocksConclusion checks that unanswered linked advice
// suppresses the early decision, holds the finished vote for advice_wait,
// and then expires the proposal.
func TestPendingAdviceBlocksConclusion(t *testing.T) {
	f := newFixture(t)
	p := f.MustSubmitProposal("dev", types.KindPolicy)
	a := f.MustAdvise("users", p, false)
	f.Advance(keepertest.CommentPeriod)
	for _, d := range keepertest.VotingDirectors {
		f.MustBoardVote(d, p, yes)
	}
	require.Equal(t, types.StatusBoardVote, f.GetProposal(p).Status, "unanimous, but waiting for the answer")
	voteEnd := f.GetProposal(p).BoardVoteEndTime

	f.Advance(keepertest.VotingPeriod)
	got := f.GetProposal(p)
	require.Equal(t, types.StatusBoardVote, got.Status)
	require.Equal(t, voteEnd.Add(keepertest.AdvicePeriod), got.Deadline)
	require.Contains(t, got.Note, "cannot conclude until its linked advice is answered")
	require.Empty(t, typedEvents[*types.EventBoardVoteConcluded](t, f.Events()))

	f.Advance(keepertest.AdvicePeriod - time.Second)
	require.Equal(t, types.StatusBoardVote, f.GetProposal(p).Status)
	require.Equal(t, types.AdviceOverdue, f.GetAdvice(a).Status, "the advice passed its own deadline")
	f.Advance(time.Second)
	got = f.GetProposal(p)
	require.Equal(t, types.StatusExpired, got.Status)
	require.Equal(t, "linked advice was not answered in time", got.Note)
	require.Empty(t, got.RegistryVersions)
}

// resolve submits a Board resolution carrying msgs and has yes directors
// vote yes, in seat order; it returns the resolution's id.
func resolve(t *testing.T, f *keepertest.Fixture, yesVotes int, msgs ...*types.MsgRespondToAdvice) uint64 {
	t.Helper()
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution, toMsgs(msgs)...)
	for _, d := range keepertest.VotingDirectors[:yesVotes] {
		f.MustBoardVote(d, id, yes)
	}
	f.EndBlockProposals() // a decided resolution executes as the block ends
	return id
}

// TestAnswerReleasesVote checks that a ratified resolution answers advice,
// records itself as the answer, and lets the waiting Board vote conclude in
// the next EndBlock.
func TestAnswerReleasesVote(t *testing.T) {
	f := newFixture(t)
	p := f.MustSubmitProposal("dev", types.KindPolicy)
	a := f.MustAdvise("users", p, true)
	f.Advance(keepertest.CommentPeriod)
	for _, d := range keepertest.VotingDirectors {
		f.MustBoardVote(d, p, yes)
	}
	f.NextBlock(time.Minute)
	f.ResetEvents()
	r := resolve(t, f, 4, f.RespondMsg(a, types.ResponseAccepted))
	require.Equal(t, types.StatusRatified, f.GetProposal(r).Status, f.GetProposal(r).Note)

	answered := f.GetAdvice(a)
	require.Equal(t, types.AdviceAnswered, answered.Status)
	require.Equal(t, types.ResponseAccepted, answered.Response)
	require.Equal(t, r, answered.ResponseProposalId, "the resolution that answered it")
	require.Equal(t, f.Ctx.BlockHeight(), answered.ResponseHeight)
	require.Equal(t, doc("rationale"), answered.ResponseRationale)
	ev := requireEvent[*types.EventAdviceAnswered](t, f)
	require.Equal(t, r, ev.ResponseProposalId)

	waiting := f.GetProposal(p)
	require.Zero(t, waiting.PendingAdvice)
	require.Equal(t, types.StatusBoardVote, waiting.Status, "it concludes in EndBlock")
	require.Equal(t, f.Now(), waiting.Deadline)
	f.EndBlockAll()
	done := throughChallenge(t, f, p)
	require.Equal(t, types.StatusRatified, done.Status)
	require.Equal(t, "0.5", done.BoardThreshold, "the consensus advice was accepted")
	require.Empty(t, done.Consultations)
}

// TestAnswerAfterVoteEnded checks the two other releases: an answer to a
// vote that already ran out of time, and an answer to a vote still open and
// undecided, which then decides early as usual.
func TestAnswerAfterVoteEnded(t *testing.T) {
	f := newFixture(t)
	ended := f.MustSubmitProposal("dev", types.KindPolicy)
	open := f.MustSubmitProposal("ops", types.KindPolicy)
	a1 := f.MustAdvise("users", ended, false)
	a2 := f.MustAdvise("users", open, false)
	f.Advance(keepertest.CommentPeriod)
	f.BoardDecides(ended, 4)
	f.Advance(keepertest.VotingPeriod)
	require.Equal(t, types.StatusBoardVote, f.GetProposal(ended).Status, "waiting for its answer")

	// The open vote's two yes votes decide nothing yet.
	later := f.MustSubmitProposal("fin", types.KindPolicy)
	a3 := f.MustAdvise("gov", later, false)
	f.Advance(keepertest.CommentPeriod)
	f.MustBoardVote("director-dev", later, yes)
	f.MustBoardVote("director-ops", later, yes)

	resolve(t, f, 4, f.RespondMsg(a1, types.ResponseRejected), f.RespondMsg(a3, types.ResponseAccepted))
	require.Equal(t, f.Now(), f.GetProposal(ended).Deadline)
	require.Equal(t, f.GetProposal(later).BoardVoteEndTime, f.GetProposal(later).Deadline, "undecided: its deadline stays")
	f.EndBlockAll()
	require.Equal(t, types.StatusECReview, f.GetProposal(ended).Status, "approved, in its challenge window")
	require.Equal(t, types.StatusBoardVote, f.GetProposal(later).Status)
	f.MustBoardVote("director-fin", later, yes)
	f.MustBoardVote("director-users", later, yes)
	f.ConcludeSettled()
	require.Equal(t, types.StatusECReview, f.GetProposal(later).Status, "decided early once nothing is pending")

	f.Advance(keepertest.AdvicePeriod)
	require.Equal(t, types.StatusExpired, f.GetProposal(open).Status, "its answer never came")
	require.Equal(t, types.AdviceOverdue, f.GetAdvice(a2).Status)
}

// TestRespondToAdviceRefusals checks the answer's own rules: only the
// governance address (a ratified resolution), a valid response and
// rationale, known advice, and one answer per advice.
func TestRespondToAdviceRefusals(t *testing.T) {
	f := newFixture(t)
	a := f.MustAdvise("gov", 0, false)
	edit := func(e func(*types.MsgRespondToAdvice)) *types.MsgRespondToAdvice {
		m := f.RespondMsg(a, types.ResponseAccepted)
		e(m)
		return m
	}
	tests := []struct {
		name string
		msg  *types.MsgRespondToAdvice
		err  *errorsmod.Error
	}{
		{"a director", edit(func(m *types.MsgRespondToAdvice) { m.Authority = addr("director-dev").String() }), types.ErrUnauthorized},
		{"the Board's body", edit(func(m *types.MsgRespondToAdvice) { m.Authority = body(types.BoardOriginator) }), types.ErrUnauthorized},
		{"response unspecified", edit(func(m *types.MsgRespondToAdvice) { m.Response = types.ResponseUnspecified }), types.ErrInvalidResponse},
		{"response unknown", edit(func(m *types.MsgRespondToAdvice) { m.Response = 7 }), types.ErrInvalidResponse},
		{"missing rationale", edit(func(m *types.MsgRespondToAdvice) { m.Rationale = communitytypes.Document{} }), types.ErrRequired},
		{"bad rationale", edit(func(m *types.MsgRespondToAdvice) { m.Rationale.Uri = "" }), types.ErrInvalidDocument},
		{"unknown advice", edit(func(m *types.MsgRespondToAdvice) { m.AdviceId = 99 }), types.ErrAdviceNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { requireFailsUnchanged(t, f, tc.msg, tc.err) })
	}

	first := resolve(t, f, 4, f.RespondMsg(a, types.ResponseAccepted))
	require.Equal(t, types.StatusRatified, f.GetProposal(first).Status)
	requireFailsUnchanged(t, f, f.RespondMsg(a, types.ResponseRejected), types.ErrAdviceAnswered)
	second := resolve(t, f, 4, f.RespondMsg(a, types.ResponseRejected))
	p := f.GetProposal(second)
	require.Equal(t, types.StatusExecutionFailed, p.Status)
	require.Contains(t, p.Note, types.ErrAdviceAnswered.Error())
	require.Equal(t, first, f.GetAdvice(a).ResponseProposalId, "the first answer stands")
}

// TestOverdueAdvice checks that advice past its deadline is marked overdue
// through the advice queue, and may still be answered.
func TestOverdueAdvice(t *testing.T) {
	f := newFixture(t)
	a := f.MustAdvise("security", 0, true)
	f.Advance(keepertest.AdvicePeriod - time.Second)
	require.Equal(t, types.AdvicePending, f.GetAdvice(a).Status)
	f.Advance(time.Second)
	require.Equal(t, types.AdviceOverdue, f.GetAdvice(a).Status)
	ev := requireEvent[*types.EventAdviceOverdue](t, f)
	require.Equal(t, a, ev.AdviceId)
	require.Equal(t, "security", ev.CommunityId)
	due, err := f.Proposals.AdviceQueue.Iterate(f.Ctx, nil)
	require.NoError(t, err)
	keys, err := due.Keys()
	require.NoError(t, err)
	require.Empty(t, keys, "an overdue advice leaves the queue")

	f.ResetEvents()
	f.Advance(time.Hour)
	require.Empty(t, typedEvents[*types.EventAdviceOverdue](t, f.Events()), "marked once")
	r := resolve(t, f, 4, f.RespondMsg(a, types.ResponseAccepted))
	require.Equal(t, types.StatusRatified, f.GetProposal(r).Status)
	require.Equal(t, types.AdviceAnswered, f.GetAdvice(a).Status)
}

// toMsgs widens answers to sdk.Msg.
func toMsgs(msgs []*types.MsgRespondToAdvice) []sdk.Msg {
	out := make([]sdk.Msg, len(msgs))
	for i, m := range msgs {
		out[i] = m
	}
	return out
}

// TestZeroAdviceWait checks that with advice_wait set to zero (which params
// allow) a finished vote with unanswered advice expires at once instead of
// waiting for ever.
func TestZeroAdviceWait(t *testing.T) {
	f := newFixture(t)
	params := f.ExportProposals().Params
	params.AdviceWait = 0
	f.MustDeliver(&types.MsgUpdateParams{Authority: f.Authority, Params: params})
	p := f.MustSubmitProposal("dev", types.KindPolicy)
	f.MustAdvise("users", p, false)
	f.Advance(keepertest.CommentPeriod)
	f.BoardDecides(p, 7)
	f.Advance(keepertest.VotingPeriod)
	got := f.GetProposal(p)
	require.Equal(t, types.StatusExpired, got.Status, got.Note)
	f.ResetEvents()
	f.Advance(time.Second)
	require.Empty(t, typedEvents[*types.EventProposalStatusChanged](t, f.Events()), "nothing is left in the queue")
}
