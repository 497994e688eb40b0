package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// Capture paths against independent review (issue: accountability that
// cannot be captured). Each drives the attack through real messages and
// checks it is refused with nothing changed.

// TestCaptureBoardMajorityCannotRemovePanelists: a Board RESOLUTION may not
// carry a panelist's removal (the classification guard asks for a
// FUNDAMENTAL_BYLAW, which the Empowered Community must approve), and the
// Board's own body may not remove one.
func TestCaptureBoardMajorityCannotRemovePanelists(t *testing.T) {
	f := newFixture(t)
	remove := &types.MsgRemovePanelist{Authority: f.Authority, Address: name("panelist-3")}
	resolution := f.ProposalMsg(addr("director-dev"), proposalstypes.BoardOriginator, proposalstypes.KindResolution, remove)
	requireFailsUnchanged(t, f, resolution, proposalstypes.ErrKindTooWeak)
	byBoard := *remove
	byBoard.Authority = body("board")
	requireFailsUnchanged(t, f, &byBoard, types.ErrUnauthorized)
}

// TestCapturePanelistNotRemovedFromCase: a panelist sitting on an open case
// (chosen, drawn, in review) is never removed, not even by the Empowered
// Community; once the case is decided the panelist may be.
func TestCapturePanelistNotRemovedFromCase(t *testing.T) {
	f := newFixture(t)
	f.PassResolution(&types.MsgAppointPanelist{Authority: f.Authority, Address: name("panelist-8"), Name: "Panelist 8"})
	f.MustDeliver(&types.MsgConfirmPanelist{Authority: empowered(), Address: name("panelist-8")})
	_, irp := irpAgainstBylaw(t, f)
	f.MustDeliver(choose(f.GetIRP(irp).Claimant, irp, "panelist-1"))
	require.Equal(t, uint32(1), must(f.Review.Panelists.Get(f.Ctx, addr("panelist-1"))).OpenCases, "chosen: on the case")
	requireFailsUnchanged(t, f, &types.MsgRemovePanelist{Authority: empowered(), Address: name("panelist-1")}, types.ErrWrongPhase)

	f.MustDeliver(choose(keepertest.BoardChooser(), irp, "panelist-2"))
	toSeedHeight(t, f, irp)
	c := f.GetIRP(irp)
	require.Equal(t, types.IRPInReview, c.Status)
	for _, p := range c.Panel {
		requireFailsUnchanged(t, f, &types.MsgRemovePanelist{Authority: f.Authority, Address: p}, types.ErrWrongPhase)
	}
	f.MustDeliver(declareMsg(c.Panel[0], irp, types.OutcomeDenied))
	f.MustDeliver(declareMsg(c.Panel[1], irp, types.OutcomeDenied))
	for _, p := range c.Panel {
		require.Zero(t, panelistAt(t, f, p).OpenCases, "the decided case no longer counts")
	}
	f.MustDeliver(&types.MsgRemovePanelist{Authority: empowered(), Address: c.Panel[2]})
	require.False(t, panelistAt(t, f, c.Panel[2]).Active)
}

// panelistAt reads a panelist by its bech32 address.
func panelistAt(t *testing.T, f *keepertest.Fixture, address string) types.Panelist {
	t.Helper()
	a, err := sdk.AccAddressFromBech32(address)
	require.NoError(t, err)
	return must(f.Review.Panelists.Get(f.Ctx, a))
}

// TestCaptureStandingPanelMinimum: no removal takes the standing panel below
// min_standing_panel (ICANN: 7), whoever removes.
func TestCaptureStandingPanelMinimum(t *testing.T) {
	f := newFixture(t)
	require.Equal(t, uint32(7), f.ReviewParams().MinStandingPanel)
	requireFailsUnchanged(t, f, &types.MsgRemovePanelist{Authority: empowered(), Address: name("panelist-7")}, types.ErrLimit)
	requireFailsUnchanged(t, f, &types.MsgRemovePanelist{Authority: f.Authority, Address: name("panelist-7")}, types.ErrLimit)
	p := f.ReviewParams()
	p.MinStandingPanel = 4
	require.ErrorIs(t, p.Validate(), types.ErrInvalidParams, "the floor is five")
}

// TestCaptureOmbudsmanNeedsThreeQuarters: appointing an ombudsman (and so
// removing the one in office mid-term) needs three quarters of all voting
// seats; a bare majority's resolution is rejected at the end of its vote.
func TestCaptureOmbudsmanNeedsThreeQuarters(t *testing.T) {
	f := newFixture(t)
	appoint := &types.MsgAppointOmbudsman{Authority: f.Authority, Address: name("new-ombudsman")}
	id := f.MustSubmitProposal(proposalstypes.BoardOriginator, proposalstypes.KindResolution, appoint)
	p := f.GetProposal(id)
	require.Equal(t, "0.750000000000000000", p.Rule.BoardRule.Threshold)
	for _, d := range keepertest.VotingDirectors[:5] {
		f.MustBoardVote(d, id, 1)
	}
	require.Equal(t, proposalstypes.StatusBoardVote, f.GetProposal(id).Status, "5 of 7 is not yet 3/4")
	f.Advance(keepertest.VotingPeriod)
	require.Equal(t, proposalstypes.StatusRejected, f.GetProposal(id).Status)
	require.Equal(t, name("ombudsman"), must(f.Review.Ombudsman.Get(f.Ctx)).Address, "the ombudsman stays in office")

	id = f.MustSubmitProposal(proposalstypes.BoardOriginator, proposalstypes.KindResolution, appoint)
	p = f.BoardDecides(id, 6)
	require.Equal(t, proposalstypes.StatusECReview, p.Status, "6 of 7 carries it, into its challenge window")
	f.Advance(p.Deadline.Sub(f.Now()))
	require.Equal(t, proposalstypes.StatusRatified, f.GetProposal(id).Status)
	require.Equal(t, name("new-ombudsman"), must(f.Review.Ombudsman.Get(f.Ctx)).Address)
}

// TestCaptureOfficesIncompatible: directors, panelists and the ombudsman
// hold none of each other's offices.
func TestCaptureOfficesIncompatible(t *testing.T) {
	f := newFixture(t)
	requireFailsUnchanged(t, f, &types.MsgAppointOmbudsman{Authority: f.Authority, Address: name("director-dev")}, types.ErrIncompatible)
	requireFailsUnchanged(t, f, &types.MsgAppointOmbudsman{Authority: f.Authority, Address: name("panelist-1")}, types.ErrIncompatible)
	requireFailsUnchanged(t, f, &types.MsgAppointPanelist{Authority: f.Authority, Address: name("director-dev"), Name: "D"}, types.ErrIncompatible)
	requireFailsUnchanged(t, f, &types.MsgAppointPanelist{Authority: f.Authority, Address: name("ombudsman"), Name: "O"}, types.ErrIncompatible)
	// the ombudsman in office may be reappointed for a new term
	f.MustDeliver(&types.MsgAppointOmbudsman{Authority: f.Authority, Address: name("ombudsman")})
}

// TestCaptureEmergencyCannotPauseChecks: emergency powers cannot silence the
// checks on the Board: the Empowered Community's messages, the filings of
// review, reconsideration and complaints, and motions are never pausable.
func TestCaptureEmergencyCannotPauseChecks(t *testing.T) {
	f := newFixture(t)
	f.SetBoardChair("director-ops")
	for _, url := range []string{
		"/polity.empowered.v1.MsgPetition", "/polity.empowered.v1.MsgSupportPetition",
		"/polity.empowered.v1.MsgPostStatement", "/polity.empowered.v1.MsgDecide",
		"/polity.review.v1.MsgFileIRP", "/polity.review.v1.MsgFileReconsideration", "/polity.review.v1.MsgFileComplaint",
		"/polity.community.v1.MsgVote", "/polity.community.v1.MsgSubmitMotion", "/polity.proposals.v1.MsgBoardVote",
	} {
		requireFailsUnchanged(t, f, emergencyMsg("director-ops", types.EmergencyPauseMessage, url), types.ErrInvalidTarget)
	}
}

// TestCaptureRatifiedEmergencyEnds: a ratified emergency action still ends
// when its maximum duration runs out; the Board's ratification cannot make
// it permanent.
func TestCaptureRatifiedEmergencyEnds(t *testing.T) {
	f := newFixture(t)
	f.SetBoardChair("director-ops")
	e := take(t, f, emergencyMsg("director-ops", types.EmergencyPauseMessage, msgSend))
	require.Equal(t, e.TakenTime.Add(f.ReviewParams().EmergencyMaxDuration), e.Ends)
	f.PassResolution(&types.MsgRatifyEmergency{Authority: f.Authority, EmergencyId: e.Id})
	f.Advance(e.Expiry.Sub(f.Now()))
	require.Equal(t, types.EmergencyRatified, must(f.Review.GetEmergency(f.Ctx, e.Id)).Status, "ratified: it outlives its expiry")
	require.True(t, paused(f, msgSend))
	f.Advance(e.Ends.Sub(f.Now()))
	got := must(f.Review.GetEmergency(f.Ctx, e.Id))
	require.Equal(t, types.EmergencyExpired, got.Status, "its maximum duration ran out")
	require.Equal(t, f.Now(), got.EndedTime)
	require.False(t, paused(f, msgSend))
}

// TestCaptureEmergencyCooldown: the chair cannot keep an unratified measure
// alive by re-taking it at every lapse: the same measure on the same target
// waits emergency_cooldown after the last one ended.
func TestCaptureEmergencyCooldown(t *testing.T) {
	f := newFixture(t)
	f.SetBoardChair("director-ops")
	e := take(t, f, emergencyMsg("director-ops", types.EmergencyPauseMessage, msgSend))
	f.Advance(e.Expiry.Sub(f.Now()))
	require.Equal(t, types.EmergencyExpired, must(f.Review.GetEmergency(f.Ctx, e.Id)).Status)
	retake := emergencyMsg("director-ops", types.EmergencyPauseMessage, msgSend)
	requireFailsUnchanged(t, f, retake, types.ErrWrongPhase)
	f.Advance(f.ReviewParams().EmergencyCooldown - time.Second)
	requireFailsUnchanged(t, f, retake, types.ErrWrongPhase)
	f.Advance(time.Second)
	take(t, f, retake)
	require.True(t, paused(f, msgSend))
}

// TestCaptureSafetyParamsNeedFundamental (capture path 8): a Board majority
// cannot shrink the review windows or lengthen emergencies by a weak
// procedure — x/review's params change only by a FUNDAMENTAL bylaw, which
// the Empowered Community must approve — and even the authority a ratified
// FUNDAMENTAL bylaw runs as cannot set a safety parameter outside its
// constitutional bounds.
func TestCaptureSafetyParamsNeedFundamental(t *testing.T) {
	f := newFixture(t)
	shrunk := f.ReviewParams()
	shrunk.IrpFilingWindow = time.Nanosecond
	update := &types.MsgUpdateParams{Authority: f.Authority, Params: shrunk}
	for _, kind := range []proposalstypes.ProposalKind{proposalstypes.KindResolution, proposalstypes.KindTechnical,
		proposalstypes.KindStandardBylaw} {
		sub := f.ProposalMsg(addr("director-dev"), proposalstypes.BoardOriginator, kind, update)
		requireFailsUnchanged(t, f, sub, proposalstypes.ErrKindTooWeak)
	}

	for _, c := range []struct {
		name   string
		mutate func(*types.Params)
	}{
		{"a nanosecond filing window", func(p *types.Params) { p.IrpFilingWindow = time.Nanosecond }},
		{"a one-day reconsideration window", func(p *types.Params) { p.ReconsiderationWindow = 24 * time.Hour }},
		{"an emergency lasting a year", func(p *types.Params) { p.EmergencyExpiry = 365 * 24 * time.Hour }},
		{"an emergency re-taken the next hour", func(p *types.Params) { p.EmergencyCooldown = time.Hour }},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := f.ReviewParams()
			c.mutate(&p)
			requireFailsUnchanged(t, f, &types.MsgUpdateParams{Authority: f.Authority, Params: p}, types.ErrInvalidParams)
		})
	}
}
