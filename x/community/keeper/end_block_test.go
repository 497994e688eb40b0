package keeper_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// TestEndBlockDecidesDueMotions checks that EndBlock decides a motion once its
// voting period is over, by the rule in force at submission, and leaves
// motions that are not due untouched.
func TestEndBlockDecidesDueMotions(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	passes := f.MustSubmitMotion(addr("dev-chair"), "dev", admitMsg("dev", addr("newbie")))
	f.MustVote(addr("dev-chair"), passes, types.OptionYes) // quorum 1/2 met, 1-0
	noQuorum := f.MustSubmitMotion(addr("dev-chair"), "dev")
	f.NextBlock(30 * time.Minute)
	notDue := f.MustSubmitMotion(addr("ops-chair"), "ops")

	f.NextBlock(29 * time.Minute)
	f.EndBlock()
	require.Equal(t, types.MotionStatusVoting, f.Motion(passes).Status, "not due yet")

	f.NextBlock(time.Minute)
	f.EndBlock()
	m := f.Motion(passes)
	require.Equal(t, types.MotionStatusPassed, m.Status)
	require.Equal(t, f.Ctx.BlockHeight(), m.DecidedHeight)
	require.Equal(t, f.Now(), m.DecidedTime)
	has, err := f.Keeper.Memberships.Has(f.Ctx, collectionsPair("dev", addr("newbie")))
	require.NoError(t, err)
	require.True(t, has, "the motion executed in EndBlock")
	require.Len(t, typedEvents[*types.EventMemberAdmitted](t, f.Events()), 1)
	require.Equal(t, types.MotionStatusRejected, f.Motion(noQuorum).Status)
	require.Equal(t, types.MotionStatusVoting, f.Motion(notDue).Status)
	require.Len(t, typedEvents[*types.EventMotionDecided](t, f.Events()), 2)

	f.NextBlock(30 * time.Minute)
	f.EndBlock()
	require.Equal(t, types.MotionStatusRejected, f.Motion(notDue).Status)
}

// TestEndBlockQueueCap checks that EndBlock decides at most
// max_queue_items_per_block motions, oldest deadline first, and the rest in
// later blocks.
func TestEndBlockQueueCap(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	params, err := f.Keeper.GetParams(f.Ctx)
	require.NoError(t, err)
	params.MaxQueueItemsPerBlock = 2
	f.MustDeliver(&types.MsgUpdateParams{Authority: f.Authority, Params: params})
	var ids []uint64
	for range 5 {
		ids = append(ids, f.MustSubmitMotion(addr("dev-chair"), "dev"))
		f.NextBlock(time.Second)
	}
	open := func() int {
		n := 0
		for _, id := range ids {
			if f.Motion(id).Status == types.MotionStatusVoting {
				n++
			}
		}
		return n
	}
	f.NextBlock(keepertest.VotingPeriod)
	for _, want := range []int{3, 1, 0, 0} {
		f.EndBlock()
		require.Equal(t, want, open())
		f.NextBlock(time.Second)
	}
	require.Equal(t, types.MotionStatusRejected, f.Motion(ids[0]).Status)
}

// TestEndBlockNeverPanics checks that broken records fail their own item,
// never the block: a queue entry without its motion, a motion that can no
// longer be decoded (its message type unregistered), and a term expiry for a
// missing seat. Each entry is dropped so that it cannot block the queue, and
// one that cannot even be closed as failed is reported by
// EventQueueItemFailed. (A
// motion that no longer decodes cannot even be read; an upgrade that removes a
// message type must migrate open motions that carry it.)
func TestEndBlockNeverPanics(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	k := f.Keeper
	due := f.Now().Add(time.Minute)
	require.NoError(t, k.MotionQueue.Set(f.Ctx, joinTime(due, 404)))
	broken := types.Motion{
		Id: 7, BodyId: "dev", Proposer: addr("dev-chair").String(), Title: "broken", Status: types.MotionStatusVoting,
		Rule: f.Motion(f.MustSubmitMotion(addr("dev-chair"), "dev")).Rule, EligibleWeight: 2, Tally: types.Tally{Yes: 2},
		Messages:      []*codectypes.Any{{TypeUrl: "/polity.nothing.v1.MsgNothing", Value: []byte{1, 2, 3}}},
		VotingEndTime: due,
	}
	require.NoError(t, k.Motions.Set(f.Ctx, broken.Id, broken))
	require.NoError(t, k.MotionQueue.Set(f.Ctx, joinTime(due, broken.Id)))
	require.NoError(t, k.SeatExpiry.Set(f.Ctx, joinTime(due, 999)))

	f.NextBlock(2 * time.Minute)
	require.NotPanics(t, func() { f.EndBlock() })
	for _, key := range []collectionsPairTime{joinTime(due, 404), joinTime(due, broken.Id)} {
		queued, err := k.MotionQueue.Has(f.Ctx, key)
		require.NoError(t, err)
		require.False(t, queued, "entry %v is dropped", key)
	}
	queued, err := k.SeatExpiry.Has(f.Ctx, joinTime(due, 999))
	require.NoError(t, err)
	require.False(t, queued)
	// entries that could not even be closed as failed are on record
	var failed []string
	for _, ev := range typedEvents[*types.EventQueueItemFailed](t, f.Events()) {
		failed = append(failed, ev.Queue+"/"+strconv.FormatUint(ev.Id, 10))
	}
	require.ElementsMatch(t, []string{"motion/404", "motion/7", "seat_expiry/999"}, failed)
	f.NextBlock(time.Second)
	require.NotPanics(t, func() { f.EndBlock() })
}
