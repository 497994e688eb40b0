package keeper_test

import (
	"strings"
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

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

// TestEarlyDecision checks that a motion is decided by the vote that makes
// its outcome certain, passed or rejected, and not before.
func TestEarlyDecision(t *testing.T) {
	t.Run("pass", func(t *testing.T) {
		f := keepertest.NewConstitutionFixture(t)
		id := f.MustSubmitMotion(addr("dev-chair"), "dev", admitMsg("dev", addr("newbie")))
		f.MustVote(addr("dev-chair"), id, types.OptionYes)
		require.Equal(t, types.MotionStatusVoting, f.Motion(id).Status, "one no would tie")
		res := f.MustDeliver(&types.MsgVote{Voter: addr("dev-member").String(), MotionId: id, Option: types.OptionYes})
		var resp types.MsgVoteResponse
		require.NoError(t, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
		require.Equal(t, types.MotionStatusQueued, resp.Status)
		m := f.Motion(id)
		require.Equal(t, types.MotionStatusQueued, m.Status)
		require.Equal(t, f.Ctx.BlockHeight(), m.DecidedHeight)
		member, err := f.Keeper.Memberships.Has(f.Ctx, collectionsPair("dev", addr("newbie")))
		require.NoError(t, err)
		require.False(t, member, "the messages run in EndBlock, not in the vote")
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
			require.Equal(t, types.MotionStatusVoting, f.Motion(id).Status)
		}
		// A liaison holds a seat but no vote.
		requireModuleErr(t, f.Vote(addr("gov-chair"), id, types.OptionYes), types.ErrNonVoting)
		f.MustVote(addr(directors[3]), id, types.OptionYes)
		require.Equal(t, types.MotionStatusQueued, f.Motion(id).Status, "4 of 7 directors")
	})
}
