package ante_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app/ante"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// precheck builds the decorator exactly as app/ante.go does, on the fixture's
// keepers.
func precheck(f *keepertest.Fixture) ante.PrecheckDecorator {
	return ante.NewPrecheckDecorator(
		ante.PrecheckOf(f.Keeper.PrecheckVote),
		ante.PrecheckOf(f.Proposals.PrecheckBoardVote),
	)
}

// checkTx is the fixture's state as CheckTx sees it.
func checkTx(f *keepertest.Fixture) sdk.Context { return f.Ctx.WithIsCheckTx(true) }

func motionVote(voter string, id uint64) *communitytypes.MsgVote {
	return &communitytypes.MsgVote{Voter: addr(voter).String(), MotionId: id, Option: communitytypes.OptionYes}
}

func boardVote(director string, id uint64) *proposalstypes.MsgBoardVote {
	return &proposalstypes.MsgBoardVote{Director: addr(director).String(), ProposalId: id, Option: communitytypes.OptionYes}
}

// TestPrecheckMotionVote checks that in CheckTx a motion vote certain to fail
// is refused with the handler's own registered error (the handler refuses it
// too, so the rule is one), and that a valid vote, a vote on a motion not yet
// submitted and any other message pass.
func TestPrecheckMotionVote(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	d := precheck(f)
	decided := f.Pass(addr("dev-chair"), "dev", []sdk.AccAddress{addr("dev-chair"), addr("dev-member")}).Id
	require.NotEqual(t, communitytypes.MotionStatusVoting, f.Motion(decided).Status)
	f.NextBlock(0)
	// newbie joins in the block the motion is submitted: too late to vote on it
	f.MustDeliver(&communitytypes.MsgAdmitMember{Authority: keepertest.BodyAuthority("dev"), CommunityId: "dev", Address: addr("newbie").String(), Weight: 1})
	open := f.MustSubmitMotion(addr("dev-chair"), "dev")
	f.MustVote(addr("dev-chair"), open, communitytypes.OptionYes)
	f.NextBlock(0)

	tests := []struct {
		name string
		msg  *communitytypes.MsgVote
		err  *errorsmod.Error
	}{
		{"decided motion", motionVote("dev-member", decided), communitytypes.ErrMotionClosed},
		{"second vote", motionVote("dev-chair", open), communitytypes.ErrAlreadyVoted},
		{"non-member", motionVote("ops-chair", open), communitytypes.ErrNotMember},
		{"outsider", motionVote("outsider", open), communitytypes.ErrNotMember},
		{"joined in the submission block", motionVote("newbie", open), communitytypes.ErrNotEligible},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireRefused(t, checkTx(f), d, f.Tx(nil, tc.msg), false, tc.err)
			requireRefused(t, f.Ctx.WithIsReCheckTx(true), d, f.Tx(nil, tc.msg), false, tc.err)
			requireAccepted(t, f.Ctx, d, f.Tx(nil, tc.msg), false) // FinalizeBlock: the handler decides
			_, err := f.Deliver(tc.msg)
			keepertest.RequireModuleErr(t, err, tc.err)
		})
	}
	requireAccepted(t, checkTx(f), d, f.Tx(nil, motionVote("dev-member", open)), false)
	requireAccepted(t, checkTx(f), d, f.Tx(nil, motionVote("dev-member", 99)), false)
	requireAccepted(t, checkTx(f), d, f.Tx(nil, send(addr("dev-member"))), false)
	// a doomed vote spoils the transaction wherever it stands
	requireRefused(t, checkTx(f), d, f.Tx(nil, motionVote("dev-member", open), motionVote("dev-member", decided)), false, communitytypes.ErrMotionClosed)

	// once its time is up, before EndBlock decides it, a motion is closed
	f.NextBlock(keepertest.VotingPeriod)
	requireRefused(t, checkTx(f), d, f.Tx(nil, motionVote("dev-member", open)), false, communitytypes.ErrMotionClosed)
}

// TestPrecheckBoardVote checks the same for Board votes: refused after the
// decision, twice, or by someone without a voting seat; a valid vote, and a
// vote on a proposal still in public comment (its Board vote may open before
// the block runs it) or not yet submitted, pass.
func TestPrecheckBoardVote(t *testing.T) {
	f := keepertest.NewProposalsFixture(t)
	d := precheck(f)
	open := f.MustSubmitProposal(proposalstypes.BoardOriginator, proposalstypes.KindResolution)
	inComment := f.MustSubmitProposal("dev", proposalstypes.KindPolicy)
	rejected := f.MustSubmitProposal(proposalstypes.BoardOriginator, proposalstypes.KindResolution)
	for _, dir := range keepertest.VotingDirectors[:4] {
		f.MustBoardVote(dir, rejected, communitytypes.OptionNo)
	}
	f.MustBoardVote("director-dev", open, communitytypes.OptionYes)
	f.EndBlockProposals() // concludes the settled vote on rejected
	f.NextBlock(time.Second)

	tests := []struct {
		name string
		msg  *proposalstypes.MsgBoardVote
		err  *errorsmod.Error
	}{
		{"decided proposal", boardVote("director-nomcom-3", rejected), proposalstypes.ErrWrongPhase},
		{"second vote", boardVote("director-dev", open), proposalstypes.ErrAlreadyVoted},
		{"member without a seat", boardVote("dev-chair", open), proposalstypes.ErrNotDirector},
		{"outsider", boardVote("outsider", open), proposalstypes.ErrNotDirector},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireRefused(t, checkTx(f), d, f.Tx(nil, tc.msg), false, tc.err)
			_, err := f.Deliver(tc.msg)
			keepertest.RequireModuleErr(t, err, tc.err)
		})
	}
	requireAccepted(t, checkTx(f), d, f.Tx(nil, boardVote("director-ops", open)), false)
	requireAccepted(t, checkTx(f), d, f.Tx(nil, boardVote("director-ops", inComment)), false)
	requireAccepted(t, checkTx(f), d, f.Tx(nil, boardVote("director-ops", 99)), false)
}
