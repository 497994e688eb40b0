package keeper_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/app/constitution"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// admitNonVoting admits who to community as a non-voting member.
func admitNonVoting(community string, who string, roles ...types.Role) *types.MsgAdmitMember {
	return &types.MsgAdmitMember{Authority: body(community), CommunityId: community, Address: addr(who).String(), Roles: roles, NonVoting: true}
}

// TestAdmitNonVotingMember checks that a non-voting member is a member
// (membership, standing, roles, count) whose weight is zero and counts in no
// eligible weight.
func TestAdmitNonVotingMember(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	before, err := f.Keeper.GetBodyStats(f.Ctx, "nomcom")
	require.NoError(t, err)

	f.MustDeliver(admitNonVoting("nomcom", "gac-liaison", types.RoleLiaison))
	ms, err := f.Keeper.Memberships.Get(f.Ctx, collectionsPair("nomcom", addr("gac-liaison")))
	require.NoError(t, err)
	require.True(t, ms.NonVoting)
	require.Zero(t, ms.Weight)
	require.Equal(t, []types.Role{types.RoleMember, types.RoleLiaison}, ms.Roles)
	ev := requireEvent[*types.EventMemberAdmitted](t, f)
	require.True(t, ev.NonVoting)
	require.Zero(t, ev.Weight)

	after, err := f.Keeper.GetBodyStats(f.Ctx, "nomcom")
	require.NoError(t, err)
	require.Equal(t, before.TotalWeight, after.TotalWeight, "no eligible weight")
	require.Equal(t, before.MemberCount+1, after.MemberCount, "but a member")
	standing, err := f.Keeper.HasStanding(f.Ctx, addr("gac-liaison"))
	require.NoError(t, err)
	require.True(t, standing, "a non-voting member has standing on the chain")

	requireDeliverFails(t, f, &types.MsgAdmitMember{Authority: body("nomcom"), CommunityId: "nomcom", Address: addr("x").String(), NonVoting: true, Weight: 2},
		types.ErrInvalidAttribute)
}

// TestNonVotingMemberCannotVoteOrMove checks that a non-voting member's vote
// and motion are refused with ErrNonVoting, in CheckTx's precheck too, and
// that a motion's eligible weight and quorum leave them out.
func TestNonVotingMemberCannotVoteOrMove(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	f.MustDeliver(admitNonVoting("nomcom", "nomcom-associate-chair"))
	f.NextBlock(0)
	stats, err := f.Keeper.GetBodyStats(f.Ctx, "nomcom")
	require.NoError(t, err)
	id := f.MustSubmitMotion(addr("nomcom-chair"), "nomcom")
	require.Equal(t, stats.TotalWeight, f.Motion(id).EligibleWeight)

	requireFailsUnchanged(t, f, &types.MsgVote{Voter: addr("nomcom-associate-chair").String(), MotionId: id, Option: types.OptionYes}, types.ErrNonVoting)
	requireModuleErr(t, f.Keeper.PrecheckVote(f.Ctx, &types.MsgVote{Voter: addr("nomcom-associate-chair").String(), MotionId: id, Option: types.OptionYes}), types.ErrNonVoting)
	_, err = f.Keeper.SubmitMotion(f.Ctx, &types.MsgSubmitMotion{Proposer: addr("nomcom-associate-chair").String(), BodyId: "nomcom", Title: "t"})
	requireModuleErr(t, err, types.ErrNonVoting)

	// the voting members decide alone: 5 voters, 3 yes pass
	for _, who := range []string{"nomcom-chair", "dev-member", "ops-member"} {
		f.MustVote(addr(who), id, types.OptionYes)
	}
	f.DecideSettled()
	require.Equal(t, types.MotionStatusQueued, f.Motion(id).Status)
}

// TestSetMemberVoting checks the community's motion that moves a member
// between voting and non-voting: the stats follow, the member's new place
// counts only on motions submitted after the change, and an appointee is
// refused.
func TestSetMemberVoting(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	chair := addr("nomcom-chair")
	before, err := f.Keeper.GetBodyStats(f.Ctx, "nomcom")
	require.NoError(t, err)

	tests := []struct {
		name string
		msg  *types.MsgSetMemberVoting
		err  *errorsmod.Error
	}{
		{"another body signs", &types.MsgSetMemberVoting{Authority: body("dev"), CommunityId: "nomcom", Address: chair.String(), NonVoting: true}, types.ErrUnauthorized},
		{"governance signs", &types.MsgSetMemberVoting{Authority: f.Authority, CommunityId: "nomcom", Address: chair.String(), NonVoting: true}, types.ErrUnauthorized},
		{"unknown community", &types.MsgSetMemberVoting{Authority: body("nowhere"), CommunityId: "nowhere", Address: chair.String()}, types.ErrCommunityNotFound},
		{"not a member", &types.MsgSetMemberVoting{Authority: body("nomcom"), CommunityId: "nomcom", Address: addr("ops-chair").String(), NonVoting: true}, types.ErrNotMember},
		{"weight for a non-voting member", &types.MsgSetMemberVoting{Authority: body("nomcom"), CommunityId: "nomcom", Address: chair.String(), NonVoting: true, Weight: 1}, types.ErrInvalidAttribute},
		{"no change", &types.MsgSetMemberVoting{Authority: body("nomcom"), CommunityId: "nomcom", Address: chair.String(), Weight: 1}, types.ErrInvalidAttribute},
		{"bad address", &types.MsgSetMemberVoting{Authority: body("nomcom"), CommunityId: "nomcom", Address: "x", NonVoting: true}, types.ErrInvalidAddress},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, tc.msg, tc.err)
		})
	}

	// an open motion keeps its eligible weight and the chair's vote
	open := f.MustSubmitMotion(addr("dev-member"), "nomcom")
	f.NextBlock(0)
	f.MustDeliver(&types.MsgSetMemberVoting{Authority: body("nomcom"), CommunityId: "nomcom", Address: chair.String(), NonVoting: true})
	ev := requireEvent[*types.EventMemberVotingChanged](t, f)
	require.Equal(t, types.EventMemberVotingChanged{CommunityId: "nomcom", Address: chair.String(), NonVoting: true, Weight: 0, PreviousWeight: 1}, *ev)
	stats, err := f.Keeper.GetBodyStats(f.Ctx, "nomcom")
	require.NoError(t, err)
	require.Equal(t, types.BodyStats{TotalWeight: before.TotalWeight - 1, MemberCount: before.MemberCount}, stats)
	require.Equal(t, before.TotalWeight, f.Motion(open).EligibleWeight)
	requireFailsUnchanged(t, f, &types.MsgVote{Voter: chair.String(), MotionId: open, Option: types.OptionYes}, types.ErrNonVoting)
	ms, err := f.Keeper.Memberships.Get(f.Ctx, collectionsPair("nomcom", chair))
	require.NoError(t, err)
	require.Equal(t, []types.Role{types.RoleMember, types.RoleChair}, ms.Roles, "the chair keeps presiding")

	// back to voting with weight 2: not on the motion opened before
	f.MustDeliver(&types.MsgSetMemberVoting{Authority: body("nomcom"), CommunityId: "nomcom", Address: chair.String(), Weight: 2})
	f.NextBlock(0)
	requireFailsUnchanged(t, f, &types.MsgVote{Voter: chair.String(), MotionId: open, Option: types.OptionYes}, types.ErrNotEligible)
	later := f.MustSubmitMotion(addr("dev-member"), "nomcom")
	require.Equal(t, before.TotalWeight+1, f.Motion(later).EligibleWeight)
	f.MustVote(chair, later, types.OptionYes)
	require.Equal(t, types.Tally{Yes: 2}, f.Motion(later).Tally)
	keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))
}

// TestNonVotingHouseMember checks that a member who votes in a body but sits
// in one of its houses without a vote adds nothing to that house's tally.
func TestNonVotingHouseMember(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	createSubCommunity(f, "dev-core", "dev", "0")
	f.MustDeliver(admitMsg("dev-core", addr("dev-chair")))
	f.MustDeliver(admitNonVoting("dev-core", "dev-member"))
	rule := constitution.CommunityRule(keepertest.VotingPeriod)
	rule.Houses = []types.HouseRule{{CommunityId: "dev-core", Threshold: "0.5"}}
	f.MustDeliver(&types.MsgSetDecisionRule{Authority: f.Authority, BodyId: "dev", Rule: rule})
	f.NextBlock(0)
	id := f.MustSubmitMotion(addr("dev-chair"), "dev")
	require.Equal(t, uint64(1), f.Motion(id).HouseTallies[0].EligibleWeight, "the house counts its voting member only")
	f.MustVote(addr("dev-member"), id, types.OptionNo)
	m := f.Motion(id)
	require.Equal(t, types.Tally{}, m.HouseTallies[0].Tally)
	v, err := f.QueryServer.MotionVote(f.Ctx, &types.QueryMotionVoteRequest{Id: id, Voter: addr("dev-member").String()})
	require.NoError(t, err)
	require.Empty(t, v.Vote.Houses)
}

// TestVotingSinceSentinelAfterRebase: a zero-height export moves every mark
// height below zero and leaves voting_since_height zero when it was never
// set. A member admitted before a rebased motion still votes on it: the
// unset sentinel does not count as "since height 0".
func TestVotingSinceSentinelAfterRebase(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	id := f.MustSubmitMotion(addr("dev-chair"), "dev")
	// as a zero-height export leaves them: the membership at -5, the motion at -2
	ms, err := f.Keeper.Memberships.Get(f.Ctx, collectionsPair("dev", addr("dev-member")))
	require.NoError(t, err)
	require.Zero(t, ms.VotingSinceHeight)
	ms.Audit.CreatedHeight = -5
	require.NoError(t, f.Keeper.Memberships.Set(f.Ctx, collectionsPair("dev", addr("dev-member")), ms))
	stored, err := f.Keeper.Motions.Get(f.Ctx, id)
	require.NoError(t, err)
	stored.SubmitHeight = -2
	require.NoError(t, f.Keeper.Motions.Set(f.Ctx, id, stored))
	f.MustVote(addr("dev-member"), id, types.OptionYes)
	require.Equal(t, types.Tally{Yes: 1}, f.Motion(id).Tally)
}
