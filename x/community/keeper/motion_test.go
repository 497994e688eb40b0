package keeper_test

import (
	"strings"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// TestSubmitMotion checks a motion's record, its queue entry and its event.
func TestSubmitMotion(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	f.NextBlock(0)
	id := f.MustSubmitMotion(addr("dev-chair"), "dev", admitMsg("dev", addr("newbie")))
	require.Equal(t, uint64(1), id)
	m := f.Motion(id)
	require.Equal(t, types.MotionStatusVoting, m.Status)
	require.Equal(t, "dev", m.BodyId)
	require.Equal(t, addr("dev-chair").String(), m.Proposer)
	require.Equal(t, uint64(2), m.EligibleWeight, "the electorate is snapshot at submission")
	require.Equal(t, f.Ctx.BlockHeight(), m.SubmitHeight)
	require.Equal(t, f.Now().Add(keepertest.VotingPeriod), m.VotingEndTime)
	queued, err := f.Keeper.MotionQueue.Has(f.Ctx, joinTime(m.VotingEndTime, id))
	require.NoError(t, err)
	require.True(t, queued)
	ev := requireEvent[*types.EventMotionSubmitted](t, f)
	require.Equal(t, []string{sdk.MsgTypeURL(&types.MsgAdmitMember{})}, ev.MessageTypes)
	require.Equal(t, uint64(2), f.MustSubmitMotion(addr("dev-member"), "dev"), "ids are sequential; a motion may carry no message")

	// The Board votes by its voting directors.
	boardID := f.MustSubmitMotion(addr("director-dev"), types.BoardBodyID)
	require.Equal(t, uint64(7), f.Motion(boardID).EligibleWeight)
}

// TestSubmitMotionInput checks who may propose and what a motion may carry.
func TestSubmitMotionInput(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	params := types.DefaultParams()
	submit := func(proposer, bodyID string, edit func(*types.MsgSubmitMotion), msgs ...sdk.Msg) *types.MsgSubmitMotion {
		msg := &types.MsgSubmitMotion{Proposer: addr(proposer).String(), BodyId: bodyID, Title: "a motion"}
		for _, m := range msgs {
			msg.Messages = append(msg.Messages, f.Any(m))
		}
		if edit != nil {
			edit(msg)
		}
		return msg
	}
	tooMany := make([]sdk.Msg, params.MaxMessagesPerMotion+1)
	for i := range tooMany {
		tooMany[i] = admitMsg("dev", addr("x"))
	}
	tests := []struct {
		name string
		msg  *types.MsgSubmitMotion
		err  *errorsmod.Error
	}{
		{"outsider", submit("outsider", "dev", nil), types.ErrNotMember},
		{"member of another community", submit("ops-chair", "dev", nil), types.ErrNotMember},
		{"board liaison has no vote", submit("gov-chair", types.BoardBodyID, nil), types.ErrNonVoting},
		{"bad proposer", submit("dev-chair", "dev", func(m *types.MsgSubmitMotion) { m.Proposer = "bad" }), types.ErrInvalidAddress},
		{"unknown body", submit("dev-chair", "nowhere", nil), types.ErrBodyNotFound},
		{"title missing", submit("dev-chair", "dev", func(m *types.MsgSubmitMotion) { m.Title = "" }), types.ErrRequired},
		{"title too long", submit("dev-chair", "dev", func(m *types.MsgSubmitMotion) { m.Title = strings.Repeat("t", 257) }), types.ErrTextTooLong},
		{"summary too long", submit("dev-chair", "dev", func(m *types.MsgSubmitMotion) { m.Summary = strings.Repeat("s", 10_001) }), types.ErrTextTooLong},
		{"too many messages", submit("dev-chair", "dev", nil, tooMany...), types.ErrInvalidMotion},
		{"message signed by another body", submit("dev-chair", "dev", nil, admitMsg("ops", addr("x"))), types.ErrInvalidMotion},
		{"message signed by the proposer", submit("dev-chair", "dev", nil,
			&banktypes.MsgSend{FromAddress: addr("dev-chair").String(), ToAddress: addr("x").String(), Amount: sdk.NewCoins(sdk.NewInt64Coin("upolity", 1))}), types.ErrInvalidMotion},
		{"message signed by governance", submit("dev-chair", "dev", nil, &types.MsgSetDecisionalParticipant{Authority: f.Authority, CommunityId: "dev"}), types.ErrInvalidMotion},
		// auth is registered in the codec but has no Msg service in the router.
		{"unroutable message", submit("dev-chair", "dev", nil, &authtypes.MsgUpdateParams{Authority: body("dev"), Params: authtypes.DefaultParams()}), types.ErrInvalidMotion},
		{"unknown message type", submit("dev-chair", "dev", func(m *types.MsgSubmitMotion) {
			m.Messages = []*codectypes.Any{{TypeUrl: "/polity.nothing.v1.MsgNothing", Value: []byte{1}}}
		}), types.ErrInvalidMotion},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, tc.msg, tc.err)
		})
	}
	// Exactly the limit is fine.
	_, err := f.SubmitMotion(addr("dev-chair"), "dev", "full", tooMany[1:]...)
	require.NoError(t, err)
}

// TestWithdrawMotion checks that only the proposer withdraws, only while the
// motion is in voting, and that a withdrawn motion leaves the queue.
func TestWithdrawMotion(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	id := f.MustSubmitMotion(addr("dev-chair"), "dev", admitMsg("dev", addr("newbie")))
	tests := []struct {
		name string
		msg  *types.MsgWithdrawMotion
		err  *errorsmod.Error
	}{
		{"another member", &types.MsgWithdrawMotion{Proposer: addr("dev-member").String(), MotionId: id}, types.ErrUnauthorized},
		{"the body", &types.MsgWithdrawMotion{Proposer: body("dev"), MotionId: id}, types.ErrUnauthorized},
		{"unknown motion", &types.MsgWithdrawMotion{Proposer: addr("dev-chair").String(), MotionId: 99}, types.ErrMotionNotFound},
		{"bad address", &types.MsgWithdrawMotion{Proposer: "bad", MotionId: id}, types.ErrInvalidAddress},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, tc.msg, tc.err)
		})
	}

	f.NextBlock(time.Minute)
	f.MustDeliver(&types.MsgWithdrawMotion{Proposer: addr("dev-chair").String(), MotionId: id})
	m := f.Motion(id)
	require.Equal(t, types.MotionStatusWithdrawn, m.Status)
	require.Equal(t, f.Ctx.BlockHeight(), m.DecidedHeight)
	require.Equal(t, id, requireEvent[*types.EventMotionWithdrawn](t, f).MotionId)
	queued, err := f.Keeper.MotionQueue.Has(f.Ctx, joinTime(m.VotingEndTime, id))
	require.NoError(t, err)
	require.False(t, queued)
	requireFailsUnchanged(t, f, &types.MsgWithdrawMotion{Proposer: addr("dev-chair").String(), MotionId: id}, types.ErrMotionClosed)
	requireModuleErr(t, f.Vote(addr("dev-member"), id, types.OptionYes), types.ErrMotionClosed)

	// The voting period ends: EndBlock leaves a withdrawn motion alone.
	f.NextBlock(keepertest.VotingPeriod)
	f.EndBlock()
	require.Equal(t, types.MotionStatusWithdrawn, f.Motion(id).Status)

	// A decided motion cannot be withdrawn either.
	passed := f.Pass(addr("dev-chair"), "dev", devVoters())
	require.Equal(t, types.MotionStatusPassed, passed.Status)
	requireFailsUnchanged(t, f, &types.MsgWithdrawMotion{Proposer: addr("dev-chair").String(), MotionId: passed.Id}, types.ErrMotionClosed)
}
