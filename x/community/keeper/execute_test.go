package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// TestExecutionIsAtomic checks that a passed motion whose second message
// fails leaves no effect of the first: EXECUTION_FAILED, the reason on record,
// and no event of the undone change.
func TestExecutionIsAtomic(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	statsBefore, err := f.Keeper.GetBodyStats(f.Ctx, "dev")
	require.NoError(t, err)
	m := f.Pass(addr("dev-chair"), "dev", devVoters(),
		admitMsg("dev", addr("newbie")),
		admitMsg("dev", addr("dev-member"))) // already a member: fails

	require.Equal(t, types.MotionStatusExecutionFailed, m.Status)
	require.Contains(t, m.FailureReason, "message 1")
	require.Contains(t, m.FailureReason, types.ErrAlreadyMember.Error())
	has, err := f.Keeper.Memberships.Has(f.Ctx, collectionsPair("dev", addr("newbie")))
	require.NoError(t, err)
	require.False(t, has, "the first message was undone")
	_, err = f.Keeper.Members.Get(f.Ctx, addr("newbie"))
	require.Error(t, err, "not even the person's record was written")
	statsAfter, err := f.Keeper.GetBodyStats(f.Ctx, "dev")
	require.NoError(t, err)
	require.Equal(t, statsBefore, statsAfter)
	require.Empty(t, typedEvents[*types.EventMemberAdmitted](t, f.Events()))
	decided := requireEvent[*types.EventMotionDecided](t, f)
	require.Equal(t, types.MotionStatusQueued, decided.Status, "the vote passed it")
	require.Empty(t, decided.FailureReason)
	executed := requireEvent[*types.EventMotionExecuted](t, f)
	require.Equal(t, types.MotionStatusExecutionFailed, executed.Status)
	require.Equal(t, m.FailureReason, executed.FailureReason)
	require.Equal(t, "MOTION_STATUS_EXECUTION_FAILED", plainEvent(t, f, "motion_executed")["status"])
}

// TestExecutionEmitsMessageEvents checks that what a passed motion does is
// announced with the messages' own typed events.
func TestExecutionEmitsMessageEvents(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	m := f.Pass(addr("dev-chair"), "dev", devVoters(),
		admitMsg("dev", addr("newbie")), admitMsg("dev", addr("another")))
	require.Equal(t, types.MotionStatusPassed, m.Status, m.FailureReason)
	admitted := typedEvents[*types.EventMemberAdmitted](t, f.Events())
	require.Len(t, admitted, 2)
	require.Equal(t, addr("newbie").String(), admitted[0].Address)
	require.Equal(t, addr("another").String(), admitted[1].Address)
	require.Equal(t, addr("newbie").String(), plainEvent(t, f, "member_admitted")["address"])
}

// TestMotionExecutesForeignMessage checks that a motion runs another
// module's message with the body's address as signer: a community spends
// from its own account through bank.
func TestMotionExecutesForeignMessage(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	coins := sdk.NewCoins(sdk.NewInt64Coin(types.FeeDenom, 500))
	f.Fund(types.BodyAddress("dev"), coins)
	send := &banktypes.MsgSend{FromAddress: body("dev"), ToAddress: addr("newbie").String(), Amount: coins}
	m := f.Pass(addr("dev-chair"), "dev", devVoters(), send)
	require.Equal(t, types.MotionStatusPassed, m.Status, m.FailureReason)
	require.Equal(t, coins, f.BankKeeper.GetAllBalances(f.Ctx, addr("newbie")))
	require.True(t, f.BankKeeper.GetAllBalances(f.Ctx, types.BodyAddress("dev")).IsZero())

	// Spending more than the body holds fails the motion, not the block.
	f.NextBlock(0)
	m = f.Pass(addr("dev-chair"), "dev", devVoters(), send)
	require.Equal(t, types.MotionStatusExecutionFailed, m.Status)
	require.Contains(t, m.FailureReason, "insufficient funds")
}
