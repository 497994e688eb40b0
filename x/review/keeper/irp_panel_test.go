package keeper_test

import (
	"encoding/hex"
	"slices"
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

// toSeedHeight runs blocks until every announced seed block of the case has
// been finalised: its draw has run.
func toSeedHeight(t *testing.T, f *keepertest.Fixture, irp uint64) {
	t.Helper()
	require.NotEmpty(t, f.GetIRP(irp).SeedHeights, "case %d: the panel choices are still open", irp)
	for f.Ctx.BlockHeight() < f.GetIRP(irp).SeedHeight {
		f.Advance(time.Second)
	}
}

// toPickDeadline runs a block at the case's pick deadline: the choices close
// and the seed blocks are announced.
func toPickDeadline(t *testing.T, f *keepertest.Fixture, irp uint64) {
	t.Helper()
	f.Advance(f.GetIRP(irp).PickDeadline.Sub(f.Now()))
	require.NotEmpty(t, f.GetIRP(irp).SeedHeights, "case %d: the choices closed", irp)
}

// formPanel has the claimant choose panelist-1 and the Board (its motion)
// panelist-2, then runs blocks through the seed blocks; the panel must be
// formed.
func formPanel(t *testing.T, f *keepertest.Fixture, irp uint64) types.IRP {
	t.Helper()
	f.MustDeliver(choose(f.GetIRP(irp).Claimant, irp, "panelist-1"))
	f.MustDeliver(choose(keepertest.BoardChooser(), irp, "panelist-2"))
	toSeedHeight(t, f, irp)
	c := f.GetIRP(irp)
	require.Equal(t, types.IRPInReview, c.Status)
	return c
}

// seedOf is the seed anyone computes for a case from the public hashes of its
// announced blocks (the fixture's block hashes).
func seedOf(t *testing.T, c types.IRP) string {
	t.Helper()
	var hashes [][]byte
	for _, h := range c.SeedHeights {
		hashes = append(hashes, keepertest.BlockHash(h))
	}
	seed, err := types.DrawSeed(c.Id, hashes)
	require.NoError(t, err)
	return hex.EncodeToString(seed)
}

// names maps key names to addresses.
func names(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = name(k)
	}
	return out
}

// TestPanelDrawReproducible checks that each side's choice is recorded, that
// the choices closing announces the seed blocks (the next draw_seed_blocks
// heights), that each block's hash is mixed in as it is finalised, and that
// the third panelist is the one anyone can recompute from public data: the
// hashes of the announced blocks (types.DrawSeed) and the sorted eligible
// panelists (types.DrawPanelists).
func TestPanelDrawReproducible(t *testing.T) {
	f := newFixture(t)
	_, irp := irpAgainstBylaw(t, f)
	filed := f.GetIRP(irp)
	require.Equal(t, uint32(5), filed.DrawSeedBlocks)

	f.ResetEvents()
	f.MustDeliver(choose(filed.Claimant, irp, "panelist-1"))
	ev := requireEvent[*types.EventPanelistChosen](t, f)
	require.Equal(t, types.EventPanelistChosen{IrpId: irp, Panelist: name("panelist-1"), Side: "claimant"}, *ev)
	require.Empty(t, f.GetIRP(irp).SeedHeights, "one side chose: the choices stay open")
	f.ResetEvents()
	f.MustDeliver(choose(keepertest.BoardChooser(), irp, "panelist-2"))
	require.Equal(t, "respondent", requireEvent[*types.EventPanelistChosen](t, f).Side)
	h := f.Ctx.BlockHeight()
	heights := []int64{h + 1, h + 2, h + 3, h + 4, h + 5}
	require.Equal(t, types.EventDrawSeedAnnounced{IrpId: irp, Heights: heights, Note: "both sides chose"},
		*requireEvent[*types.EventDrawSeedAnnounced](t, f))
	c := f.GetIRP(irp)
	require.Equal(t, heights, c.SeedHeights)
	require.Equal(t, h+5, c.SeedHeight)
	require.Equal(t, types.IRPPanelForming, c.Status, "no seed block is finalised yet")
	require.Empty(t, c.Seed)
	require.Empty(t, c.Panel)
	require.Empty(t, c.DrawPool)
	require.Empty(t, c.DrawnPanelists)
	require.True(t, c.DrawnTime.IsZero())
	got := must(f.ReviewQueryServer.IRP(f.Ctx, &types.QueryIRPRequest{Id: irp})).Irp
	require.Equal(t, heights, got.SeedHeights, "the seed blocks are public as soon as they are announced")

	for i := range 4 {
		f.Advance(time.Second)
		c = f.GetIRP(irp)
		require.Equal(t, types.IRPPanelForming, c.Status)
		require.Equal(t, uint32(i+1), c.SeedBlocksMixed)
	}
	f.ResetEvents()
	f.Advance(time.Second)
	c = f.GetIRP(irp)
	require.Equal(t, h+5, f.Ctx.BlockHeight(), "the draw runs when the last seed block is finalised")
	require.Equal(t, seedOf(t, c), c.Seed)
	require.Equal(t, types.IRPInReview, c.Status)

	eligible := names("panelist-3", "panelist-4", "panelist-5", "panelist-6", "panelist-7")
	third, err := types.DrawPanelists(c.Seed, eligible, 1)
	require.NoError(t, err)
	require.Equal(t, []string{name("panelist-1"), name("panelist-2"), third[0]}, c.Panel)
	// the draw is kept whole: its pool (sorted), its picks and its time, so
	// anyone recomputes which panelist it chose, not only the seed
	require.Equal(t, slices.Sorted(slices.Values(eligible)), c.DrawPool)
	require.Equal(t, third, c.DrawnPanelists)
	require.True(t, f.Now().Equal(c.DrawnTime), "drawn at %s, the block's time %s", c.DrawnTime, f.Now())
	recomputed, err := types.DrawPanelists(c.Seed, c.DrawPool, len(c.DrawnPanelists))
	require.NoError(t, err)
	require.Equal(t, c.DrawnPanelists, recomputed)

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
	c := f.GetIRP(irp)
	f.MustDeliver(choose(keepertest.BoardChooser(), irp, "panelist-4"))
	f.Advance(c.PickDeadline.Sub(f.Now()) - time.Second)
	require.Empty(t, f.GetIRP(irp).SeedHeights, "the choices are open until the deadline")
	f.Advance(time.Second)
	require.Equal(t, f.Ctx.BlockHeight()+1, f.GetIRP(irp).SeedHeights[0], "the deadline's block announces the next blocks")
	toSeedHeight(t, f, irp)
	c = f.GetIRP(irp)
	require.Equal(t, types.IRPInReview, c.Status)
	require.Equal(t, seedOf(t, c), c.Seed)
	drawn, err := types.DrawPanelists(c.Seed, names("panelist-1", "panelist-2", "panelist-3", "panelist-5", "panelist-6", "panelist-7"), 2)
	require.NoError(t, err)
	require.Equal(t, []string{drawn[0], name("panelist-4"), drawn[1]}, c.Panel)
	require.Equal(t, drawn, c.DrawnPanelists, "the side's panelist, then the third")
	require.Len(t, c.DrawPool, 6)
}

// TestPanelChoicesClose checks that no side chooses after the pick deadline
// or once the seed blocks are announced (the seed is still to come), and that
// the draw then fills every seat.
func TestPanelChoicesClose(t *testing.T) {
	f := newFixture(t)
	_, irp := irpAgainstBylaw(t, f)
	c := f.GetIRP(irp)
	toPickDeadline(t, f, irp)
	require.Equal(t, types.IRPPanelForming, f.GetIRP(irp).Status)
	requireFailsUnchanged(t, f, choose(c.Claimant, irp, "panelist-1"), types.ErrOutOfWindow)
	requireFailsUnchanged(t, f, choose(keepertest.BoardChooser(), irp, "panelist-1"), types.ErrOutOfWindow)

	toSeedHeight(t, f, irp)
	c = f.GetIRP(irp)
	require.Equal(t, types.IRPInReview, c.Status)
	drawn, err := types.DrawPanelists(seedOf(t, c), names("panelist-1", "panelist-2", "panelist-3", "panelist-4", "panelist-5", "panelist-6", "panelist-7"), 3)
	require.NoError(t, err)
	require.Equal(t, drawn, c.Panel)
}

// TestPanelRetriedWhenTooFew checks that a panel that cannot be completed
// (too few eligible panelists) stays forming, drops its spent seed, reopens
// the choices for one more pick period, announces new seed blocks when they
// close, and forms once the Board has appointed panelists.
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
	toPickDeadline(t, f, irp)
	first := f.GetIRP(irp).SeedHeights
	toSeedHeight(t, f, irp) // the draw runs, and fails
	retry := f.GetIRP(irp)
	require.Equal(t, types.IRPPanelForming, retry.Status)
	require.Empty(t, retry.SeedHeights, "the spent seed is dropped")
	require.Empty(t, retry.Seed)
	require.Equal(t, f.Now().Add(f.ReviewParams().PanelPickPeriod), retry.PickDeadline, "the draw is retried a pick period later")

	f.PassResolution(&types.MsgAppointPanelist{Authority: f.Authority, Address: name("panelist-8"), Name: "Panelist 8"})
	f.MustDeliver(&types.MsgConfirmPanelist{Authority: empowered(), Address: name("panelist-8")})
	toPickDeadline(t, f, irp)
	require.Greater(t, f.GetIRP(irp).SeedHeights[0], first[len(first)-1], "new seed blocks, after the spent ones")
	toSeedHeight(t, f, irp)
	c := f.GetIRP(irp)
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

	toPickDeadline(t, f, member)
	toSeedHeight(t, f, member)
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
