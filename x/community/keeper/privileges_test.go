package keeper_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// privilegesMsg is a MsgSetCommunityPrivileges signed by the governance
// address (a ratified bylaw change).
func privilegesMsg(f *keepertest.Fixture, community string, deference, carveOut bool) *types.MsgSetCommunityPrivileges {
	return &types.MsgSetCommunityPrivileges{Authority: f.Authority, CommunityId: community, AdviceDeference: deference, CarveOutEligible: carveOut}
}

// TestSetCommunityPrivilegesRefusals checks that only governance grants the
// privileges, only to an advisory community, and the carve-out only to a
// decisional participant; nothing changes otherwise.
func TestSetCommunityPrivilegesRefusals(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	byBody := privilegesMsg(f, "users", true, false)
	byBody.Authority = body("users")
	tests := []struct {
		name string
		msg  *types.MsgSetCommunityPrivileges
		err  *errorsmod.Error
	}{
		{"the community's own motion", byBody, types.ErrUnauthorized},
		{"the Board's motion", &types.MsgSetCommunityPrivileges{Authority: body(types.BoardBodyID), CommunityId: "users", AdviceDeference: true}, types.ErrUnauthorized},
		{"unknown community", privilegesMsg(f, "nowhere", true, false), types.ErrCommunityNotFound},
		{"deference to a supporting community", privilegesMsg(f, "dev", true, false), types.ErrInvalidPrivilege},
		{"carve-out for a supporting community", privilegesMsg(f, "ops", false, true), types.ErrInvalidPrivilege},
		{"carve-out for a non-decisional advisory community", privilegesMsg(f, "security", false, true), types.ErrInvalidPrivilege},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { requireFailsUnchanged(t, f, tc.msg, tc.err) })
	}
}

// TestSetCommunityPrivileges checks a grant and a withdrawal: the community
// record changes, its audit stamp moves and the event names both flags.
func TestSetCommunityPrivileges(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	users, err := f.Keeper.GetCommunity(f.Ctx, "users")
	require.NoError(t, err)
	require.False(t, users.AdviceDeference)
	require.False(t, users.CarveOutEligible)

	f.NextBlock(0)
	f.ResetEvents()
	f.MustDeliver(privilegesMsg(f, "users", true, true))
	users, err = f.Keeper.GetCommunity(f.Ctx, "users")
	require.NoError(t, err)
	require.True(t, users.AdviceDeference)
	require.True(t, users.CarveOutEligible)
	require.Equal(t, f.Ctx.BlockHeight(), users.Audit.UpdatedHeight)
	require.Equal(t, types.EventCommunityPrivilegesChanged{CommunityId: "users", AdviceDeference: true, CarveOutEligible: true},
		*requireEvent[*types.EventCommunityPrivilegesChanged](t, f))

	// a non-decisional advisory community may have deference without the carve-out
	f.MustDeliver(privilegesMsg(f, "security", true, false))
	security, err := f.Keeper.GetCommunity(f.Ctx, "security")
	require.NoError(t, err)
	require.True(t, security.AdviceDeference)

	// the GAC-like community loses both
	f.ResetEvents()
	f.MustDeliver(privilegesMsg(f, "gov", false, false))
	gov, err := f.Keeper.GetCommunity(f.Ctx, "gov")
	require.NoError(t, err)
	require.False(t, gov.AdviceDeference)
	require.False(t, gov.CarveOutEligible)
	require.Equal(t, types.EventCommunityPrivilegesChanged{CommunityId: "gov"}, *requireEvent[*types.EventCommunityPrivilegesChanged](t, f))

	// the change survives export and import
	g := keepertest.NewFixture(t)
	g.InitGenesis(f.Export())
	again, err := g.Keeper.GetCommunity(g.Ctx, "users")
	require.NoError(t, err)
	require.True(t, again.AdviceDeference)
	require.True(t, again.CarveOutEligible)
}
