package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

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
