package keeper_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// rolesMsg is a MsgSetMemberRoles signed by the community's body.
func rolesMsg(community, who string, roles ...types.Role) *types.MsgSetMemberRoles {
	return &types.MsgSetMemberRoles{Authority: body(community), CommunityId: community, Address: addr(who).String(), Roles: roles}
}

// TestSetMemberRolesRules checks the role rules: one chair, NomCom delegates
// within the allocation, one represented community per person, and directors
// speaking only for the community that appointed them.
func TestSetMemberRolesRules(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	// director-dev holds dev's seat; make them a plain member of ops.
	f.MustDeliver(admitMsg("ops", addr("director-dev")))

	tests := []struct {
		name string
		msg  *types.MsgSetMemberRoles
		err  *errorsmod.Error
	}{
		{"another body signs", &types.MsgSetMemberRoles{Authority: body("ops"), CommunityId: "dev", Address: addr("dev-member").String()}, types.ErrUnauthorized},
		{"unknown community", rolesMsg("nowhere", "dev-member"), types.ErrCommunityNotFound},
		{"not a member", rolesMsg("dev", "ops-chair"), types.ErrNotMember},
		{"bad address", &types.MsgSetMemberRoles{Authority: body("dev"), CommunityId: "dev", Address: "x"}, types.ErrInvalidAddress},
		{"unknown role", rolesMsg("dev", "dev-member", types.Role(77)), types.ErrInvalidRoles},
		{"second chair", rolesMsg("dev", "dev-member", types.RoleChair, types.RoleNomComDelegate), types.ErrRoleTaken},
		{"NomCom delegates above allocation", rolesMsg("dev", "dev-chair", types.RoleChair, types.RoleNomComDelegate), types.ErrRoleLimit},
		{"NomCom delegate where none is allocated", rolesMsg("gov", "gov-member", types.RoleNomComDelegate), types.ErrRoleLimit},
		// dev-member represents dev as its NomCom delegate.
		{"represent a second community", rolesMsg("nomcom", "dev-member", types.RoleRepresentative), types.ErrRepresentsOther},
		{"director represents another community", rolesMsg("ops", "director-dev", types.RoleRepresentative), types.ErrRepresentsOther},
		{"director becomes another community's liaison", rolesMsg("ops", "director-dev", types.RoleLiaison), types.ErrRepresentsOther},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireDeliverFails(t, f, tc.msg, tc.err)
		})
	}
}

// TestSetMemberRolesElections walks through elections: a chair hand-over in
// one motion, a delegate swap, and a director representing the community that
// appointed them.
func TestSetMemberRolesElections(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)

	// The chair hands over in one motion: release first, then elect.
	m := f.Pass(addr("dev-chair"), "dev", devVoters(),
		rolesMsg("dev", "dev-chair"),
		rolesMsg("dev", "dev-member", types.RoleChair, types.RoleNomComDelegate))
	require.Equal(t, types.MotionStatusPassed, m.Status, m.FailureReason)
	resp, err := f.QueryServer.CommunityMembers(f.Ctx, &types.QueryCommunityMembersRequest{Id: "dev", Role: types.RoleChair})
	require.NoError(t, err)
	require.Len(t, resp.Memberships, 1)
	require.Equal(t, addr("dev-member").String(), resp.Memberships[0].Address)
	require.Equal(t, []types.Role{types.RoleMember, types.RoleChair, types.RoleNomComDelegate}, resp.Memberships[0].Roles)
	ev := typedEvents[*types.EventMemberRolesChanged](t, f.Events())
	require.Len(t, ev, 2)

	// The former chair represents nobody now, so may represent ops.
	f.MustDeliver(admitMsg("ops", addr("dev-chair"), types.RoleRepresentative))
	current, err := f.Keeper.Representing.Get(f.Ctx, addr("dev-chair"))
	require.NoError(t, err)
	require.Equal(t, "ops", current)

	// A director may represent the community that appointed them.
	f.MustDeliver(admitMsg("dev", addr("director-dev")))
	f.MustDeliver(rolesMsg("dev", "director-dev", types.RoleRepresentative))

	// Dropping every representative role releases the representation.
	f.MustDeliver(rolesMsg("ops", "dev-chair"))
	has, err := f.Keeper.Representing.Has(f.Ctx, addr("dev-chair"))
	require.NoError(t, err)
	require.False(t, has)
}
