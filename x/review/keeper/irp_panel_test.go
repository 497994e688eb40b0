package keeper_test

import (
	"encoding/hex"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/review/types"
)

var choose = keepertest.ChooseMsg

// irpAgainstBylaw has the registered party acme challenge a STANDARD_BYLAW
// amendment the Board approved, in its Empowered Community window; the
// amendment would set x/community's max title length to 77.
func irpAgainstBylaw(t *testing.T, f *keepertest.Fixture) (proposal, irp uint64) {
	t.Helper()
	proposal = f.BylawInECWindow(f.CommunityParamsMsg(77))
	irp = f.MustFileIRP(fileMsg(registeredParty(t, f), types.ClaimantParty, proposal))
	return proposal, irp
}

// toSeedHeight runs blocks until the case's seed block has been finalised.
func toSeedHeight(t *testing.T, f *keepertest.Fixture, irp uint64) {
	t.Helper()
	for f.Ctx.BlockHeight() < f.GetIRP(irp).SeedHeight {
		f.Advance(time.Second)
	}
}

// formPanel has the claimant choose panelist-1 and the Board (its motion)
// panelist-2, then runs blocks to the seed height; the panel must be formed.
func formPanel(t *testing.T, f *keepertest.Fixture, irp uint64) types.IRP {
	t.Helper()
	f.MustDeliver(choose(f.GetIRP(irp).Claimant, irp, "panelist-1"))
	f.MustDeliver(choose(keepertest.BoardChooser(), irp, "panelist-2"))
	toSeedHeight(t, f, irp)
	c := f.GetIRP(irp)
	require.Equal(t, types.IRPInReview, c.Status)
	return c
}

// seedOf is the seed the fixture's block hash at a height gives.
func seedOf(height int64) string { return hex.EncodeToString(keepertest.BlockHash(height)) }

// names maps key names to addresses.
func names(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = name(k)
	}
	return out
}

// TestPanelDrawReproducible checks that each side's choice is recorded and
// that the third panelist is the one anyone can recompute from public data:
// the hash of the block at the seed height fixed at filing, and the sorted
// eligible panelists (types.DrawPanelists).
func TestPanelDrawReproducible(t *testing.T) {
	f := newFixture(t)
	_, irp := irpAgainstBylaw(t, f)
	filed := f.GetIRP(irp)

	f.ResetEvents()
	f.MustDeliver(choose(filed.Claimant, irp, "panelist-1"))
	ev := requireEvent[*types.EventPanelistChosen](t, f)
	require.Equal(t, types.EventPanelistChosen{IrpId: irp, Panelist: name("panelist-1"), Side: "claimant"}, *ev)
	f.ResetEvents()
	f.MustDeliver(choose(keepertest.BoardChooser(), irp, "panelist-2"))
	require.Equal(t, "respondent", requireEvent[*types.EventPanelistChosen](t, f).Side)
	c := f.GetIRP(irp)
	require.Equal(t, types.IRPPanelForming, c.Status, "the seed block is not finalised yet")
	require.Empty(t, c.Seed)
	require.Empty(t, c.Panel)

	for f.Ctx.BlockHeight() < filed.SeedHeight-1 {
		f.Advance(time.Second)
		require.Equal(t, types.IRPPanelForming, f.GetIRP(irp).Status)
	}
	f.ResetEvents()
	f.Advance(time.Second)
	c = f.GetIRP(irp)
	require.Equal(t, filed.SeedHeight, c.SeedHeight, "the seed height was fixed at filing")
	require.Equal(t, seedOf(filed.SeedHeight), c.Seed)
	require.Equal(t, types.IRPInReview, c.Status)

	eligible := names("panelist-3", "panelist-4", "panelist-5", "panelist-6", "panelist-7")
	third, err := types.DrawPanelists(c.Seed, eligible, 1)
	require.NoError(t, err)
	require.Equal(t, []string{name("panelist-1"), name("panelist-2"), third[0]}, c.Panel)

	chosen := typedEvents[*types.EventPanelistChosen](t, f)
	require.Len(t, chosen, 3)
	for i, ev := range chosen {
		require.Equal(t, types.EventPanelistChosen{IrpId: irp, Panelist: c.Panel[i], Side: "panel", Seed: c.Seed}, *ev)
	}
	require.Equal(t, []types.IRPStatus{types.IRPInReview}, irpStatuses(t, f, irp))
	requireFailsUnchanged(t, f, choose(c.Claimant, irp, "panelist-3"), types.ErrWrongPhase)
}

// TestPanelDrawnAtPickDeadline checks that a side that does not choose by the
// pick deadline has its panelist drawn, in the published order: the
// claimant's, the Board's, then the third.
func TestPanelDrawnAtPickDeadline(t *testing.T) {
	f := newFixture(t)
	_, irp := irpAgainstBylaw(t, f)
	toSeedHeight(t, f, irp)
	c := f.GetIRP(irp)
	require.Equal(t, seedOf(c.SeedHeight), c.Seed, "the seed is on record before the panel forms")
	require.Equal(t, types.IRPPanelForming, c.Status)

	f.MustDeliver(choose(keepertest.BoardChooser(), irp, "panelist-4"))
	f.Advance(c.PickDeadline.Sub(f.Now()) - time.Second)
	require.Equal(t, types.IRPPanelForming, f.GetIRP(irp).Status)
	f.Advance(time.Second)
	c = f.GetIRP(irp)
	require.Equal(t, types.IRPInReview, c.Status)
	drawn, err := types.DrawPanelists(c.Seed, names("panelist-1", "panelist-2", "panelist-3", "panelist-5", "panelist-6", "panelist-7"), 2)
	require.NoError(t, err)
	require.Equal(t, []string{drawn[0], name("panelist-4"), drawn[1]}, c.Panel)
}

// TestPanelChoicesClose checks that no side chooses after the pick deadline,
// even while the seed block is still to come, and that the draw then fills
// every seat.
func TestPanelChoicesClose(t *testing.T) {
	f := newFixture(t)
	p := f.ReviewParams()
	p.DrawDelayBlocks = 50
	f.SetReviewParams(p)
	_, irp := irpAgainstBylaw(t, f)
	c := f.GetIRP(irp)
	f.Advance(c.PickDeadline.Sub(f.Now()))
	requireFailsUnchanged(t, f, choose(c.Claimant, irp, "panelist-1"), types.ErrOutOfWindow)
	requireFailsUnchanged(t, f, choose(keepertest.BoardChooser(), irp, "panelist-1"), types.ErrOutOfWindow)

	toSeedHeight(t, f, irp)
	c = f.GetIRP(irp)
	require.Equal(t, types.IRPInReview, c.Status)
	drawn, err := types.DrawPanelists(seedOf(c.SeedHeight), names("panelist-1", "panelist-2", "panelist-3", "panelist-4", "panelist-5", "panelist-6", "panelist-7"), 3)
	require.NoError(t, err)
	require.Equal(t, drawn, c.Panel)
}

// TestPanelRetriedWhenTooFew checks that a panel that cannot be completed at
// its pick deadline (too few eligible panelists) stays forming, retries one
// pick period later, and forms once the Board has appointed panelists.
func TestPanelRetriedWhenTooFew(t *testing.T) {
	f := newFixture(t)
	// only two panelists sit (set up in the store: removals may not take the
	// standing panel below its minimum)
	for _, key := range []string{"panelist-3", "panelist-4", "panelist-5", "panelist-6", "panelist-7"} {
		p := must(f.Review.Panelists.Get(f.Ctx, addr(key)))
		p.Active = false
		require.NoError(t, f.Review.Panelists.Set(f.Ctx, addr(key), p))
	}
	_, irp := irpAgainstBylaw(t, f)
	c := f.GetIRP(irp)
	f.Advance(c.PickDeadline.Sub(f.Now())) // before the seed block: nothing to draw with yet
	require.Empty(t, f.GetIRP(irp).Seed)
	toSeedHeight(t, f, irp) // the seed comes after the deadline: the draw runs, and fails
	retry := f.GetIRP(irp)
	require.Equal(t, types.IRPPanelForming, retry.Status)
	require.Equal(t, f.Now().Add(f.ReviewParams().PanelPickPeriod), retry.PickDeadline, "the draw is retried a pick period later")

	f.PassResolution(&types.MsgAppointPanelist{Authority: f.Authority, Address: name("panelist-8"), Name: "Panelist 8"})
	f.MustDeliver(&types.MsgConfirmPanelist{Authority: empowered(), Address: name("panelist-8")})
	f.Advance(retry.PickDeadline.Sub(f.Now()))
	c = f.GetIRP(irp)
	require.Equal(t, types.IRPInReview, c.Status)
	require.ElementsMatch(t, names("panelist-1", "panelist-2", "panelist-8"), c.Panel)
}

// TestChoosePanelistRefusals checks who may choose and whom: only the
// claimant and the Board (by motion or resolution), once per side, an
// active confirmed panelist free of conflicts.
func TestChoosePanelistRefusals(t *testing.T) {
	f := newFixture(t)
	proposal, irp := irpAgainstBylaw(t, f)
	claimant := f.GetIRP(irp).Claimant

	requireFailsUnchanged(t, f, choose(name("dev-chair"), irp, "panelist-1"), types.ErrUnauthorized)
	requireFailsUnchanged(t, f, choose(name("director-dev"), irp, "panelist-1"), types.ErrUnauthorized)
	requireFailsUnchanged(t, f, choose(claimant, 99, "panelist-1"), types.ErrNotFound)
	requireFailsUnchanged(t, f, choose(claimant, irp, "outsider"), types.ErrNotFound)
	bad := choose(claimant, irp, "panelist-1")
	bad.Panelist = "polity1nope"
	requireFailsUnchanged(t, f, bad, types.ErrInvalidAddress)

	// an unconfirmed panelist, a retired one (by the Empowered Community: the
	// Board's majority alone cannot), and a director (who cannot be appointed)
	f.PassResolution(&types.MsgAppointPanelist{Authority: f.Authority, Address: name("panelist-8"), Name: "Panelist 8"})
	f.MustDeliver(&types.MsgConfirmPanelist{Authority: empowered(), Address: name("panelist-8")})
	f.PassResolution(&types.MsgAppointPanelist{Authority: f.Authority, Address: name("panelist-9"), Name: "Panelist 9"})
	f.MustDeliver(&types.MsgRemovePanelist{Authority: empowered(), Address: name("panelist-5")})
	requireFailsUnchanged(t, f, &types.MsgAppointPanelist{Authority: f.Authority, Address: name("director-ops"), Name: "A director"}, types.ErrIncompatible)
	requireFailsUnchanged(t, f, choose(claimant, irp, "panelist-9"), types.ErrConflicted)
	requireFailsUnchanged(t, f, choose(claimant, irp, "panelist-5"), types.ErrConflicted)
	requireFailsUnchanged(t, f, choose(claimant, irp, "director-ops"), types.ErrNotFound)

	// the Board chooses by resolution; the claimant may not take its choice
	f.PassResolution(&types.MsgChoosePanelist{Chooser: f.Authority, IrpId: irp, Panelist: name("panelist-3")})
	require.Equal(t, name("panelist-3"), f.GetIRP(irp).RespondentPick)
	requireFailsUnchanged(t, f, choose(keepertest.BoardChooser(), irp, "panelist-4"), types.ErrAlreadyDone)
	requireFailsUnchanged(t, f, choose(claimant, irp, "panelist-3"), types.ErrConflicted)
	f.MustDeliver(choose(claimant, irp, "panelist-1"))
	requireFailsUnchanged(t, f, choose(claimant, irp, "panelist-2"), types.ErrAlreadyDone)
	require.NotZero(t, proposal)
}

// TestPanelConflicts checks the conflict rules by claimant: a panelist who
// shares a community with a member claimant, who belongs to a claiming
// community, or (for the Empowered Community) to a decisional participant may
// not sit, by choice or by draw.
func TestPanelConflicts(t *testing.T) {
	f := newFixture(t)
	proposal := f.BylawInECWindow()
	f.AdmitDirect("ops", addr("panelist-4"), communitytypes.RegionEurope)
	f.AdmitDirect("security", addr("panelist-5"), communitytypes.RegionEurope)
	fund(f, "ops-chair")

	member := f.MustFileIRP(fileMsg(name("ops-chair"), types.ClaimantMember, proposal))
	community := fileMsg(body("ops"), types.ClaimantCommunity, proposal)
	community.CommunityId = "ops"
	byCommunity := f.MustFileIRP(community)
	byEC := f.MustFileIRP(fileMsg(empowered(), types.ClaimantEmpowered, proposal))
	byCommunityOfSecurity := fileMsg(body("security"), types.ClaimantCommunity, proposal)
	byCommunityOfSecurity.CommunityId = "security"
	bySecurity := f.MustFileIRP(byCommunityOfSecurity)

	requireFailsUnchanged(t, f, choose(name("ops-chair"), member, "panelist-4"), types.ErrConflicted)
	requireFailsUnchanged(t, f, choose(keepertest.BoardChooser(), byCommunity, "panelist-4"), types.ErrConflicted)
	requireFailsUnchanged(t, f, choose(empowered(), byEC, "panelist-4"), types.ErrConflicted)
	// security is not a decisional participant; it is the claimant here
	f.MustDeliver(choose(empowered(), byEC, "panelist-5"))
	requireFailsUnchanged(t, f, choose(body("security"), bySecurity, "panelist-5"), types.ErrConflicted)

	toSeedHeight(t, f, member)
	f.Advance(f.GetIRP(member).PickDeadline.Sub(f.Now()))
	for _, want := range []struct {
		irp        uint64
		conflicted string
	}{{member, "panelist-4"}, {byCommunity, "panelist-4"}, {byEC, "panelist-4"}, {bySecurity, "panelist-5"}} {
		c := f.GetIRP(want.irp)
		require.Equal(t, types.IRPInReview, c.Status, "case %d", want.irp)
		require.Len(t, c.Panel, 3)
		require.NotContains(t, c.Panel, name(want.conflicted), "case %d drew a conflicted panelist", want.irp)
	}
}
