package keeper_test

import (
	"strings"
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// TestVoteInput checks who may vote, on what, and how.
func TestVoteInput(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	// newbie joins in the block the motion is submitted: too late to vote.
	f.MustDeliver(admitMsg("dev", addr("newbie")))
	id := f.MustSubmitMotion(addr("dev-chair"), "dev")
	f.MustVote(addr("dev-chair"), id, types.OptionYes)
	f.NextBlock(0)
	f.MustDeliver(admitMsg("dev", addr("later")))

	vote := func(voter string, option types.VoteOption, reason string) *types.MsgVote {
		return &types.MsgVote{Voter: addr(voter).String(), MotionId: id, Option: option, Reason: reason}
	}
	tests := []struct {
		name string
		msg  *types.MsgVote
		err  *errorsmod.Error
	}{
		{"non-member", vote("ops-chair", types.OptionYes, ""), types.ErrNotMember},
		{"joined in the submission block", vote("newbie", types.OptionYes, ""), types.ErrNotEligible},
		{"joined after submission", vote("later", types.OptionYes, ""), types.ErrNotEligible},
		{"double vote", vote("dev-chair", types.OptionNo, ""), types.ErrAlreadyVoted},
		{"unspecified option", vote("dev-member", types.OptionUnspecified, ""), types.ErrInvalidVoteOption},
		{"unknown option", vote("dev-member", types.VoteOption(4), ""), types.ErrInvalidVoteOption},
		{"reason too long", vote("dev-member", types.OptionYes, strings.Repeat("r", 1001)), types.ErrTextTooLong},
		{"unknown motion", &types.MsgVote{Voter: addr("dev-member").String(), MotionId: 99, Option: types.OptionYes}, types.ErrMotionNotFound},
		{"bad voter", &types.MsgVote{Voter: "x", MotionId: id, Option: types.OptionYes}, types.ErrInvalidAddress},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, tc.msg, tc.err)
		})
	}

	// Voting closes at voting_end_time even before EndBlock decides.
	f.NextBlock(keepertest.VotingPeriod)
	requireFailsUnchanged(t, f, vote("dev-member", types.OptionYes, ""), types.ErrMotionClosed)
}

// TestVoteRecord checks the stored vote, the running tally and the event.
func TestVoteRecord(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	f.MustDeliver(&types.MsgAdmitMember{Authority: body("dev"), CommunityId: "dev", Address: addr("heavy").String(), Weight: 3})
	f.NextBlock(0)
	id := f.MustSubmitMotion(addr("dev-chair"), "dev")
	f.MustDeliver(&types.MsgVote{Voter: addr("heavy").String(), MotionId: id, Option: types.OptionAbstain, Reason: "conflicted"})
	f.MustVote(addr("dev-member"), id, types.OptionYes)

	m := f.Motion(id)
	require.Equal(t, types.Tally{Yes: 1, Abstain: 3}, m.Tally)
	require.Equal(t, types.MotionStatusVoting, m.Status, "dev-chair's vote still decides")
	v, err := f.QueryServer.MotionVote(f.Ctx, &types.QueryMotionVoteRequest{Id: id, Voter: addr("heavy").String()})
	require.NoError(t, err)
	require.Equal(t, types.Vote{
		MotionId: id, Voter: addr("heavy").String(), Option: types.OptionAbstain, Weight: 3, Reason: "conflicted",
		Height: f.Ctx.BlockHeight(), Time: f.Now(),
	}, v.Vote)
	evs := typedEvents[*types.EventVoteCast](t, f.Events())
	require.Len(t, evs, 2)
	require.Equal(t, types.EventVoteCast{MotionId: id, BodyId: "dev", Voter: addr("heavy").String(), Option: types.OptionAbstain, Weight: 3}, *evs[0])
}

// TestEarlyDecision checks that the vote that makes a motion's outcome
// certain, passed or rejected, settles it, and that the motion is decided as
// that block ends, not before.
func TestEarlyDecision(t *testing.T) {
	t.Run("pass", func(t *testing.T) {
		f := keepertest.NewConstitutionFixture(t)
		id := f.MustSubmitMotion(addr("dev-chair"), "dev", admitMsg("dev", addr("newbie")))
		f.MustVote(addr("dev-chair"), id, types.OptionYes)
		require.Equal(t, types.MotionStatusVoting, f.Motion(id).Status, "one no would tie")
		require.False(t, isSettled(t, f, id))
		res := f.MustDeliver(&types.MsgVote{Voter: addr("dev-member").String(), MotionId: id, Option: types.OptionYes})
		var resp types.MsgVoteResponse
		require.NoError(t, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
		require.Equal(t, types.MotionStatusVoting, resp.Status, "settled, decided as the block ends")
		require.True(t, isSettled(t, f, id))
		f.DecideSettled()
		m := f.Motion(id)
		require.Equal(t, types.MotionStatusQueued, m.Status)
		require.Equal(t, f.Ctx.BlockHeight(), m.DecidedHeight)
		require.False(t, isSettled(t, f, id))
		member, err := f.Keeper.Memberships.Has(f.Ctx, collectionsPair("dev", addr("newbie")))
		require.NoError(t, err)
		require.False(t, member, "the messages run after the decision, not in the vote")
		queued, err := f.Keeper.MotionQueue.Has(f.Ctx, joinTime(m.VotingEndTime, id))
		require.NoError(t, err)
		require.False(t, queued, "a decided motion leaves the voting queue")
		executing, err := f.Keeper.ExecutionQueue.Has(f.Ctx, id)
		require.NoError(t, err)
		require.True(t, executing, "and enters the execution queue")
		decided := requireEvent[*types.EventMotionDecided](t, f)
		require.Equal(t, types.MotionStatusQueued, decided.Status)
		require.Equal(t, types.Tally{Yes: 2}, decided.Tally)
	})
	t.Run("fail", func(t *testing.T) {
		f := keepertest.NewConstitutionFixture(t)
		id := f.MustSubmitMotion(addr("dev-chair"), "dev", admitMsg("dev", addr("newbie")))
		// With one no, the best case is a 1-1 tie, which never passes.
		f.MustVote(addr("dev-member"), id, types.OptionNo)
		require.True(t, isSettled(t, f, id))
		f.EndBlock()
		m := f.Motion(id)
		require.Equal(t, types.MotionStatusRejected, m.Status)
		member, err := f.Keeper.Memberships.Has(f.Ctx, collectionsPair("dev", addr("newbie")))
		require.NoError(t, err)
		require.False(t, member)
		requireModuleErr(t, f.Vote(addr("dev-chair"), id, types.OptionYes), types.ErrMotionClosed)
	})
	t.Run("board majority of all directors", func(t *testing.T) {
		f := keepertest.NewConstitutionFixture(t)
		id := f.MustSubmitMotion(addr("director-dev"), types.BoardBodyID)
		directors := []string{"director-dev", "director-ops", "director-fin", "director-users"}
		for _, d := range directors[:3] {
			f.MustVote(addr(d), id, types.OptionYes)
			require.False(t, isSettled(t, f, id))
		}
		// A liaison holds a seat but no vote.
		requireModuleErr(t, f.Vote(addr("gov-chair"), id, types.OptionYes), types.ErrNonVoting)
		f.MustVote(addr(directors[3]), id, types.OptionYes)
		require.True(t, isSettled(t, f, id), "4 of 7 directors")
		f.DecideSettled()
		require.Equal(t, types.MotionStatusQueued, f.Motion(id).Status)
	})
}

// TestVotesAfterSettlingCount: a vote cast in the block that settled a
// motion, after the settling vote, is accepted and counted in the decision
// (it was valid when it entered the mempool); once the block has ended, a
// vote is refused, in CheckTx's precheck as in delivery.
func TestVotesAfterSettlingCount(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	id := f.MustSubmitMotion(addr("director-dev"), types.BoardBodyID)
	for _, d := range []string{"director-dev", "director-ops", "director-fin", "director-users"} {
		f.MustVote(addr(d), id, types.OptionYes)
	}
	require.True(t, isSettled(t, f, id))
	require.NoError(t, f.Keeper.PrecheckVote(f.Ctx, &types.MsgVote{Voter: addr("director-nomcom-1").String(), MotionId: id, Option: types.OptionNo}))
	f.MustVote(addr("director-nomcom-1"), id, types.OptionNo)
	f.EndBlock()
	m := f.Motion(id)
	require.Equal(t, types.MotionStatusPassed, m.Status)
	require.Equal(t, types.Tally{Yes: 4, No: 1}, m.Tally, "the vote after the settling one counts")
	decided := requireEvent[*types.EventMotionDecided](t, f)
	require.Equal(t, types.Tally{Yes: 4, No: 1}, decided.Tally)

	f.NextBlock(0)
	late := &types.MsgVote{Voter: addr("director-nomcom-2").String(), MotionId: id, Option: types.OptionYes}
	requireModuleErr(t, f.Keeper.PrecheckVote(f.Ctx, late), types.ErrMotionClosed)
	requireModuleErr(t, f.Vote(addr("director-nomcom-2"), id, types.OptionYes), types.ErrMotionClosed)
	require.Equal(t, types.Tally{Yes: 4, No: 1}, f.Motion(id).Tally)
}

// isSettled says whether motion id waits in the settled set for EndBlock.
func isSettled(t *testing.T, f *keepertest.Fixture, id uint64) bool {
	t.Helper()
	has, err := f.Keeper.SettledMotions.Has(f.Ctx, id)
	require.NoError(t, err)
	return has
}

// TestVoteReadsParamsOnlyForAReason: the reason's length limit is in the
// params, so a vote with a reason reads them and a vote without one does
// not. The same first vote is cast on two identical chains, with and without
// a reason, so the gas differs only by what the reason costs.
func TestVoteReadsParamsOnlyForAReason(t *testing.T) {
	var read uint64
	gasOf := func(reason string) uint64 {
		f := keepertest.NewConstitutionFixture(t)
		id := f.MustSubmitMotion(addr("dev-chair"), "dev")
		ctx := f.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
		_, err := f.MsgServer.Vote(ctx, &types.MsgVote{Voter: addr("dev-member").String(), MotionId: id, Option: types.OptionYes, Reason: reason})
		require.NoError(t, err)
		params, err := f.Keeper.GetParams(f.Ctx)
		require.NoError(t, err)
		read = keepertest.ReadGas(t, f.Codec, &params)
		return ctx.GasMeter().GasConsumed()
	}
	without, with := gasOf(""), gasOf("r")
	require.GreaterOrEqual(t, with, without+read, "a reason reads the params (%d gas); no reason, no read", read)
}
