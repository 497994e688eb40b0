package keeper_test

import (
	"fmt"
	"strings"
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// TestAdmitMember checks admission by the community's motion and every way it
// can be refused.
func TestAdmitMember(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	newbie := addr("newbie")

	f.MustDeliver(&types.MsgAdmitMember{
		Authority: body("dev"), CommunityId: "dev", Address: newbie.String(), Weight: 3,
		Region: types.RegionAfrica, StakeholderType: types.StakeholderAcademia, ProfileUri: "https://example.org/newbie",
	})
	ms, err := f.Keeper.Memberships.Get(f.Ctx, collectionsPair("dev", newbie))
	require.NoError(t, err)
	require.Equal(t, []types.Role{types.RoleMember}, ms.Roles, "ROLE_MEMBER is always present")
	require.Equal(t, uint64(3), ms.Weight)
	require.Equal(t, f.Ctx.BlockHeight(), ms.Audit.CreatedHeight)
	member, err := f.Keeper.Members.Get(f.Ctx, newbie)
	require.NoError(t, err)
	require.Equal(t, types.RegionAfrica, member.Region)
	require.Equal(t, types.StakeholderAcademia, member.StakeholderType)
	ev := requireEvent[*types.EventMemberAdmitted](t, f)
	require.Equal(t, "dev", ev.CommunityId)
	require.Equal(t, newbie.String(), ev.Address)

	tests := []struct {
		name string
		msg  *types.MsgAdmitMember
		err  *errorsmod.Error
	}{
		{"another body signs", &types.MsgAdmitMember{Authority: body("ops"), CommunityId: "dev", Address: addr("x").String()}, types.ErrUnauthorized},
		{"governance signs", &types.MsgAdmitMember{Authority: f.Authority, CommunityId: "dev", Address: addr("x").String()}, types.ErrUnauthorized},
		{"a member signs", &types.MsgAdmitMember{Authority: addr("dev-chair").String(), CommunityId: "dev", Address: addr("x").String()}, types.ErrUnauthorized},
		{"unknown community", admitMsg("nowhere", addr("x")), types.ErrCommunityNotFound},
		{"bad address", &types.MsgAdmitMember{Authority: body("dev"), CommunityId: "dev", Address: "polity1notanaddress"}, types.ErrInvalidAddress},
		{"empty address", &types.MsgAdmitMember{Authority: body("dev"), CommunityId: "dev"}, types.ErrInvalidAddress},
		{"already a member", admitMsg("dev", addr("dev-member")), types.ErrAlreadyMember},
		{"unknown role", admitMsg("dev", addr("x"), types.Role(99)), types.ErrInvalidRoles},
		{"unspecified role", admitMsg("dev", addr("x"), types.RoleUnspecified), types.ErrInvalidRoles},
		{"second chair", admitMsg("dev", addr("x"), types.RoleChair), types.ErrRoleTaken},
		{"NomCom delegates exhausted", admitMsg("dev", addr("x"), types.RoleNomComDelegate), types.ErrRoleLimit},
		{"weight too high", &types.MsgAdmitMember{Authority: body("dev"), CommunityId: "dev", Address: addr("x").String(), Weight: 1_000_001}, types.ErrInvalidAttribute},
		{"unknown region", &types.MsgAdmitMember{Authority: body("dev"), CommunityId: "dev", Address: addr("x").String(), Region: types.Region(9)}, types.ErrInvalidAttribute},
		{"unknown stakeholder type", &types.MsgAdmitMember{Authority: body("dev"), CommunityId: "dev", Address: addr("x").String(), StakeholderType: types.StakeholderType(42)}, types.ErrInvalidAttribute},
		{"profile too long", &types.MsgAdmitMember{Authority: body("dev"), CommunityId: "dev", Address: addr("x").String(), ProfileUri: strings.Repeat("u", 513)}, types.ErrTextTooLong},
		// dev-chair is on record in Europe as an engineer.
		{"region conflict", &types.MsgAdmitMember{Authority: body("ops"), CommunityId: "ops", Address: addr("dev-chair").String(), Region: types.RegionAfrica}, types.ErrAttributeConflict},
		{"stakeholder conflict", &types.MsgAdmitMember{Authority: body("ops"), CommunityId: "ops", Address: addr("dev-chair").String(), StakeholderType: types.StakeholderGovernment}, types.ErrAttributeConflict},
		// dev-member is dev's NomCom delegate: chairing ops would make them speak for two communities.
		{"represents another community", admitMsg("ops", addr("dev-member"), types.RoleRepresentative), types.ErrRepresentsOther},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// AdmitMember writes the person's record before it checks the
			// roles, so it relies on the transaction's cache to drop a
			// failed admission; deliver it as a transaction does.
			requireDeliverFails(t, f, tc.msg, tc.err)
		})
	}
}

// TestAdmitExistingMemberFillsBlanks checks that an existing person keeps one
// record: matching attributes are accepted and blanks are filled.
func TestAdmitExistingMemberFillsBlanks(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	who := addr("newbie")
	f.MustDeliver(admitMsg("dev", who))
	f.MustDeliver(&types.MsgAdmitMember{Authority: body("ops"), CommunityId: "ops", Address: who.String(), Region: types.RegionEurope})
	f.MustDeliver(&types.MsgAdmitMember{Authority: body("fin"), CommunityId: "fin", Address: who.String(), Region: types.RegionEurope})
	m, err := f.Keeper.Members.Get(f.Ctx, who)
	require.NoError(t, err)
	require.Equal(t, types.RegionEurope, m.Region)
	requireDeliverFails(t, f, &types.MsgAdmitMember{Authority: body("users"), CommunityId: "users", Address: who.String(), Region: types.RegionAfrica}, types.ErrAttributeConflict)
}

// TestRemoveMember checks removal by motion: roles and representation are
// released, the electorate shrinks and the person's record stays.
func TestRemoveMember(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	chair := addr("dev-chair")
	before, err := f.Keeper.GetBodyStats(f.Ctx, "dev")
	require.NoError(t, err)

	tests := []struct {
		name string
		msg  *types.MsgRemoveMember
		err  *errorsmod.Error
	}{
		{"another body signs", &types.MsgRemoveMember{Authority: body("ops"), CommunityId: "dev", Address: chair.String()}, types.ErrUnauthorized},
		{"unknown community", &types.MsgRemoveMember{Authority: body("nowhere"), CommunityId: "nowhere", Address: chair.String()}, types.ErrCommunityNotFound},
		{"not a member", &types.MsgRemoveMember{Authority: body("dev"), CommunityId: "dev", Address: addr("ops-chair").String()}, types.ErrNotMember},
		{"bad address", &types.MsgRemoveMember{Authority: body("dev"), CommunityId: "dev", Address: "nope"}, types.ErrInvalidAddress},
		{"reason too long", &types.MsgRemoveMember{Authority: body("dev"), CommunityId: "dev", Address: chair.String(), Reason: strings.Repeat("r", 1001)}, types.ErrTextTooLong},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, tc.msg, tc.err)
		})
	}

	f.MustDeliver(&types.MsgRemoveMember{Authority: body("dev"), CommunityId: "dev", Address: chair.String(), Reason: "inactive"})
	has, err := f.Keeper.Memberships.Has(f.Ctx, collectionsPair("dev", chair))
	require.NoError(t, err)
	require.False(t, has)
	after, err := f.Keeper.GetBodyStats(f.Ctx, "dev")
	require.NoError(t, err)
	require.Equal(t, before.TotalWeight-1, after.TotalWeight)
	require.Equal(t, before.MemberCount-1, after.MemberCount)
	represents, err := f.Keeper.Representing.Has(f.Ctx, chair)
	require.NoError(t, err)
	require.False(t, represents, "the chair no longer speaks for dev")
	chairs, err := f.Keeper.RoleHolders.Has(f.Ctx, roleKey("dev", types.RoleChair, chair))
	require.NoError(t, err)
	require.False(t, chairs)
	_, err = f.Keeper.Members.Get(f.Ctx, chair)
	require.NoError(t, err, "the member record (profile) stays")
	ev := requireEvent[*types.EventMemberRemoved](t, f)
	require.Equal(t, "inactive", ev.Reason)
	require.False(t, ev.Resigned)

	// The chair is free again: another member may be elected.
	f.MustDeliver(&types.MsgSetMemberRoles{Authority: body("dev"), CommunityId: "dev", Address: addr("dev-member").String(),
		Roles: []types.Role{types.RoleChair, types.RoleNomComDelegate}})
}

// TestResign checks that a member may leave on their own, and only as a member.
func TestResign(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	requireFailsUnchanged(t, f, &types.MsgResign{Member: addr("ops-chair").String(), CommunityId: "dev"}, types.ErrNotMember)
	requireFailsUnchanged(t, f, &types.MsgResign{Member: addr("dev-member").String(), CommunityId: "nowhere"}, types.ErrCommunityNotFound)
	requireFailsUnchanged(t, f, &types.MsgResign{Member: "bad", CommunityId: "dev"}, types.ErrInvalidAddress)

	f.MustDeliver(&types.MsgResign{Member: addr("dev-member").String(), CommunityId: "dev"})
	ev := requireEvent[*types.EventMemberRemoved](t, f)
	require.True(t, ev.Resigned)
	stats, err := f.Keeper.GetBodyStats(f.Ctx, "dev")
	require.NoError(t, err)
	require.Equal(t, types.BodyStats{TotalWeight: 1, MemberCount: 1}, stats)
	// dev's NomCom delegate place is free again.
	f.MustDeliver(admitMsg("dev", addr("newbie"), types.RoleNomComDelegate))
}

// TestBodyStatsFollowMembership checks that total_weight and member_count move
// with every admission and removal, since motions snapshot them.
func TestBodyStatsFollowMembership(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	stats := func() types.BodyStats {
		s, err := f.Keeper.GetBodyStats(f.Ctx, "dev")
		require.NoError(t, err)
		return s
	}
	require.Equal(t, types.BodyStats{TotalWeight: 2, MemberCount: 2}, stats())
	f.MustDeliver(&types.MsgAdmitMember{Authority: body("dev"), CommunityId: "dev", Address: addr("heavy").String(), Weight: 5})
	require.Equal(t, types.BodyStats{TotalWeight: 7, MemberCount: 3}, stats())
	f.MustDeliver(admitMsg("dev", addr("light")))
	require.Equal(t, types.BodyStats{TotalWeight: 8, MemberCount: 4}, stats(), "weight 0 means 1")
	f.MustDeliver(&types.MsgRemoveMember{Authority: body("dev"), CommunityId: "dev", Address: addr("heavy").String()})
	require.Equal(t, types.BodyStats{TotalWeight: 3, MemberCount: 3}, stats())
	f.MustDeliver(&types.MsgResign{Member: addr("light").String(), CommunityId: "dev"})
	require.Equal(t, types.BodyStats{TotalWeight: 2, MemberCount: 2}, stats())

	q, err := f.QueryServer.Body(f.Ctx, &types.QueryBodyRequest{Id: "dev"})
	require.NoError(t, err)
	require.Equal(t, uint64(2), q.Stats.TotalWeight)
}

// TestUpdateProfile checks that a member changes only their own profile URI.
func TestUpdateProfile(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	requireFailsUnchanged(t, f, &types.MsgUpdateProfile{Member: addr("stranger").String(), ProfileUri: "x"}, types.ErrMemberNotFound)
	requireFailsUnchanged(t, f, &types.MsgUpdateProfile{Member: addr("dev-chair").String(), ProfileUri: strings.Repeat("u", 513)}, types.ErrTextTooLong)
	requireFailsUnchanged(t, f, &types.MsgUpdateProfile{Member: "nope", ProfileUri: "x"}, types.ErrInvalidAddress)

	f.NextBlock(0)
	f.MustDeliver(&types.MsgUpdateProfile{Member: addr("dev-chair").String(), ProfileUri: "https://example.org/me"})
	m, err := f.Keeper.Members.Get(f.Ctx, addr("dev-chair"))
	require.NoError(t, err)
	require.Equal(t, "https://example.org/me", m.ProfileUri)
	require.Equal(t, f.Ctx.BlockHeight(), m.Audit.UpdatedHeight)
	require.Equal(t, "https://example.org/me", requireEvent[*types.EventMemberProfileUpdated](t, f).ProfileUri)
}

// TestUpdateProfileAttributes: a member declares attributes with their
// profile, stored sorted; the next update replaces them whole; bad keys,
// empty or long values, duplicates and too many are refused with nothing
// changed.
func TestUpdateProfileAttributes(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	chair := addr("dev-chair").String()
	attr := func(k, v string) types.MemberAttribute { return types.MemberAttribute{Key: k, Value: v} }
	many := make([]types.MemberAttribute, types.MaxMemberAttributes+1)
	for i := range many {
		many[i] = attr(fmt.Sprintf("k%d", i), "v")
	}
	for _, bad := range []struct {
		name  string
		attrs []types.MemberAttribute
		err   *errorsmod.Error
	}{
		{"upper-case key", []types.MemberAttribute{attr("Affiliation", "x")}, types.ErrInvalidAttribute},
		{"key starting with a digit", []types.MemberAttribute{attr("1st", "x")}, types.ErrInvalidAttribute},
		{"key too long", []types.MemberAttribute{attr(strings.Repeat("k", 33), "x")}, types.ErrInvalidAttribute},
		{"empty value", []types.MemberAttribute{attr("country", "")}, types.ErrInvalidAttribute},
		{"value too long", []types.MemberAttribute{attr("country", strings.Repeat("v", types.MaxMemberAttributeValue+1))}, types.ErrTextTooLong},
		{"value not UTF-8", []types.MemberAttribute{attr("country", "\xff")}, types.ErrInvalidAttribute},
		{"key twice", []types.MemberAttribute{attr("country", "KE"), attr("country", "FR")}, types.ErrInvalidAttribute},
		{"too many", many, types.ErrInvalidAttribute},
	} {
		t.Run(bad.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, &types.MsgUpdateProfile{Member: chair, ProfileUri: "https://example.org/me", Attributes: bad.attrs}, bad.err)
		})
	}

	f.MustDeliver(&types.MsgUpdateProfile{Member: chair, ProfileUri: "https://example.org/me",
		Attributes: []types.MemberAttribute{attr("country", "KE"), attr("affiliation", "Example University")}})
	want := []types.MemberAttribute{attr("affiliation", "Example University"), attr("country", "KE")}
	m, err := f.Keeper.Members.Get(f.Ctx, addr("dev-chair"))
	require.NoError(t, err)
	require.Equal(t, want, m.Attributes, "stored sorted by key")
	require.Equal(t, want, requireEvent[*types.EventMemberProfileUpdated](t, f).Attributes)
	q, err := f.QueryServer.Member(f.Ctx, &types.QueryMemberRequest{Address: chair})
	require.NoError(t, err)
	require.Equal(t, want, q.Member.Attributes)

	f.MustDeliver(&types.MsgUpdateProfile{Member: chair, ProfileUri: "https://example.org/me", Attributes: []types.MemberAttribute{attr("employer", "Acme")}})
	m, err = f.Keeper.Members.Get(f.Ctx, addr("dev-chair"))
	require.NoError(t, err)
	require.Equal(t, []types.MemberAttribute{attr("employer", "Acme")}, m.Attributes, "replaced whole")
}
