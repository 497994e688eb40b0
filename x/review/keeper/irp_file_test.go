package keeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/polity-chain/polity/app"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// fileMsg is a valid filing against a proposal.
var fileMsg = keepertest.FileIRPMsg

// registeredParty registers and funds the external party "acme" (enough for
// one deposit) and returns its address.
func registeredParty(t *testing.T, f *keepertest.Fixture) string {
	t.Helper()
	f.RegisterParty(addr("acme"), "Acme")
	fund(f, "acme")
	return name("acme")
}

// fund gives a key enough for one deposit (the fixture loads no balances).
func fund(f *keepertest.Fixture, key string) { f.Fund(addr(key), deposit(f)) }

// TestFileIRPStanding checks who may file: a member, a community by its own
// motion, a registered party and the Empowered Community; members and
// parties pay the refundable deposit into the review account.
func TestFileIRPStanding(t *testing.T) {
	f := newFixture(t)
	id := f.BylawInECWindow()
	acme := registeredParty(t, f)
	fund(f, "dev-member")

	requireFailsUnchanged(t, f, fileMsg(name("outsider"), types.ClaimantMember, id), types.ErrNoStanding)
	requireFailsUnchanged(t, f, fileMsg(name("outsider"), types.ClaimantParty, id), types.ErrNoStanding)
	requireFailsUnchanged(t, f, fileMsg(name("dev-chair"), types.ClaimantEmpowered, id), types.ErrNoStanding)
	requireFailsUnchanged(t, f, fileMsg(name("dev-chair"), types.ClaimantUnspecified, id), types.ErrInvalidKind)
	requireFailsUnchanged(t, f, fileMsg("polity1nope", types.ClaimantMember, id), types.ErrInvalidAddress)
	byOther := fileMsg(body("dev"), types.ClaimantCommunity, id)
	byOther.CommunityId = "ops"
	requireFailsUnchanged(t, f, byOther, types.ErrNoStanding)
	byMember := fileMsg(name("dev-chair"), types.ClaimantCommunity, id)
	byMember.CommunityId = "dev"
	requireFailsUnchanged(t, f, byMember, types.ErrNoStanding)
	unknown := fileMsg(body("nope"), types.ClaimantCommunity, id)
	unknown.CommunityId = "nope"
	requireFailsUnchanged(t, f, unknown, types.ErrNoStanding)
	notMember := fileMsg(name("ombudsman"), types.ClaimantMember, id)
	requireFailsUnchanged(t, f, notMember, types.ErrNoStanding)

	community := fileMsg(body("ops"), types.ClaimantCommunity, id)
	community.CommunityId = "ops"
	cases := []struct {
		msg     *types.MsgFileIRP
		deposit bool
	}{
		{fileMsg(name("dev-member"), types.ClaimantMember, id), true},
		{community, false},
		{fileMsg(acme, types.ClaimantParty, id), true},
		{fileMsg(empowered(), types.ClaimantEmpowered, id), false},
	}
	for i, c := range cases {
		claimant := must(f.AddressCodec.StringToBytes(c.msg.Claimant))
		before, held := balance(f, claimant), balance(f, app.ReviewAuthority)
		f.ResetEvents()
		irp := f.MustFileIRP(c.msg)
		require.Equal(t, uint64(i+1), irp)
		c0 := f.GetIRP(irp)
		require.Equal(t, c.msg.ClaimantKind, c0.ClaimantKind)
		require.Equal(t, types.IRPPanelForming, c0.Status)
		require.Equal(t, f.ReviewParams().DrawSeedBlocks, c0.DrawSeedBlocks)
		require.Empty(t, c0.SeedHeights, "the seed blocks are announced when the choices close")
		require.Zero(t, c0.SeedHeight)
		require.Equal(t, f.Now().Add(f.ReviewParams().PanelPickPeriod), c0.PickDeadline)
		require.Equal(t, f.Ctx.BlockHeight(), c0.FiledHeight)
		paid := int64(0)
		if c.deposit {
			paid = deposit(f)[0].Amount.Int64()
			require.Equal(t, deposit(f), c0.Deposit)
		} else {
			require.True(t, c0.Deposit.IsZero(), "bodies file without a deposit")
		}
		require.Equal(t, before-paid, balance(f, claimant))
		require.Equal(t, held+paid, balance(f, app.ReviewAuthority))
		ev := requireEvent[*types.EventIRPFiled](t, f)
		require.Equal(t, types.EventIRPFiled{IrpId: irp, Claimant: c.msg.Claimant, ClaimantKind: c.msg.ClaimantKind, ProposalId: id,
			DrawSeedBlocks: c0.DrawSeedBlocks, PickDeadline: c0.PickDeadline.Unix()}, *ev)
		require.Equal(t, []string{"irp_filed"}, plainActions(f))
	}
	// acme spent its only deposit: a second filing is refused before
	// anything is written.
	requireFailsUnchanged(t, f, fileMsg(acme, types.ClaimantParty, id), types.ErrDepositUnpaid)

	byClaimant := must(f.ReviewQueryServer.IRPs(f.Ctx, &types.QueryIRPsRequest{Claimant: acme})).Irps
	require.Len(t, byClaimant, 1)
	require.Equal(t, uint64(3), byClaimant[0].Id)
}

// TestFileIRPWindow checks the filing window after the Board's decision, and
// that there must be a Board decision (or a described inaction).
func TestFileIRPWindow(t *testing.T) {
	f := newFixture(t)
	member := name("dev-member")
	f.Fund(addr("dev-member"), deposit(f).MulInt(sdkmath.NewInt(2)))
	pending := f.MustSubmitProposal("dev", proposalstypes.KindPolicy)
	requireFailsUnchanged(t, f, fileMsg(member, types.ClaimantMember, pending), types.ErrWrongPhase)
	requireFailsUnchanged(t, f, fileMsg(member, types.ClaimantMember, 99), proposalstypes.ErrProposalNotFound)

	id := f.BylawInECWindow()
	decided := f.GetProposal(id).BoardDecidedTime
	window := f.ReviewParams().IrpFilingWindow
	f.Advance(decided.Add(window).Sub(f.Now()))
	require.Equal(t, proposalstypes.StatusRatified, f.GetProposal(id).Status, "an executed decision may still be challenged")
	f.MustFileIRP(fileMsg(member, types.ClaimantMember, id))
	f.Advance(time.Second)
	requireFailsUnchanged(t, f, fileMsg(member, types.ClaimantMember, id), types.ErrOutOfWindow)

	inaction := fileMsg(member, types.ClaimantMember, 0)
	requireFailsUnchanged(t, f, inaction, types.ErrRequired)
	inaction.Inaction = strings.Repeat("x", int(f.ReviewParams().MaxTextLength)+1)
	requireFailsUnchanged(t, f, inaction, types.ErrTextTooLong)
	inaction.Inaction = "The Board has not answered the ops community's advice for a year."
	c := f.GetIRP(f.MustFileIRP(inaction))
	require.Zero(t, c.ProposalId)
	require.Equal(t, inaction.Inaction, c.Inaction)
}

// TestFileIRPContent checks the cited provisions, the claim document and the
// bound on the inaction text.
func TestFileIRPContent(t *testing.T) {
	f := newFixture(t)
	id := f.BylawInECWindow()
	p := f.ReviewParams()
	member := name("dev-member")
	fund(f, "dev-member")
	bad := func(edit func(*types.MsgFileIRP)) *types.MsgFileIRP {
		m := fileMsg(member, types.ClaimantMember, id)
		edit(m)
		return m
	}
	requireFailsUnchanged(t, f, bad(func(m *types.MsgFileIRP) { m.Provisions = nil }), types.ErrRequired)
	requireFailsUnchanged(t, f, bad(func(m *types.MsgFileIRP) {
		m.Provisions = make([]string, p.MaxProvisions+1)
		for i := range m.Provisions {
			m.Provisions[i] = "Art. 1"
		}
	}), types.ErrLimit)
	requireFailsUnchanged(t, f, bad(func(m *types.MsgFileIRP) { m.Provisions = []string{"Art. 1", ""} }), types.ErrRequired)
	requireFailsUnchanged(t, f, bad(func(m *types.MsgFileIRP) {
		m.Provisions = []string{strings.Repeat("p", int(p.MaxTextLength)+1)}
	}), types.ErrTextTooLong)
	requireFailsUnchanged(t, f, bad(func(m *types.MsgFileIRP) { m.Claim.Hash, m.Claim.Uri = "", "" }), types.ErrRequired)
	// an inaction text is bounded even on a case that names a proposal
	requireFailsUnchanged(t, f, bad(func(m *types.MsgFileIRP) {
		m.Inaction = strings.Repeat("i", int(p.MaxTextLength)+1)
	}), types.ErrTextTooLong)
	requireFailsUnchanged(t, f, bad(func(m *types.MsgFileIRP) { m.Claim.Hash = "ABC" }), types.ErrInvalidDocument)
	requireFailsUnchanged(t, f, bad(func(m *types.MsgFileIRP) {
		m.Claim.Uri = "https://x/" + strings.Repeat("u", int(p.MaxUriLength))
	}), types.ErrInvalidDocument)

	ok := fileMsg(member, types.ClaimantMember, id)
	ok.Provisions = []string{"Art. 4.2", "Art. 7"}
	c := f.GetIRP(f.MustFileIRP(ok))
	require.Equal(t, ok.Provisions, c.Provisions)
	require.Equal(t, ok.Claim, c.Claim)
}
