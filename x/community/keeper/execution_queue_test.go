package keeper_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// admits are n messages of "dev" admitting n new members.
func admits(n int) []sdk.Msg {
	msgs := make([]sdk.Msg, n)
	for i := range msgs {
		msgs[i] = admitMsg("dev", addr(fmt.Sprintf("newbie-%d", i)))
	}
	return msgs
}

// TestPassingVoteOnlyQueues checks that the vote that passes a motion runs
// none of its messages: the motion is settled, nothing is applied, and the
// vote's gas does not grow with what the messages do. EndBlock of the same
// block then decides it and runs them.
func TestPassingVoteOnlyQueues(t *testing.T) {
	// gas returns the gas of the deciding vote and of EndBlock for a motion
	// carrying n admissions, each in a fresh chain.
	gas := func(n int) (vote, endBlock uint64) {
		f := keepertest.NewConstitutionFixture(t)
		id := f.MustSubmitMotion(addr("dev-chair"), "dev", admits(n)...)
		f.MustVote(addr("dev-chair"), id, types.OptionYes)
		f.Ctx = f.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
		f.MustVote(addr("dev-member"), id, types.OptionYes)
		vote = f.Ctx.GasMeter().GasConsumed()

		m := f.Motion(id)
		require.Equal(t, types.MotionStatusVoting, m.Status, "settled, decided as the block ends")
		require.True(t, isSettled(t, f, id))
		require.Zero(t, m.ExecutedHeight)
		require.Empty(t, typedEvents[*types.EventMemberAdmitted](t, f.Events()), "nothing ran in the vote")
		has, err := f.Keeper.Memberships.Has(f.Ctx, collectionsPair("dev", addr("newbie-0")))
		require.NoError(t, err)
		require.False(t, has)

		f.Ctx = f.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
		f.EndBlock()
		endBlock = f.Ctx.GasMeter().GasConsumed()
		m = f.Motion(id)
		require.Equal(t, types.MotionStatusPassed, m.Status, m.FailureReason)
		require.Equal(t, f.Ctx.BlockHeight(), m.ExecutedHeight)
		require.Equal(t, f.Now(), m.ExecutedTime)
		require.Len(t, typedEvents[*types.EventMemberAdmitted](t, f.Events()), n)
		executed := requireEvent[*types.EventMotionExecuted](t, f)
		require.Equal(t, types.EventMotionExecuted{MotionId: id, BodyId: "dev", Status: types.MotionStatusPassed}, *executed)
		has, err = f.Keeper.ExecutionQueue.Has(f.Ctx, id)
		require.NoError(t, err)
		require.False(t, has, "an executed motion leaves the queue")
		return vote, endBlock
	}
	vote1, exec1 := gas(1)
	vote10, exec10 := gas(10)
	// The vote reads and rewrites the larger record, so it costs more per
	// byte of the messages; running the nine extra admissions, which it no
	// longer pays for, costs EndBlock several times that.
	require.Less(t, 2*(vote10-vote1), exec10-exec1,
		"vote gas %d -> %d, EndBlock gas %d -> %d", vote1, vote10, exec1, exec10)
}

// TestFailingMessageFailsTheMotionNotTheVote checks that a passed motion
// whose message fails is recorded as EXECUTION_FAILED in EndBlock, with
// nothing applied, while the vote that passed it succeeded.
func TestFailingMessageFailsTheMotionNotTheVote(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	id := f.MustSubmitMotion(addr("dev-chair"), "dev",
		admitMsg("dev", addr("newbie")), admitMsg("dev", addr("dev-member"))) // already a member
	f.MustVote(addr("dev-chair"), id, types.OptionYes)
	res, err := f.Deliver(&types.MsgVote{Voter: addr("dev-member").String(), MotionId: id, Option: types.OptionYes})
	require.NoError(t, err, "the deciding vote succeeds")
	var resp types.MsgVoteResponse
	require.NoError(t, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	require.Equal(t, types.MotionStatusVoting, resp.Status)

	f.EndBlock()
	m := f.Motion(id)
	require.Equal(t, types.MotionStatusExecutionFailed, m.Status)
	require.Contains(t, m.FailureReason, types.ErrAlreadyMember.Error())
	require.Equal(t, f.Ctx.BlockHeight(), m.ExecutedHeight)
	has, err := f.Keeper.Memberships.Has(f.Ctx, collectionsPair("dev", addr("newbie")))
	require.NoError(t, err)
	require.False(t, has, "nothing of the motion applied")
	executed := requireEvent[*types.EventMotionExecuted](t, f)
	require.Equal(t, types.MotionStatusExecutionFailed, executed.Status)
	require.Equal(t, m.FailureReason, executed.FailureReason)
	queued, err := f.Keeper.ExecutionQueue.Has(f.Ctx, id)
	require.NoError(t, err)
	require.False(t, queued)
}

// TestExecutionQueueCap checks that EndBlock decides and runs at most
// max_queue_items_per_block settled motions, lowest id first, and the rest
// in later blocks.
func TestExecutionQueueCap(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	params, err := f.Keeper.GetParams(f.Ctx)
	require.NoError(t, err)
	params.MaxQueueItemsPerBlock = 2
	f.MustDeliver(&types.MsgUpdateParams{Authority: f.Authority, Params: params})
	f.NextBlock(time.Second)
	var ids []uint64
	for i := range 5 {
		id := f.MustSubmitMotion(addr("dev-chair"), "dev", admits(i + 1)[i])
		ids = append(ids, id)
	}
	// Vote in reverse order: the queue runs by id, not by when each passed.
	for i := len(ids) - 1; i >= 0; i-- {
		for _, v := range devVoters() {
			f.MustVote(v, ids[i], types.OptionYes)
		}
	}
	status := func() []types.MotionStatus {
		out := make([]types.MotionStatus, len(ids))
		for i, id := range ids {
			out[i] = f.Motion(id).Status
		}
		return out
	}
	// Deciding the settled motions takes the same cap: each block decides
	// two, and runs them.
	P, V := types.MotionStatusPassed, types.MotionStatusVoting
	for _, want := range [][]types.MotionStatus{{P, P, V, V, V}, {P, P, P, P, V}, {P, P, P, P, P}} {
		f.EndBlock()
		require.Equal(t, want, status(), "at height %d", f.Ctx.BlockHeight())
		keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))
		f.NextBlock(time.Second)
	}
	require.Equal(t, f.Motion(ids[0]).ExecutedHeight+2, f.Motion(ids[4]).ExecutedHeight)
}

// TestBrokenExecutionEntryIsDropped checks that an execution queue entry
// whose motion cannot be read is dropped and reported, never halting the
// block, and that a stale entry for a motion no longer QUEUED is only
// removed.
func TestBrokenExecutionEntryIsDropped(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	k := f.Keeper
	rejected := f.MustSubmitMotion(addr("dev-chair"), "dev")
	f.MustVote(addr("dev-member"), rejected, types.OptionNo)
	f.DecideSettled()
	require.Equal(t, types.MotionStatusRejected, f.Motion(rejected).Status)
	require.NoError(t, k.ExecutionQueue.Set(f.Ctx, 404))
	require.NoError(t, k.ExecutionQueue.Set(f.Ctx, rejected))

	require.NotPanics(t, func() { f.EndBlock() })
	for _, id := range []uint64{404, rejected} {
		has, err := k.ExecutionQueue.Has(f.Ctx, id)
		require.NoError(t, err)
		require.False(t, has, "entry %d is dropped", id)
	}
	require.Equal(t, types.MotionStatusRejected, f.Motion(rejected).Status, "a stale entry changes nothing")
	failed := typedEvents[*types.EventQueueItemFailed](t, f.Events())
	require.Len(t, failed, 1)
	require.Equal(t, types.EventQueueItemFailed{Queue: "motion_execution", Id: 404, Error: failed[0].Error}, *failed[0])
}
