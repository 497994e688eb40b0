package keeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// seatOf returns the id of the seat a key holds.
func seatOf(t *testing.T, f *keepertest.Fixture, name string) uint64 {
	t.Helper()
	seat, held, err := f.Keeper.BoardSeatOf(f.Ctx, addr(name))
	require.NoError(t, err)
	require.True(t, held, "%s holds a seat", name)
	return seat.Id
}

// TestPublicCommentToBoardVote checks that the comment period ends in the
// EndBlock at its deadline, and that the Board vote's electorate is the
// voting directors in office then.
func TestPublicCommentToBoardVote(t *testing.T) {
	f := newFixture(t)
	id := f.MustSubmitProposal("dev", types.KindPolicy)
	p := f.GetProposal(id)
	require.Equal(t, types.StatusPublicComment, p.Status)
	require.Equal(t, keepertest.GenesisTime.Add(keepertest.CommentPeriod), p.CommentEndTime)
	require.Equal(t, p.CommentEndTime, p.Deadline)

	f.Advance(keepertest.CommentPeriod - time.Second)
	require.Equal(t, types.StatusPublicComment, f.GetProposal(id).Status, "not yet due")
	retireSeat(t, f, "director-nomcom-3") // the Board shrinks before the vote opens

	f.ResetEvents()
	f.Advance(time.Second)
	p = f.GetProposal(id)
	require.Equal(t, types.StatusBoardVote, p.Status)
	require.Equal(t, uint64(6), p.BoardEligibleWeight, "the voting seats when the vote opened")
	require.Equal(t, f.Ctx.BlockHeight(), p.BoardVoteStartHeight)
	require.Equal(t, f.Now(), p.BoardVoteStartTime)
	require.Equal(t, f.Now().Add(keepertest.VotingPeriod), p.BoardVoteEndTime)
	require.Equal(t, p.BoardVoteEndTime, p.Deadline)
	require.Equal(t, [][2]types.ProposalStatus{{types.StatusPublicComment, types.StatusBoardVote}}, statusChanges(t, f, id))
}

// TestEarlyDecision checks that a vote concludes the moment its outcome is
// certain: four yes of seven pass a majority-of-all-directors resolution,
// four no reject it.
func TestEarlyDecision(t *testing.T) {
	f := newFixture(t)
	pass := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	fail := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	for i, d := range keepertest.VotingDirectors[:3] {
		f.MustBoardVote(d, pass, yes)
		f.MustBoardVote(d, fail, no)
		require.Equal(t, types.StatusBoardVote, f.GetProposal(pass).Status, "after %d votes", i+1)
		require.Equal(t, types.StatusBoardVote, f.GetProposal(fail).Status, "after %d votes", i+1)
	}
	f.ResetEvents()
	res := f.MustDeliver(&types.MsgBoardVote{Director: addr("director-users").String(), ProposalId: pass, Option: yes})
	var resp types.MsgBoardVoteResponse
	require.NoError(t, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	require.Equal(t, types.StatusBoardVote, resp.Status, "the deciding vote settles it; the block's end concludes it")
	require.True(t, f.BoardVoteSettled(pass))
	require.Empty(t, typedEvents[*types.EventBoardVoteConcluded](t, f.Events()), "nothing concludes in the vote")
	f.ConcludeSettled()
	p := f.GetProposal(pass)
	require.Equal(t, types.StatusQueued, p.Status, "concluded; nothing executes yet")
	require.Equal(t, communitytypes.Tally{Yes: 4}, p.BoardTally)
	require.Zero(t, p.DecidedHeight)
	require.Zero(t, p.ExecutedHeight)
	require.True(t, p.Deadline.IsZero(), "a queued proposal has no deadline")
	concluded := requireEvent[*types.EventBoardVoteConcluded](t, f)
	require.True(t, concluded.Approved)
	require.Equal(t, uint64(7), concluded.EligibleWeight)
	require.Equal(t, "0.5", concluded.Threshold)

	f.MustBoardVote("director-users", fail, no)
	f.ConcludeSettled()
	require.Equal(t, types.StatusRejected, f.GetProposal(fail).Status)

	// The block ends: the queued proposal executes.
	f.EndBlockProposals()
	p = f.GetProposal(pass)
	require.Equal(t, types.StatusRatified, p.Status)
	require.Equal(t, f.Ctx.BlockHeight(), p.DecidedHeight)
	require.Equal(t, f.Ctx.BlockHeight(), p.ExecutedHeight)
	require.Equal(t, f.Now(), p.ExecutedTime)

	// Nothing is left for EndBlock.
	f.ResetEvents()
	f.Advance(keepertest.VotingPeriod)
	require.Empty(t, typedEvents[*types.EventProposalStatusChanged](t, f.Events()))
}

// TestDecisionAtEndOfVote checks the decisions EndBlock makes when the
// voting period ends undecided: passed (three yes of six), rejected for
// lack of a majority of all directors, rejected for lack of quorum.
func TestDecisionAtEndOfVote(t *testing.T) {
	f := newFixture(t)
	retireSeat(t, f, "director-nomcom-3")
	f.NextBlock(0)
	passes := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	short := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	noQuorum := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	for _, d := range keepertest.VotingDirectors[:3] {
		f.MustBoardVote(d, passes, yes)
	}
	f.MustBoardVote("director-dev", short, yes)
	f.MustBoardVote("director-ops", short, abstain)
	f.MustBoardVote("director-fin", short, no)
	f.MustBoardVote("director-dev", noQuorum, yes)
	for _, id := range []uint64{passes, short, noQuorum} {
		require.Equal(t, types.StatusBoardVote, f.GetProposal(id).Status)
	}

	f.Advance(keepertest.VotingPeriod - time.Second)
	require.Equal(t, types.StatusBoardVote, f.GetProposal(passes).Status, "not yet due")
	f.Advance(time.Second)
	require.Equal(t, types.StatusRatified, f.GetProposal(passes).Status)
	require.Equal(t, types.StatusRejected, f.GetProposal(short).Status)
	require.Equal(t, types.StatusRejected, f.GetProposal(noQuorum).Status)
	require.Equal(t, "the Board did not approve it", f.GetProposal(short).Note)
	require.Len(t, typedEvents[*types.EventBoardVoteConcluded](t, f.Events()), 3)
}

// TestWithdraw checks that only the proposer withdraws, and only during
// public comment.
func TestWithdraw(t *testing.T) {
	f := newFixture(t)
	id := f.MustSubmitProposal("dev", types.KindPolicy)
	withdraw := func(who string) *types.MsgWithdrawProposal {
		return &types.MsgWithdrawProposal{Proposer: who, ProposalId: id}
	}
	requireFailsUnchanged(t, f, withdraw(addr("dev-chair").String()), types.ErrNotOriginator)
	requireFailsUnchanged(t, f, withdraw(body("ops")), types.ErrNotOriginator)
	requireFailsUnchanged(t, f, withdraw("polity1bad"), types.ErrInvalidAddress)
	requireFailsUnchanged(t, f, withdraw(strings.ToUpper(body("dev"))), types.ErrInvalidAddress) // one spelling per account
	requireFailsUnchanged(t, f, &types.MsgWithdrawProposal{Proposer: body("dev"), ProposalId: 99}, types.ErrProposalNotFound)

	f.MustDeliver(withdraw(body("dev")))
	p := f.GetProposal(id)
	require.Equal(t, types.StatusWithdrawn, p.Status)
	require.Equal(t, "withdrawn by its originator", p.Note)
	requireFailsUnchanged(t, f, withdraw(body("dev")), types.ErrWrongPhase)
	f.Advance(keepertest.CommentPeriod)
	require.Equal(t, types.StatusWithdrawn, f.GetProposal(id).Status, "its deadline left the queue")

	// Once the Board vote has opened it is too late.
	board := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	requireFailsUnchanged(t, f, &types.MsgWithdrawProposal{Proposer: addr("director-dev").String(), ProposalId: board}, types.ErrWrongPhase)
}
