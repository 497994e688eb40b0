package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/app"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

var (
	stayMsg    = keepertest.StayMsg
	declareMsg = keepertest.DeclareMsg
)

// maxTitle is x/community's max title length, which the challenged
// amendment would set to 77.
func maxTitle(f *keepertest.Fixture) uint32 { return must(f.Keeper.GetParams(f.Ctx)).MaxTitleLength }

// stayedCase files acme's case against the amendment, forms its panel and has
// two panelists stay the amendment.
func stayedCase(t *testing.T, f *keepertest.Fixture) (proposal uint64, c types.IRP) {
	t.Helper()
	proposal, irp := irpAgainstBylaw(t, f)
	c = formPanel(t, f, irp)
	f.MustDeliver(stayMsg(c.Panel[0], irp, true))
	f.MustDeliver(stayMsg(c.Panel[2], irp, true))
	require.True(t, f.GetProposal(proposal).Stayed)
	return proposal, f.GetIRP(irp)
}

// TestInterimRelief checks that a panel majority stays the challenged
// amendment, which then does not execute when its EC window passes, and that
// losing the majority lifts the stay and lets it execute.
func TestInterimRelief(t *testing.T) {
	f := newFixture(t)
	proposal, irp := irpAgainstBylaw(t, f)
	requireFailsUnchanged(t, f, stayMsg(name("panelist-1"), irp, true), types.ErrNotPanelist)
	c := formPanel(t, f, irp)
	requireFailsUnchanged(t, f, stayMsg(name("dev-chair"), irp, true), types.ErrNotPanelist)
	requireFailsUnchanged(t, f, stayMsg(c.Panel[0], irp, false), types.ErrAlreadyDone)

	f.ResetEvents()
	f.MustDeliver(stayMsg(c.Panel[0], irp, true))
	require.False(t, f.GetProposal(proposal).Stayed, "one vote of three stays nothing")
	require.Empty(t, typedEvents[*types.EventInterimRelief](t, f))
	requireFailsUnchanged(t, f, stayMsg(c.Panel[0], irp, true), types.ErrAlreadyDone)
	f.MustDeliver(stayMsg(c.Panel[1], irp, true))
	require.True(t, f.GetProposal(proposal).Stayed)
	require.True(t, f.GetIRP(irp).Stayed)
	require.Equal(t, types.EventInterimRelief{IrpId: irp, ProposalId: proposal, Stayed: true, Note: "a panel majority granted a stay"},
		*requireEvent[*types.EventInterimRelief](t, f))
	f.MustDeliver(stayMsg(c.Panel[2], irp, true))
	require.Len(t, f.GetIRP(irp).StayVotes, 3)

	f.Advance(keepertest.ECPeriod)
	p := f.GetProposal(proposal)
	require.Equal(t, proposalstypes.StatusApproved, p.Status, "the EC window passed; the stay holds execution")
	require.NotEqual(t, uint32(77), maxTitle(f))

	f.MustDeliver(stayMsg(c.Panel[0], irp, false))
	require.True(t, f.GetProposal(proposal).Stayed, "two of three still stay it")
	f.ResetEvents()
	f.MustDeliver(stayMsg(c.Panel[1], irp, false))
	require.False(t, f.GetIRP(irp).Stayed)
	require.False(t, requireEvent[*types.EventInterimRelief](t, f).Stayed)
	require.Equal(t, proposalstypes.StatusQueued, f.GetProposal(proposal).Status, "queued; it executes as the block ends")
	f.EndBlockProposals()
	require.Equal(t, proposalstypes.StatusRatified, f.GetProposal(proposal).Status, "lifting the stay executes it")
	require.Equal(t, uint32(77), maxTitle(f))
	requireFailsUnchanged(t, f, stayMsg(c.Panel[1], irp, true), types.ErrWrongPhase) // executed: too late

	member := name("dev-member")
	fund(f, "dev-member")
	inaction := fileMsg(member, types.ClaimantMember, 0)
	inaction.Inaction = "no answer to advice"
	other := formPanel(t, f, f.MustFileIRP(inaction))
	requireFailsUnchanged(t, f, stayMsg(other.Panel[0], other.Id, true), types.ErrWrongPhase)
}

// TestDeclarationUpheld checks an upheld declaration: the second matching
// declaration binds, the stayed amendment is RETURNED, the deposit is
// refunded, the Board's deadline is set, a missed deadline is recorded, and a
// late Board action is still recorded.
func TestDeclarationUpheld(t *testing.T) {
	f := newFixture(t)
	proposal, c := stayedCase(t, f)
	f.Advance(keepertest.ECPeriod)
	require.Equal(t, proposalstypes.StatusApproved, f.GetProposal(proposal).Status)
	acme := addr("acme")
	require.Zero(t, balance(f, acme), "the deposit is held")

	requireFailsUnchanged(t, f, declareMsg(name("panelist-5"), c.Id, types.OutcomeUpheld), types.ErrNotPanelist)
	requireFailsUnchanged(t, f, declareMsg(c.Panel[0], c.Id, types.OutcomeUnspecified), types.ErrInvalidKind)
	noReason := declareMsg(c.Panel[0], c.Id, types.OutcomeUpheld)
	noReason.Reasoning.Hash, noReason.Reasoning.Uri = "", ""
	requireFailsUnchanged(t, f, noReason, types.ErrRequired)
	noReason.Reasoning.Hash = "zz"
	requireFailsUnchanged(t, f, noReason, types.ErrInvalidDocument)

	f.ResetEvents()
	f.MustDeliver(declareMsg(c.Panel[0], c.Id, types.OutcomeUpheld))
	require.Equal(t, types.EventDeclarationRecorded{IrpId: c.Id, Panelist: c.Panel[0], Outcome: types.OutcomeUpheld},
		*requireEvent[*types.EventDeclarationRecorded](t, f))
	requireFailsUnchanged(t, f, declareMsg(c.Panel[0], c.Id, types.OutcomeDenied), types.ErrAlreadyDone)
	f.MustDeliver(declareMsg(c.Panel[1], c.Id, types.OutcomeDenied))
	require.Equal(t, types.IRPInReview, f.GetIRP(c.Id).Status, "one each way decides nothing")

	f.ResetEvents()
	f.MustDeliver(declareMsg(c.Panel[2], c.Id, types.OutcomeUpheld))
	got := f.GetIRP(c.Id)
	require.Equal(t, types.IRPUpheld, got.Status)
	require.Equal(t, types.OutcomeUpheld, got.Outcome)
	require.Equal(t, declareMsg(c.Panel[2], c.Id, types.OutcomeUpheld).Reasoning, got.Reasoning)
	require.Equal(t, f.Ctx.BlockHeight(), got.DeclaredHeight)
	require.Equal(t, f.Now().Add(f.ReviewParams().BoardActionPeriod), got.BoardDeadline)
	require.False(t, got.Stayed)
	require.Equal(t, []types.IRPStatus{types.IRPUpheld}, irpStatuses(t, f, c.Id))
	p := f.GetProposal(proposal)
	require.Equal(t, proposalstypes.StatusReturned, p.Status)
	require.Contains(t, p.Note, "IRP 1 upheld")
	require.Equal(t, deposit(f)[0].Amount.Int64(), balance(f, acme), "the deposit is refunded")
	require.Zero(t, balance(f, app.ReviewAuthority))
	requireFailsUnchanged(t, f, declareMsg(c.Panel[1], c.Id, types.OutcomeUpheld), types.ErrWrongPhase)
	declarations := must(f.ReviewQueryServer.IRP(f.Ctx, &types.QueryIRPRequest{Id: c.Id})).Declarations
	require.Len(t, declarations, 3)

	act := &types.MsgRecordBoardAction{Authority: name("director-dev"), IrpId: c.Id, Action: doc("board-action")}
	requireFailsUnchanged(t, f, act, types.ErrUnauthorized)

	f.Advance(got.BoardDeadline.Sub(f.Now()) - time.Second)
	require.Equal(t, types.IRPUpheld, f.GetIRP(c.Id).Status)
	f.ResetEvents()
	f.Advance(time.Second)
	missed := f.GetIRP(c.Id)
	require.Equal(t, types.IRPBoardDeadlineMissed, missed.Status)
	require.True(t, missed.DeadlineMissed)
	require.Equal(t, []types.IRPStatus{types.IRPBoardDeadlineMissed}, irpStatuses(t, f, c.Id))
	listed := must(f.ReviewQueryServer.IRPs(f.Ctx, &types.QueryIRPsRequest{Status: types.IRPBoardDeadlineMissed})).Irps
	require.Len(t, listed, 1)

	act.Authority = f.Authority
	resolution := f.PassResolution(act)
	late := f.GetIRP(c.Id)
	require.Equal(t, types.IRPBoardActed, late.Status)
	require.True(t, late.DeadlineMissed, "the missed deadline stays on record")
	require.Equal(t, resolution, late.BoardActionProposal)
	require.Equal(t, act.Action, late.BoardAction)
	requireFailsUnchanged(t, f, act, types.ErrWrongPhase)
}

// TestBoardActsInTime checks a Board action by resolution before the
// deadline: the case closes and the deadline leaves the queue.
func TestBoardActsInTime(t *testing.T) {
	f := newFixture(t)
	_, irp := irpAgainstBylaw(t, f)
	c := formPanel(t, f, irp)
	act := &types.MsgRecordBoardAction{Authority: f.Authority, IrpId: irp, Action: doc("board-action")}
	requireFailsUnchanged(t, f, act, types.ErrWrongPhase)
	noDoc := *act
	noDoc.Action.Hash, noDoc.Action.Uri = "", ""
	requireFailsUnchanged(t, f, &noDoc, types.ErrRequired)

	f.MustDeliver(declareMsg(c.Panel[0], irp, types.OutcomeUpheld))
	f.MustDeliver(declareMsg(c.Panel[1], irp, types.OutcomeUpheld))
	deadline := f.GetIRP(irp).BoardDeadline
	f.PassResolution(act)
	require.Equal(t, types.IRPBoardActed, f.GetIRP(irp).Status)
	f.Advance(deadline.Sub(f.Now()) + time.Second)
	got := f.GetIRP(irp)
	require.Equal(t, types.IRPBoardActed, got.Status)
	require.False(t, got.DeadlineMissed)
}

// TestDeclarationDenied checks a denied claim: the stay is lifted, so the
// amendment (past its EC window) executes, and the deposit is refunded.
func TestDeclarationDenied(t *testing.T) {
	f := newFixture(t)
	proposal, c := stayedCase(t, f)
	f.Advance(keepertest.ECPeriod)
	f.MustDeliver(declareMsg(c.Panel[0], c.Id, types.OutcomeDenied))
	f.ResetEvents()
	f.MustDeliver(declareMsg(c.Panel[1], c.Id, types.OutcomeDenied))
	got := f.GetIRP(c.Id)
	require.Equal(t, types.IRPDenied, got.Status)
	require.False(t, got.Stayed)
	require.True(t, got.BoardDeadline.IsZero())
	require.False(t, requireEvent[*types.EventInterimRelief](t, f).Stayed)
	require.Equal(t, proposalstypes.StatusQueued, f.GetProposal(proposal).Status, "queued; it executes as the block ends")
	f.EndBlockProposals()
	require.Equal(t, proposalstypes.StatusRatified, f.GetProposal(proposal).Status)
	require.Equal(t, uint32(77), maxTitle(f))
	require.Equal(t, deposit(f)[0].Amount.Int64(), balance(f, addr("acme")))
	requireFailsUnchanged(t, f, &types.MsgRecordBoardAction{Authority: f.Authority, IrpId: c.Id, Action: doc("a")}, types.ErrWrongPhase)
}
