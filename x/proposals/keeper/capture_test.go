package keeper_test

import (
	"fmt"
	"testing"
	"time"

	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// Capture paths through proposals (issue: accountability that cannot be
// captured). Each drives the attack through real messages and checks it is
// refused with nothing changed.

// TestCaptureVetoedContentCannotReturn: a vetoed proposal's messages cannot
// be proposed again until the cooling-off has passed, not even wrapped with
// other messages.
func TestCaptureVetoedContentCannotReturn(t *testing.T) {
	f := newFixture(t)
	bylaw := communityParamsMsg(f)
	id := toECReview(t, f, types.KindStandardBylaw, bylaw)
	f.MustDeliver(&types.MsgVetoProposal{Authority: empowered(), ProposalId: id, Reason: "rejected"})
	require.Equal(t, types.StatusVetoed, f.GetProposal(id).Status)

	again := f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindStandardBylaw, bylaw)
	requireFailsUnchanged(t, f, again, types.ErrCoolingOff)
	wrapped := f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindStandardBylaw, treasurySpend(f, addr("dev-chair").String()), bylaw)
	requireFailsUnchanged(t, f, wrapped, types.ErrCoolingOff)

	f.Advance(must(f.Proposals.GetParams(f.Ctx)).ResubmissionCoolingOff - time.Second)
	requireFailsUnchanged(t, f, again, types.ErrCoolingOff)
	f.Advance(time.Second)
	f.MustDeliver(again)
}

// TestCaptureReturnedContentOnlyAsAnswer: a proposal returned by an upheld
// IRP cannot be resubmitted as it was, except in the Board's answer to that
// case (a proposal carrying its MsgRecordBoardAction).
func TestCaptureReturnedContentOnlyAsAnswer(t *testing.T) {
	f := newFixture(t)
	bylaw := communityParamsMsg(f)
	id := toECReview(t, f, types.KindStandardBylaw, bylaw)
	f.MustDeliver(&types.MsgAnnulProposal{Authority: review(), ProposalId: id, Reason: "IRP 5 upheld", IrpId: 5})
	p := f.GetProposal(id)
	require.Equal(t, types.StatusReturned, p.Status)
	require.Equal(t, uint64(5), p.ReturnedByIrp)

	requireFailsUnchanged(t, f, f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindStandardBylaw, bylaw), types.ErrCoolingOff)
	otherCase := &reviewtypes.MsgRecordBoardAction{Authority: f.Authority, IrpId: 6, Action: keepertest.Doc("other")}
	requireFailsUnchanged(t, f, f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindStandardBylaw, otherCase, bylaw), types.ErrCoolingOff)
	answer := &reviewtypes.MsgRecordBoardAction{Authority: f.Authority, IrpId: 5, Action: keepertest.Doc("answer")}
	f.MustDeliver(f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindStandardBylaw, answer, bylaw))
}

// TestCaptureAdviceDeferenceOnlyFlagged: a community the constitution has
// not granted advice deference cannot mark its advice "consensus", neither
// signed by its body nor through a motion of its own; plain advice still
// goes through.
func TestCaptureAdviceDeferenceOnlyFlagged(t *testing.T) {
	f := newFixture(t)
	p := f.MustSubmitProposal("dev", types.KindPolicy)
	c, err := f.Keeper.GetCommunity(f.Ctx, "users")
	require.NoError(t, err)
	require.False(t, c.AdviceDeference)

	requireFailsUnchanged(t, f, keepertest.AdviceMsg("users", p, true), types.ErrNotConsensus)
	m := f.Pass(addr("users-chair"), "users", keepertest.CommunityVoters("users"), keepertest.AdviceMsg("users", p, true))
	require.Equal(t, communitytypes.MotionStatusExecutionFailed, m.Status)
	require.Contains(t, m.FailureReason, "no advice deference")
	require.Zero(t, f.GetProposal(p).PendingAdvice)

	f.MustAdvise("users", p, false)
	require.Equal(t, uint32(1), f.GetProposal(p).PendingAdvice)
}

// TestCaptureConsensusMeansNoObjection: a community with deference claims
// consensus only from its own motion, and only when no member formally
// objected (ICANN GAC consensus); its body address alone cannot claim it.
func TestCaptureConsensusMeansNoObjection(t *testing.T) {
	f := newFixture(t)
	f.MustDeliver(&communitytypes.MsgSetCommunityPrivileges{Authority: f.Authority, CommunityId: "users", AdviceDeference: true})
	objector := addr("users-objector")
	f.AdmitDirect("users", objector, communitytypes.RegionEurope)
	f.NextBlock(time.Second)
	p := f.MustSubmitProposal("dev", types.KindPolicy)

	requireFailsUnchanged(t, f, keepertest.AdviceMsg("users", p, true), types.ErrNotConsensus)

	id := f.MustSubmitMotion(addr("users-chair"), "users", keepertest.AdviceMsg("users", p, true))
	f.MustVote(objector, id, communitytypes.OptionNo)
	for _, v := range keepertest.CommunityVoters("users") {
		f.MustVote(v, id, communitytypes.OptionYes)
	}
	m := f.Executed(id) // a passed motion runs in EndBlock
	require.Equal(t, communitytypes.MotionStatusExecutionFailed, m.Status, "the motion passed by majority but its advice is not consensus")
	require.Contains(t, m.FailureReason, "formal objection")
	require.Zero(t, f.GetProposal(p).PendingAdvice)

	a := f.GetAdvice(f.MustAdvise("users", p, true))
	require.True(t, a.Consensus)
}

// TestCaptureBoardCannotStarveBlocks: a proposal may not set a block gas or
// byte limit under which no petition, veto or review could be sent once it is
// enacted (CometBFT accepts a block gas limit of 0). The refusal names the
// limit and changes nothing; a limit at the floor passes the floor (and then
// meets the fixture's lack of a consensus handler).
func TestCaptureBoardCannotStarveBlocks(t *testing.T) {
	f := newFixture(t)
	update := func(maxBytes, maxGas int64) sdk.Msg {
		p := cmttypes.DefaultConsensusParams().ToProto()
		p.Block.MaxBytes, p.Block.MaxGas = maxBytes, maxGas
		return &consensustypes.MsgUpdateParams{Authority: f.Authority, Block: p.Block, Evidence: p.Evidence, Validator: p.Validator, Abci: p.Abci}
	}
	submit := func(msg sdk.Msg) error {
		_, err := f.ProposalsMsgServer.SubmitProposal(f.Ctx, f.ProposalMsg(addr("director-dev"), types.BoardOriginator, types.KindTechnical, msg))
		return err
	}
	for _, starve := range []sdk.Msg{
		update(22_020_096, 0),
		update(22_020_096, types.MinBlockMaxGas-1),
		update(types.MinBlockMaxBytes-1, -1),
	} {
		err := submit(starve)
		require.ErrorContains(t, err, "would leave governance unable to transact")
		requireFailsUnchanged(t, f, f.ProposalMsg(addr("director-dev"), types.BoardOriginator, types.KindTechnical, starve), types.ErrInvalidMessages)
	}
	for _, enough := range []sdk.Msg{update(types.MinBlockMaxBytes, types.MinBlockMaxGas), update(-1, -1)} {
		require.NotContains(t, fmt.Sprint(submit(enough)), "would leave governance unable to transact")
	}
}
