package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app/constitution"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// createCommunity founds a community with the governance authority.
func createCommunity(f *keepertest.Fixture, id, parent string) {
	f.MustDeliver(&types.MsgCreateCommunity{
		Authority: f.Authority, Id: id, Name: "Community " + id, Kind: types.KindSupporting, ParentId: parent,
		Charter: constitution.CharterDocument(id), Rule: constitution.CommunityRule(keepertest.VotingPeriod),
		Seats: types.SeatAllocation{ValidatorPowerShare: "0"},
	})
}

// newHouses builds a parent community "gnso" voted in two houses, its
// sub-communities "cph" (members a, b) and "ncph" (members c, d); every member
// also belongs to the parent. Each house must give a majority of its votes.
func newHouses(t *testing.T) *keepertest.Fixture {
	t.Helper()
	f := keepertest.NewConstitutionFixture(t)
	createCommunity(f, "gnso", "")
	createCommunity(f, "cph", "gnso")
	createCommunity(f, "ncph", "gnso")
	for _, hm := range []struct{ house, member string }{{"cph", "a"}, {"cph", "b"}, {"ncph", "c"}, {"ncph", "d"}} {
		f.AdmitDirect(hm.house, addr(hm.member), types.RegionUnspecified)
		f.AdmitDirect("gnso", addr(hm.member), types.RegionUnspecified)
	}
	rule := constitution.CommunityRule(keepertest.VotingPeriod)
	rule.Houses = []types.HouseRule{{CommunityId: "cph", Threshold: "0.5"}, {CommunityId: "ncph", Threshold: "0.5"}}
	f.MustDeliver(&types.MsgSetDecisionRule{Authority: f.Authority, BodyId: "gnso", Rule: rule})
	f.NextBlock(0)
	return f
}

// TestHouseRequirements checks that a motion of a body with houses needs the
// overall threshold and every house's: a house that fails its threshold
// fails the motion even when the overall vote carries.
func TestHouseRequirements(t *testing.T) {
	t.Run("a house fails", func(t *testing.T) {
		f := newHouses(t)
		id := f.MustSubmitMotion(addr("a"), "gnso")
		m := f.Motion(id)
		require.Equal(t, []types.HouseTally{{CommunityId: "cph", EligibleWeight: 2}, {CommunityId: "ncph", EligibleWeight: 2}}, m.HouseTallies)
		for _, v := range []string{"a", "b", "c"} {
			f.MustVote(addr(v), id, types.OptionYes)
			require.Equal(t, types.MotionStatusVoting, f.Motion(id).Status, "after %s", v)
		}
		f.MustVote(addr("d"), id, types.OptionNo)
		f.DecideSettled()
		m = f.Motion(id)
		require.Equal(t, types.Tally{Yes: 3, No: 1}, m.Tally, "3 to 1 overall carries")
		require.Equal(t, types.Tally{Yes: 1, No: 1}, m.HouseTallies[1].Tally, "a tie in ncph does not")
		require.Equal(t, types.MotionStatusRejected, m.Status)
		v, err := f.QueryServer.MotionVote(f.Ctx, &types.QueryMotionVoteRequest{Id: id, Voter: addr("d").String()})
		require.NoError(t, err)
		require.Equal(t, []string{"ncph"}, v.Vote.Houses)
	})
	t.Run("every house carries", func(t *testing.T) {
		f := newHouses(t)
		id := f.MustSubmitMotion(addr("a"), "gnso")
		for _, v := range []string{"a", "b", "c", "d"} {
			f.MustVote(addr(v), id, types.OptionYes)
		}
		f.DecideSettled()
		m := f.Motion(id)
		require.Equal(t, types.MotionStatusQueued, m.Status)
		require.Equal(t, types.Tally{Yes: 2}, m.HouseTallies[0].Tally)
		require.Equal(t, types.Tally{Yes: 2}, m.HouseTallies[1].Tally)
	})
	t.Run("decided at the deadline", func(t *testing.T) {
		f := newHouses(t)
		id := f.MustSubmitMotion(addr("a"), "gnso")
		f.MustVote(addr("a"), id, types.OptionYes)
		f.MustVote(addr("c"), id, types.OptionYes)
		f.NextBlock(keepertest.VotingPeriod)
		f.EndBlock()
		require.Equal(t, types.MotionStatusPassed, f.Motion(id).Status, "half of each house voted, all yes")
	})
	t.Run("a member outside the houses counts overall only", func(t *testing.T) {
		f := newHouses(t)
		f.AdmitDirect("gnso", addr("e"), types.RegionUnspecified)
		f.NextBlock(0)
		id := f.MustSubmitMotion(addr("e"), "gnso")
		f.MustVote(addr("e"), id, types.OptionYes)
		m := f.Motion(id)
		require.Equal(t, types.Tally{Yes: 1}, m.Tally)
		require.Equal(t, types.Tally{}, m.HouseTallies[0].Tally)
		require.Equal(t, types.Tally{}, m.HouseTallies[1].Tally)
	})
	t.Run("an empty house rejects at once", func(t *testing.T) {
		f := newHouses(t)
		createCommunity(f, "empty", "gnso")
		rule := constitution.CommunityRule(keepertest.VotingPeriod)
		rule.Houses = []types.HouseRule{{CommunityId: "cph", Threshold: "0.5"}, {CommunityId: "empty", Threshold: "0.5"}}
		f.MustDeliver(&types.MsgSetDecisionRule{Authority: f.Authority, BodyId: "gnso", Rule: rule})
		id := f.MustSubmitMotion(addr("a"), "gnso")
		require.Equal(t, types.MotionStatusRejected, f.Motion(id).Status)
	})
}

// TestOpenMotionKeepsItsRule checks that a rule change applies to motions
// submitted afterwards only.
func TestOpenMotionKeepsItsRule(t *testing.T) {
	f := newHouses(t)
	id := f.MustSubmitMotion(addr("a"), "gnso")
	f.MustDeliver(&types.MsgSetDecisionRule{Authority: f.Authority, BodyId: "gnso", Rule: constitution.CommunityRule(keepertest.VotingPeriod)})
	require.Len(t, f.Motion(id).Rule.Houses, 2)
	for _, v := range []sdk.AccAddress{addr("a"), addr("b"), addr("c")} {
		f.MustVote(v, id, types.OptionYes)
	}
	require.Equal(t, types.MotionStatusVoting, f.Motion(id).Status, "ncph has not carried yet")
}
