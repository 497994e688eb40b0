package keeper_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// nomcomAppoints gives the NomCom its allowances into users (2 voting, 1
// non-voting) and dev (1 voting), as a ratified proposal would.
func nomcomAppoints(t *testing.T, f *keepertest.Fixture) {
	t.Helper()
	f.MustDeliver(&types.MsgSetAppointments{Authority: f.Authority, CommunityId: "nomcom", Appointments: []types.Appointment{
		{IntoCommunityId: "users", VotingSeats: 2, NonVotingSeats: 1},
		{IntoCommunityId: "dev", VotingSeats: 1},
	}})
}

func appoint(into, who string, nonVoting bool) *types.MsgAppointMember {
	return &types.MsgAppointMember{Authority: body("nomcom"), AppointerId: "nomcom", CommunityId: into, Address: addr(who).String(),
		NonVoting: nonVoting, Region: types.RegionAfrica, StakeholderType: types.StakeholderUser}
}

func removeAppointee(authority, into, who string) *types.MsgRemoveAppointee {
	return &types.MsgRemoveAppointee{Authority: authority, AppointerId: "nomcom", CommunityId: into, Address: addr(who).String(), Reason: "term ended"}
}

// TestSetAppointments checks the governance message that writes an
// appointer's allowances, and every way it can be refused.
func TestSetAppointments(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	set := func(as ...types.Appointment) *types.MsgSetAppointments {
		return &types.MsgSetAppointments{Authority: f.Authority, CommunityId: "nomcom", Appointments: as}
	}
	tests := []struct {
		name string
		msg  *types.MsgSetAppointments
		err  *errorsmod.Error
	}{
		{"the appointer signs", &types.MsgSetAppointments{Authority: body("nomcom"), CommunityId: "nomcom"}, types.ErrUnauthorized},
		{"unknown appointer", &types.MsgSetAppointments{Authority: f.Authority, CommunityId: "nowhere"}, types.ErrCommunityNotFound},
		{"unknown target", set(types.Appointment{IntoCommunityId: "nowhere", VotingSeats: 1}), types.ErrInvalidAppointment},
		{"into itself", set(types.Appointment{IntoCommunityId: "nomcom", VotingSeats: 1}), types.ErrInvalidAppointment},
		{"twice", set(types.Appointment{IntoCommunityId: "dev", VotingSeats: 1}, types.Appointment{IntoCommunityId: "dev", NonVotingSeats: 1}), types.ErrInvalidAppointment},
		{"no seats", set(types.Appointment{IntoCommunityId: "dev"}), types.ErrInvalidAppointment},
		{"too many seats", set(types.Appointment{IntoCommunityId: "dev", VotingSeats: types.MaxAppointmentSeats + 1}), types.ErrInvalidAppointment},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, tc.msg, tc.err)
		})
	}
	nomcomAppoints(t, f)
	ev := requireEvent[*types.EventAppointmentsChanged](t, f)
	require.Equal(t, "nomcom", ev.CommunityId)
	require.Len(t, ev.Appointments, 2)
	c, err := f.Keeper.GetCommunity(f.Ctx, "nomcom")
	require.NoError(t, err)
	require.Equal(t, ev.Appointments, c.Appointments)
}

// TestAppointMember checks that the appointer's motion places members into
// another community within its allowance: they are members there (the
// stats, the standing, the Appointments query), of the seat's kind, and the
// cap holds for each kind.
func TestAppointMember(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	nomcomAppoints(t, f)
	before, err := f.Keeper.GetBodyStats(f.Ctx, "users")
	require.NoError(t, err)

	f.MustDeliver(appoint("users", "appointee-1", false))
	ev := requireEvent[*types.EventMemberAdmitted](t, f)
	require.Equal(t, types.EventMemberAdmitted{CommunityId: "users", Address: addr("appointee-1").String(), Roles: []types.Role{types.RoleMember}, Weight: 1, AppointedBy: "nomcom"}, *ev)
	f.MustDeliver(appoint("users", "appointee-2", false))
	f.MustDeliver(appoint("users", "observer", true))
	ms, err := f.Keeper.Memberships.Get(f.Ctx, collectionsPair("users", addr("observer")))
	require.NoError(t, err)
	require.Equal(t, "nomcom", ms.AppointedBy)
	require.True(t, ms.NonVoting)
	after, err := f.Keeper.GetBodyStats(f.Ctx, "users")
	require.NoError(t, err)
	require.Equal(t, types.BodyStats{TotalWeight: before.TotalWeight + 2, MemberCount: before.MemberCount + 3}, after)
	standing, err := f.Keeper.HasStanding(f.Ctx, addr("appointee-1"))
	require.NoError(t, err)
	require.True(t, standing)

	res, err := f.QueryServer.Appointments(f.Ctx, &types.QueryAppointmentsRequest{Id: "nomcom"})
	require.NoError(t, err)
	require.Len(t, res.Appointments, 2)
	require.ElementsMatch(t, []string{addr("appointee-1").String(), addr("appointee-2").String()}, res.Appointments[0].VotingAppointees)
	require.Equal(t, []string{addr("observer").String()}, res.Appointments[0].NonVotingAppointees)
	require.Empty(t, res.Appointments[1].VotingAppointees)

	tests := []struct {
		name string
		msg  *types.MsgAppointMember
		err  *errorsmod.Error
	}{
		{"voting seats full", appoint("users", "x", false), types.ErrLimitReached},
		{"non-voting seats full", appoint("users", "x", true), types.ErrLimitReached},
		{"no non-voting seat in dev", appoint("dev", "x", true), types.ErrLimitReached},
		{"no allowance into ops", appoint("ops", "x", false), types.ErrNoAppointment},
		{"a community with no allowance", &types.MsgAppointMember{Authority: body("dev"), AppointerId: "dev", CommunityId: "users", Address: addr("x").String()}, types.ErrNoAppointment},
		{"the target signs", &types.MsgAppointMember{Authority: body("users"), AppointerId: "nomcom", CommunityId: "users", Address: addr("x").String()}, types.ErrUnauthorized},
		{"governance signs", &types.MsgAppointMember{Authority: f.Authority, AppointerId: "nomcom", CommunityId: "dev", Address: addr("x").String()}, types.ErrUnauthorized},
		{"unknown target", appoint("nowhere", "x", false), types.ErrCommunityNotFound},
		{"already a member", appoint("dev", "dev-chair", false), types.ErrAlreadyMember},
		{"bad address", &types.MsgAppointMember{Authority: body("nomcom"), AppointerId: "nomcom", CommunityId: "dev", Address: "x"}, types.ErrInvalidAddress},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireDeliverFails(t, f, tc.msg, tc.err)
		})
	}
}

// TestAppointeeChecksAndBalances checks who may remove an appointee or
// change its vote: not the target community, only the appointer's motion or
// a ratified proposal (or the appointee by resigning); the target's own
// admissions and removals keep working, and a freed seat can be refilled.
func TestAppointeeChecksAndBalances(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	nomcomAppoints(t, f)
	f.MustDeliver(appoint("users", "appointee-1", false))
	f.MustDeliver(appoint("users", "appointee-2", false))

	requireFailsUnchanged(t, f, &types.MsgRemoveMember{Authority: body("users"), CommunityId: "users", Address: addr("appointee-1").String()}, types.ErrAppointedMember)
	requireFailsUnchanged(t, f, &types.MsgSetMemberVoting{Authority: body("users"), CommunityId: "users", Address: addr("appointee-1").String(), NonVoting: true}, types.ErrAppointedMember)
	requireFailsUnchanged(t, f, removeAppointee(body("users"), "users", "appointee-1"), types.ErrUnauthorized)
	requireFailsUnchanged(t, f, removeAppointee(body("nomcom"), "users", "users-chair"), types.ErrNotMember)
	requireFailsUnchanged(t, f, removeAppointee(body("nomcom"), "dev", "appointee-1"), types.ErrNotMember)
	requireFailsUnchanged(t, f, &types.MsgRemoveAppointee{Authority: body("dev"), AppointerId: "dev", CommunityId: "users", Address: addr("appointee-1").String()}, types.ErrNotMember)

	// the target still admits, removes and elects roles for its own members,
	// and elects roles among appointees
	f.MustDeliver(admitMsg("users", addr("own-member")))
	f.MustDeliver(&types.MsgRemoveMember{Authority: body("users"), CommunityId: "users", Address: addr("own-member").String()})
	f.MustDeliver(&types.MsgSetMemberRoles{Authority: body("users"), CommunityId: "users", Address: addr("appointee-1").String(), Roles: []types.Role{types.RoleLiaison}})

	// the appointer removes; governance removes; the appointee resigns
	f.ResetEvents()
	f.MustDeliver(removeAppointee(body("nomcom"), "users", "appointee-1"))
	removed := requireEvent[*types.EventMemberRemoved](t, f)
	require.Equal(t, "term ended", removed.Reason)
	f.MustDeliver(removeAppointee(f.Authority, "users", "appointee-2"))
	f.MustDeliver(appoint("users", "appointee-3", false))
	f.MustDeliver(&types.MsgResign{Member: addr("appointee-3").String(), CommunityId: "users"})
	res, err := f.QueryServer.Appointments(f.Ctx, &types.QueryAppointmentsRequest{Id: "nomcom"})
	require.NoError(t, err)
	require.Empty(t, res.Appointments[0].VotingAppointees, "every seat is free again")
	f.MustDeliver(appoint("users", "appointee-4", false))
	f.MustDeliver(appoint("users", "appointee-5", false))
	keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))
}

// TestSetAppointmentsKeepsAppointees checks that an allowance cannot be
// lowered below, or dropped while, its appointees are in office.
func TestSetAppointmentsKeepsAppointees(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	nomcomAppoints(t, f)
	f.MustDeliver(appoint("users", "appointee-1", false))
	f.MustDeliver(appoint("users", "observer", true))
	set := func(as ...types.Appointment) *types.MsgSetAppointments {
		return &types.MsgSetAppointments{Authority: f.Authority, CommunityId: "nomcom", Appointments: as}
	}
	requireFailsUnchanged(t, f, set(types.Appointment{IntoCommunityId: "dev", VotingSeats: 1}), types.ErrHasDependents)
	requireFailsUnchanged(t, f, set(types.Appointment{IntoCommunityId: "users", VotingSeats: 1}), types.ErrHasDependents)
	f.MustDeliver(set(types.Appointment{IntoCommunityId: "users", VotingSeats: 1, NonVotingSeats: 1}))
	requireDeliverFails(t, f, appoint("users", "x", false), types.ErrLimitReached)
}

// TestAppointeesGenesisRoundTrip checks that appointments and non-voting
// memberships survive export and import, with the appointee index and the
// stats rebuilt, and that genesis refuses what the messages would.
func TestAppointeesGenesisRoundTrip(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	nomcomAppoints(t, f)
	f.MustDeliver(appoint("users", "appointee-1", false))
	f.MustDeliver(appoint("users", "observer", true))
	f.MustDeliver(admitNonVoting("nomcom", "gac-liaison"))
	exported := f.Export()
	require.NoError(t, exported.Validate(f.AddressCodec, f.ConsensusCodec))

	g := keepertest.NewFixture(t)
	g.InitGenesis(exported)
	require.Equal(t, f.ExportJSON(), g.ExportJSON())
	for _, id := range []string{"users", "nomcom"} {
		want, err := f.Keeper.GetBodyStats(f.Ctx, id)
		require.NoError(t, err)
		got, err := g.Keeper.GetBodyStats(g.Ctx, id)
		require.NoError(t, err)
		require.Equal(t, want, got, id)
	}
	requireDeliverFails(t, g, appoint("users", "x", true), types.ErrLimitReached)

	bad := func(edit func(gs *types.GenesisState)) error {
		gs := f.Export()
		edit(gs)
		return gs.Validate(f.AddressCodec, f.ConsensusCodec)
	}
	membership := func(gs *types.GenesisState, community, who string) *types.Membership {
		for i := range gs.Memberships {
			if gs.Memberships[i].CommunityId == community && gs.Memberships[i].Address == addr(who).String() {
				return &gs.Memberships[i]
			}
		}
		t.Fatalf("no membership of %s in %s", who, community)
		return nil
	}
	nomcom := func(gs *types.GenesisState) *types.Community {
		for i := range gs.Communities {
			if gs.Communities[i].Id == "nomcom" {
				return &gs.Communities[i]
			}
		}
		return nil
	}
	for name, edit := range map[string]func(gs *types.GenesisState){
		"non-voting with weight":      func(gs *types.GenesisState) { membership(gs, "nomcom", "gac-liaison").Weight = 1 },
		"voting without weight":       func(gs *types.GenesisState) { membership(gs, "users", "appointee-1").Weight = 0 },
		"unknown appointer":           func(gs *types.GenesisState) { membership(gs, "users", "appointee-1").AppointedBy = "nowhere" },
		"appointer with no allowance": func(gs *types.GenesisState) { membership(gs, "users", "appointee-1").AppointedBy = "dev" },
		"beyond the allowance":        func(gs *types.GenesisState) { nomcom(gs).Appointments[0].NonVotingSeats = 0 },
		"allowance into nowhere":      func(gs *types.GenesisState) { nomcom(gs).Appointments[1].IntoCommunityId = "nowhere" },
		"allowance into itself":       func(gs *types.GenesisState) { nomcom(gs).Appointments[1].IntoCommunityId = "nomcom" },
	} {
		t.Run(name, func(t *testing.T) {
			require.ErrorIs(t, bad(edit), types.ErrInvalidGenesis)
		})
	}
}
