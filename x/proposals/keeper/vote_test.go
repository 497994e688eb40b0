package keeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// boardVote is a MsgBoardVote.
func boardVote(director string, id uint64, option communitytypes.VoteOption) *types.MsgBoardVote {
	return &types.MsgBoardVote{Director: addr(director).String(), ProposalId: id, Option: option}
}

// TestBoardVoteWho checks that only voting directors in office before the
// vote opened may vote: not liaisons, members, outsiders, former directors,
// nor a director appointed after the vote opened.
func TestBoardVoteWho(t *testing.T) {
	f := newFixture(t)
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	seat := seatOf(t, f, "director-dev")
	f.NextBlock(time.Minute)
	vacate(t, f, "director-dev")
	f.MustDeliver(&communitytypes.MsgAppointDirector{
		Authority: body("dev"), SeatId: seat, Director: addr("newcomer").String(),
		Region: communitytypes.RegionEurope, StakeholderType: communitytypes.StakeholderEngineer,
	})

	tests := []struct {
		name  string
		voter string
		err   *errorsmod.Error
	}{
		{"liaison", "gov-chair", types.ErrNotDirector},
		{"another liaison", "standards-chair", types.ErrNotDirector},
		{"community member", "dev-chair", types.ErrNotDirector},
		{"outsider", "outsider", types.ErrNotDirector},
		{"former director", "director-dev", types.ErrNotDirector},
		{"appointed after the vote opened", "newcomer", types.ErrNotDirector},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, boardVote(tc.voter, id, yes), tc.err)
		})
	}

	// The newcomer votes on proposals opened after the appointment.
	f.NextBlock(time.Minute)
	later, err := f.SubmitProposal(f.ProposalMsg(addr("newcomer"), types.BoardOriginator, types.KindResolution))
	require.NoError(t, err, "a voting director submits for the Board")
	f.NextBlock(time.Minute)
	f.MustBoardVote("newcomer", later, yes)
}

// TestBoardVoteRefusals checks the remaining refusals: double votes, votes
// outside the Board vote or after its period, bad options, rationales,
// addresses and ids. Each changes nothing.
func TestBoardVoteRefusals(t *testing.T) {
	f := newFixture(t)
	open := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	comment := f.MustSubmitProposal("dev", types.KindPolicy)
	rejected := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	for _, d := range keepertest.VotingDirectors[:4] {
		f.MustBoardVote(d, rejected, no)
	}
	f.ConcludeSettled()
	require.Equal(t, types.StatusRejected, f.GetProposal(rejected).Status)
	f.MustBoardVote("director-dev", open, yes)

	long := boardVote("director-ops", open, yes)
	long.Rationale = strings.Repeat("r", int(types.DefaultParams().MaxTextLength)+1)
	badAddr := boardVote("director-ops", open, yes)
	badAddr.Director = "polity1nope"
	tests := []struct {
		name string
		msg  *types.MsgBoardVote
		err  *errorsmod.Error
	}{
		{"double vote", boardVote("director-dev", open, no), types.ErrAlreadyVoted},
		{"during public comment", boardVote("director-ops", comment, yes), types.ErrWrongPhase},
		{"after the decision", boardVote("director-nomcom-3", rejected, yes), types.ErrWrongPhase},
		{"unknown proposal", boardVote("director-ops", 99, yes), types.ErrProposalNotFound},
		{"option unspecified", boardVote("director-ops", open, communitytypes.OptionUnspecified), types.ErrInvalidVoteOption},
		{"option unknown", boardVote("director-ops", open, communitytypes.VoteOption(9)), types.ErrInvalidVoteOption},
		{"rationale too long", long, types.ErrTextTooLong},
		{"bad address", badAddr, types.ErrInvalidAddress},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { requireFailsUnchanged(t, f, tc.msg, tc.err) })
	}

	// At the end of the period, before EndBlock concludes it, voting is over.
	f.NextBlock(keepertest.VotingPeriod)
	require.Equal(t, types.StatusBoardVote, f.GetProposal(open).Status)
	requireFailsUnchanged(t, f, boardVote("director-ops", open, yes), types.ErrWrongPhase)
}

// TestBoardTally checks that each vote is recorded for good, with its
// rationale, height and time, and that the tally is updated in place.
func TestBoardTally(t *testing.T) {
	f := newFixture(t)
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	f.NextBlock(time.Minute)
	msg := boardVote("director-fin", id, abstain)
	msg.Rationale = "conflicted"
	f.MustDeliver(msg)
	f.MustBoardVote("director-dev", id, yes)
	f.MustBoardVote("director-ops", id, no)
	p := f.GetProposal(id)
	require.Equal(t, communitytypes.Tally{Yes: 1, No: 1, Abstain: 1}, p.BoardTally)
	require.Equal(t, types.StatusBoardVote, p.Status)

	votes, err := f.ProposalsQueryServer.ProposalVotes(f.Ctx, &types.QueryProposalVotesRequest{Id: id})
	require.NoError(t, err)
	require.Len(t, votes.Votes, 3)
	for _, v := range votes.Votes {
		require.Equal(t, f.Ctx.BlockHeight(), v.Height)
		require.Equal(t, f.Now(), v.Time)
		if v.Director == addr("director-fin").String() {
			require.Equal(t, "conflicted", v.Rationale)
			require.Equal(t, abstain, v.Option)
		}
	}
	cast := typedEvents[*types.EventBoardVoteCast](t, f.Events())
	require.Len(t, cast, 3)
	require.Equal(t, addr("director-fin").String(), cast[0].Director)

	// Votes stay after the decision, with the final tally on the proposal.
	f.Advance(keepertest.VotingPeriod)
	p = f.GetProposal(id)
	require.Equal(t, types.StatusRejected, p.Status)
	require.Equal(t, communitytypes.Tally{Yes: 1, No: 1, Abstain: 1}, p.BoardTally)
	votes, err = f.ProposalsQueryServer.ProposalVotes(f.Ctx, &types.QueryProposalVotesRequest{Id: id})
	require.NoError(t, err)
	require.Len(t, votes.Votes, 3)
}

// TestBoardVotesAfterSettlingCount: a Board vote cast in the block that
// settled the outcome, after the settling vote, is accepted and counted in
// the conclusion (it was valid when it entered the mempool); once the block
// has ended, a vote is refused, in CheckTx's precheck as in delivery.
func TestBoardVotesAfterSettlingCount(t *testing.T) {
	f := newFixture(t)
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	for _, d := range keepertest.VotingDirectors[:4] {
		f.MustBoardVote(d, id, yes)
	}
	require.True(t, f.BoardVoteSettled(id))
	late := boardVote(keepertest.VotingDirectors[4], id, no)
	require.NoError(t, f.Proposals.PrecheckBoardVote(f.Ctx, late))
	f.MustDeliver(late)
	f.EndBlockProposals()
	p := f.GetProposal(id)
	require.Equal(t, types.StatusRatified, p.Status, p.Note)
	require.Equal(t, communitytypes.Tally{Yes: 4, No: 1}, p.BoardTally, "the vote after the settling one counts")
	require.False(t, f.BoardVoteSettled(id))

	f.NextBlock(0)
	after := boardVote(keepertest.VotingDirectors[5], id, yes)
	require.ErrorIs(t, f.Proposals.PrecheckBoardVote(f.Ctx, after), types.ErrWrongPhase)
	requireFailsUnchanged(t, f, after, types.ErrWrongPhase)
}

// TestBoardVoteReadsParamsOnlyForARationale: the rationale's length limit
// is in the params, so a vote with a rationale reads them and a vote
// without one does not. The same director's first vote is cast on two
// identical chains, with and without a rationale, so the gas differs only by
// what the rationale costs.
func TestBoardVoteReadsParamsOnlyForARationale(t *testing.T) {
	var read uint64
	gasOf := func(rationale string) uint64 {
		f := newFixture(t)
		id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
		msg := boardVote("director-dev", id, yes)
		msg.Rationale = rationale
		ctx := f.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
		_, err := f.ProposalsMsgServer.BoardVote(ctx, msg)
		require.NoError(t, err)
		params, err := f.Proposals.GetParams(f.Ctx)
		require.NoError(t, err)
		read = keepertest.ReadGas(t, f.Codec, &params)
		return ctx.GasMeter().GasConsumed()
	}
	without, with := gasOf(""), gasOf("r")
	require.GreaterOrEqual(t, with, without+read, "a rationale reads the params (%d gas); no rationale, no read", read)
}
