package keeper_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// reliefCase files acme's case against a bylaw amendment in its EC window,
// asking for interim relief.
func reliefCase(t *testing.T, f *keepertest.Fixture) (proposal, irp uint64) {
	t.Helper()
	proposal = f.BylawInECWindow(f.CommunityParamsMsg(77))
	msg := fileMsg(registeredParty(t, f), types.ClaimantParty, proposal)
	msg.InterimRelief = true
	return proposal, f.MustFileIRP(msg)
}

// holdSources lists the sources holding a proposal.
func holdSources(t *testing.T, f *keepertest.Fixture, proposal uint64) []string {
	t.Helper()
	res, err := f.ProposalsQueryServer.ProposalHolds(f.Ctx, &proposalstypes.QueryProposalHoldsRequest{Id: proposal})
	require.NoError(t, err)
	var out []string
	for _, h := range res.Holds {
		out = append(out, h.Source)
	}
	return out
}

// TestInterimReliefRequested checks that a request for interim relief holds
// the challenged proposal from the filing on, before any panel can sit, so
// that the challenged decision's window cannot close on the claimant; that
// the hold outlasts the window; and that a panel majority against the request
// releases it, executing the proposal.
func TestInterimReliefRequested(t *testing.T) {
	f := newFixture(t)
	f.ResetEvents()
	proposal, irp := reliefCase(t, f)
	c := f.GetIRP(irp)
	require.True(t, c.ReliefRequested)
	require.True(t, c.Stayed)
	require.Equal(t, types.IRPPanelForming, c.Status)
	require.True(t, f.GetProposal(proposal).Stayed)
	require.Equal(t, []string{"irp/1"}, holdSources(t, f, proposal))
	require.True(t, requireEvent[*types.EventInterimRelief](t, f).Stayed)

	f.Advance(keepertest.ECPeriod)
	require.Equal(t, proposalstypes.StatusApproved, f.GetProposal(proposal).Status, "held past its window while the panel forms")
	require.NotEqual(t, uint32(77), maxTitle(f))

	c = formPanel(t, f, irp)
	require.True(t, c.Stayed, "the request holds until the panel rules")
	f.MustDeliver(stayMsg(c.Panel[0], irp, true)) // a vote for leaves the hold as it is
	f.MustDeliver(stayMsg(c.Panel[1], irp, false))
	require.True(t, f.GetIRP(irp).Stayed, "one vote against of three releases nothing")
	requireFailsUnchanged(t, f, stayMsg(c.Panel[1], irp, false), types.ErrAlreadyDone)
	f.ResetEvents()
	f.MustDeliver(stayMsg(c.Panel[2], irp, false))
	got := f.GetIRP(irp)
	require.False(t, got.Stayed)
	require.Equal(t, []string{c.Panel[1], c.Panel[2]}, got.ReliefObjections)
	require.False(t, requireEvent[*types.EventInterimRelief](t, f).Stayed)
	require.Equal(t, proposalstypes.StatusQueued, f.GetProposal(proposal).Status, "queued; it executes as the block ends")
	f.EndBlockProposals()
	require.Equal(t, proposalstypes.StatusRatified, f.GetProposal(proposal).Status, "released: it executes")
	require.Equal(t, uint32(77), maxTitle(f))
	require.Empty(t, holdSources(t, f, proposal))
}

// TestInterimReliefRequestRefused checks that a request against an inaction
// or a proposal already executed is refused and changes nothing.
func TestInterimReliefRequestRefused(t *testing.T) {
	f := newFixture(t)
	acme := registeredParty(t, f)
	inaction := fileMsg(acme, types.ClaimantParty, 0)
	inaction.Inaction, inaction.InterimRelief = "no answer to advice", true
	requireFailsUnchanged(t, f, inaction, types.ErrWrongPhase)

	executed := f.PassResolution()
	late := fileMsg(acme, types.ClaimantParty, executed)
	late.InterimRelief = true
	requireFailsUnchanged(t, f, late, types.ErrWrongPhase)
}

// TestInterimReliefRequestedThenGranted checks that a panel majority for a
// stay keeps the hold a request placed, and that deciding the case (denied)
// releases it so that the proposal executes.
func TestInterimReliefRequestedThenGranted(t *testing.T) {
	f := newFixture(t)
	proposal, irp := reliefCase(t, f)
	c := formPanel(t, f, irp)
	f.MustDeliver(stayMsg(c.Panel[0], irp, true))
	f.MustDeliver(stayMsg(c.Panel[1], irp, true))
	f.MustDeliver(stayMsg(c.Panel[2], irp, false))
	require.True(t, f.GetIRP(irp).Stayed, "a majority for a stay")
	f.Advance(keepertest.ECPeriod)
	require.Equal(t, proposalstypes.StatusApproved, f.GetProposal(proposal).Status)

	f.MustDeliver(declareMsg(c.Panel[0], irp, types.OutcomeDenied))
	f.MustDeliver(declareMsg(c.Panel[1], irp, types.OutcomeDenied))
	require.False(t, f.GetIRP(irp).Stayed)
	require.Equal(t, proposalstypes.StatusQueued, f.GetProposal(proposal).Status, "queued; it executes as the block ends")
	f.EndBlockProposals()
	require.Equal(t, proposalstypes.StatusRatified, f.GetProposal(proposal).Status)
}

// TestCaptureEmergencyLiftKeepsPanelStay is the capture path "interim relief
// undone by an emergency": lifting (or the expiry of) an emergency
// suspension used to clear an IRP panel's stay on the same proposal, which
// then executed while the case still showed its stay. Now each holds its own.
func TestCaptureEmergencyLiftKeepsPanelStay(t *testing.T) {
	f := newFixture(t)
	f.SetBoardChair("director-ops")
	proposal, c := stayedCase(t, f)
	e := take(t, f, emergencyMsg("director-ops", types.EmergencySuspendProposal, strconv.FormatUint(proposal, 10)))
	require.Equal(t, []string{"emergency/1", "irp/1"}, holdSources(t, f, proposal))

	f.PassResolution(&types.MsgLiftEmergency{Authority: f.Authority, EmergencyId: e.Id})
	require.Equal(t, types.EmergencyLifted, must(f.Review.GetEmergency(f.Ctx, e.Id)).Status)
	require.Equal(t, []string{"irp/1"}, holdSources(t, f, proposal), "the lift released only the suspension")
	f.Advance(keepertest.ECPeriod)
	p := f.GetProposal(proposal)
	require.Equal(t, proposalstypes.StatusApproved, p.Status, "the panel's stay still holds it")
	require.True(t, p.Stayed)
	require.True(t, f.GetIRP(c.Id).Stayed)
	require.NotEqual(t, uint32(77), maxTitle(f))

	// an expiring suspension does the same (taken again once its cooldown is over)
	f.Advance(f.ReviewParams().EmergencyCooldown)
	second := take(t, f, emergencyMsg("director-ops", types.EmergencySuspendProposal, strconv.FormatUint(proposal, 10)))
	f.Advance(second.Expiry.Sub(f.Now()))
	require.Equal(t, types.EmergencyExpired, must(f.Review.GetEmergency(f.Ctx, second.Id)).Status)
	require.Equal(t, []string{"irp/1"}, holdSources(t, f, proposal))
	require.Equal(t, proposalstypes.StatusApproved, f.GetProposal(proposal).Status)
}

// TestCaptureSecondCaseCannotLiftFirstStay is the capture path "interim
// relief undone by a second case": a second IRP on the same proposal whose
// panel stays and then withdraws the stay used to clear the first panel's.
func TestCaptureSecondCaseCannotLiftFirstStay(t *testing.T) {
	f := newFixture(t)
	proposal, first := stayedCase(t, f)
	fund(f, "dev-member")
	second := formPanel(t, f, f.MustFileIRP(fileMsg(name("dev-member"), types.ClaimantMember, proposal)))
	f.MustDeliver(stayMsg(second.Panel[0], second.Id, true))
	f.MustDeliver(stayMsg(second.Panel[1], second.Id, true))
	require.Equal(t, []string{"irp/1", "irp/2"}, holdSources(t, f, proposal))
	f.MustDeliver(stayMsg(second.Panel[0], second.Id, false))
	require.False(t, f.GetIRP(second.Id).Stayed)

	f.Advance(keepertest.ECPeriod)
	require.Equal(t, []string{"irp/1"}, holdSources(t, f, proposal))
	require.Equal(t, proposalstypes.StatusApproved, f.GetProposal(proposal).Status, "the first case's stay still holds it")
	require.True(t, f.GetIRP(first.Id).Stayed)
	require.NotEqual(t, uint32(77), maxTitle(f))
}
