package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	empoweredtypes "github.com/polity-chain/polity/x/empowered/types"
	"github.com/polity-chain/polity/x/review/types"
)

// TestRegisterParty checks that only the secretariat's motion registers an
// external party, that registration gives standing, and that deregistering
// keeps the record, inactive.
func TestRegisterParty(t *testing.T) {
	f := newFixture(t)
	acme := addr("acme")
	standing := func() bool { return must(f.Review.HasStanding(f.Ctx, acme)) }
	require.False(t, standing())

	for _, who := range []string{f.Authority, body("dev"), name("secretariat-chair")} {
		msg := keepertest.RegisterPartyMsg(acme, "Acme")
		msg.Authority = who
		requireFailsUnchanged(t, f, msg, types.ErrUnauthorized)
	}
	bad := keepertest.RegisterPartyMsg(acme, "")
	requireFailsUnchanged(t, f, bad, types.ErrRequired)
	bad = keepertest.RegisterPartyMsg(acme, strings.Repeat("a", int(f.ReviewParams().MaxTextLength)+1))
	requireFailsUnchanged(t, f, bad, types.ErrTextTooLong)
	bad = keepertest.RegisterPartyMsg(acme, "Acme")
	bad.Profile.Hash, bad.Profile.Uri = "", ""
	requireFailsUnchanged(t, f, bad, types.ErrRequired)
	bad = keepertest.RegisterPartyMsg(acme, "Acme")
	bad.Profile.Hash = "not-hex"
	requireFailsUnchanged(t, f, bad, types.ErrInvalidDocument)
	bad = keepertest.RegisterPartyMsg(acme, "Acme")
	bad.Address = "polity1nope"
	requireFailsUnchanged(t, f, bad, types.ErrInvalidAddress)

	f.ResetEvents()
	f.RegisterParty(acme, "Acme")
	ev := requireEvent[*types.EventPartyRegistered](t, f)
	require.Equal(t, acme.String(), ev.Address)
	require.True(t, ev.Active)
	require.Equal(t, []string{"party_registered"}, plainActions(f))
	require.True(t, standing(), "a registered party has standing")
	requireFailsUnchanged(t, f, keepertest.RegisterPartyMsg(acme, "Acme"), types.ErrAlreadyDone)

	parties := must(f.ReviewQueryServer.Parties(f.Ctx, &types.QueryPartiesRequest{})).Parties
	require.Len(t, parties, 1)
	require.Equal(t, "Acme", parties[0].Name)
	created := parties[0].Audit.CreatedHeight

	dereg := &types.MsgDeregisterParty{Authority: keepertest.SecretariatAuthority(), Address: acme.String()}
	wrong := *dereg
	wrong.Authority = f.Authority
	requireFailsUnchanged(t, f, &wrong, types.ErrUnauthorized)
	unknown := *dereg
	unknown.Address = name("outsider")
	requireFailsUnchanged(t, f, &unknown, types.ErrNotFound)

	f.NextBlock(0)
	f.MustDeliver(dereg)
	require.False(t, requireEvent[*types.EventPartyRegistered](t, f).Active)
	require.False(t, standing())
	requireFailsUnchanged(t, f, dereg, types.ErrAlreadyDone)

	f.NextBlock(0)
	f.RegisterParty(acme, "Acme Again")
	p := must(f.ReviewQueryServer.Parties(f.Ctx, &types.QueryPartiesRequest{})).Parties[0]
	require.True(t, p.Active)
	require.Equal(t, created, p.Audit.CreatedHeight, "re-registration keeps the creation height")
	require.Equal(t, f.Ctx.BlockHeight(), p.Audit.UpdatedHeight)
}

// TestAppointPanelist checks that the standing panel is appointed by a Board
// RESOLUTION, that the Empowered Community must then confirm the panelist
// (an approval opens in x/empowered), and that removal keeps the record.
func TestAppointPanelist(t *testing.T) {
	f := newFixture(t)
	newcomer := addr("panelist-8")
	appoint := &types.MsgAppointPanelist{Authority: f.Authority, Address: newcomer.String(), Name: "Panelist 8"}

	for _, who := range []string{empowered(), body("board"), name("director-dev")} {
		msg := *appoint
		msg.Authority = who
		requireFailsUnchanged(t, f, &msg, types.ErrUnauthorized)
	}
	noName := *appoint
	noName.Name = ""
	requireFailsUnchanged(t, f, &noName, types.ErrRequired)
	again := *appoint
	again.Address = name("panelist-1")
	requireFailsUnchanged(t, f, &again, types.ErrAlreadyDone)

	actionsBefore := len(f.ExportEmpowered().Actions)
	resolution := f.PassResolution(appoint)
	p := must(f.Review.Panelists.Get(f.Ctx, newcomer))
	require.True(t, p.Active)
	require.False(t, p.Confirmed, "the Empowered Community must confirm a panelist")
	require.Equal(t, resolution, p.AppointedBy)
	require.True(t, must(f.Review.HasStanding(f.Ctx, newcomer)))
	actions := f.ExportEmpowered().Actions
	require.Len(t, actions, actionsBefore+1)
	require.Equal(t, empoweredtypes.PowerConfirmPanelist, actions[len(actions)-1].Power)
	require.Equal(t, newcomer.String(), actions[len(actions)-1].Panelist)

	confirm := &types.MsgConfirmPanelist{Authority: empowered(), Address: newcomer.String()}
	wrong := *confirm
	wrong.Authority = f.Authority
	requireFailsUnchanged(t, f, &wrong, types.ErrUnauthorized)
	unknown := *confirm
	unknown.Address = name("outsider")
	requireFailsUnchanged(t, f, &unknown, types.ErrNotFound)
	f.ResetEvents()
	f.MustDeliver(confirm)
	require.True(t, must(f.Review.Panelists.Get(f.Ctx, newcomer)).Confirmed)
	require.Equal(t, newcomer.String(), requireEvent[*types.EventPanelistChanged](t, f).Address)
	requireFailsUnchanged(t, f, confirm, types.ErrAlreadyDone)

	// removal: governance (through a FUNDAMENTAL_BYLAW, see the
	// classification guard) or the Empowered Community; not the Board's body
	remove := &types.MsgRemovePanelist{Authority: f.Authority, Address: newcomer.String()}
	wrongRemove := *remove
	wrongRemove.Authority = body("board")
	requireFailsUnchanged(t, f, &wrongRemove, types.ErrUnauthorized)
	f.ResetEvents()
	f.MustDeliver(remove)
	require.False(t, requireEvent[*types.EventPanelistChanged](t, f).Active)
	p = must(f.Review.Panelists.Get(f.Ctx, newcomer))
	require.False(t, p.Active, "the record stays, inactive")
	require.False(t, must(f.Review.HasStanding(f.Ctx, newcomer)))
	requireFailsUnchanged(t, f, remove, types.ErrAlreadyDone)

	all := must(f.ReviewQueryServer.Panelists(f.Ctx, &types.QueryPanelistsRequest{})).Panelists
	require.Len(t, all, 8)
}

// TestHooksSetOnce: the Empowered Community's hooks are wired once; a second
// SetHooks is a wiring error (as in x/gov), so the rules can never change with
// what happens to be wired later.
func TestHooksSetOnce(t *testing.T) {
	f := newFixture(t)
	require.Panics(t, func() { f.Review.SetHooks(f.Empowered.Hooks()) })
}

// TestOmbudsmanStanding checks that the ombudsman in office has standing and
// that only a resolution appoints one.
func TestOmbudsmanStanding(t *testing.T) {
	f := newFixture(t)
	require.True(t, must(f.Review.HasStanding(f.Ctx, addr("ombudsman"))))
	require.False(t, must(f.Review.HasStanding(f.Ctx, addr("outsider"))))

	appoint := &types.MsgAppointOmbudsman{Authority: name("director-dev"), Address: name("outsider")}
	requireFailsUnchanged(t, f, appoint, types.ErrUnauthorized)
	appoint.Authority = f.Authority
	resolution := f.PassResolution(appoint)
	o := must(f.Review.Ombudsman.Get(f.Ctx))
	require.Equal(t, name("outsider"), o.Address)
	require.Equal(t, resolution, o.AppointedBy)
	require.Equal(t, here(f), at(o.AppointedHeight, o.AppointedTime))
	require.Equal(t, f.Now().Add(f.ReviewParams().OmbudsmanTerm), o.TermEnd)
	require.True(t, must(f.Review.HasStanding(f.Ctx, addr("outsider"))))
	require.False(t, must(f.Review.HasStanding(f.Ctx, addr("ombudsman"))))
}
