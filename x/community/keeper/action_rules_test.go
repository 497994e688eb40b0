package keeper_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app/constitution"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// moreThanHalf is a strict majority of a house's members (basis ALL_MEMBERS).
const moreThanHalf = "0.500000000000000001"

// gnsoSupermajority is newHouses' GNSO rule (a majority of each house) with
// admissions under the GNSO Supermajority: 2/3 of each house, or 3/4 of one
// house and a majority of the other.
func gnsoSupermajority() types.DecisionRule {
	h := func(id, thr string) types.HouseRule { return types.HouseRule{CommunityId: id, Threshold: thr} }
	rule := constitution.CommunityRule(keepertest.VotingPeriod)
	rule.Houses = []types.HouseRule{h("cph", "0.5"), h("ncph", "0.5")}
	super := constitution.CommunityRule(keepertest.VotingPeriod)
	super.Basis = types.BasisAllMembers
	super.AnyOf = []types.HouseCombination{
		{Houses: []types.HouseRule{h("cph", "0.666666666666666667"), h("ncph", "0.666666666666666667")}},
		{Houses: []types.HouseRule{h("cph", "0.75"), h("ncph", moreThanHalf)}},
		{Houses: []types.HouseRule{h("cph", moreThanHalf), h("ncph", "0.75")}},
	}
	rule.Actions = []types.ActionRule{{MsgTypeUrl: sdk.MsgTypeURL(&types.MsgAdmitMember{}), Rule: super}}
	return rule
}

// newSupermajority is newHouses with gnsoSupermajority as the GNSO's rule.
func newSupermajority(t *testing.T) *keepertest.Fixture {
	f := newHouses(t)
	f.MustDeliver(&types.MsgSetDecisionRule{Authority: f.Authority, BodyId: "gnso", Rule: gnsoSupermajority()})
	f.NextBlock(0)
	return f
}

// decided votes on a motion, ends the block and returns the motion.
func decided(f *keepertest.Fixture, id uint64, votes map[string]types.VoteOption) types.Motion {
	for _, v := range []string{"a", "b", "c", "d"} {
		if o, ok := votes[v]; ok {
			f.MustVote(addr(v), id, o)
		}
	}
	f.EndBlock()
	return f.Motion(id)
}

// TestActionRuleSupermajority checks that a motion carrying an action's
// message is decided by that action's rule, here the GNSO Supermajority:
// both of one house and one of two in the other carries a majority of each
// house, but not the Supermajority.
func TestActionRuleSupermajority(t *testing.T) {
	votes := map[string]types.VoteOption{"a": types.OptionYes, "b": types.OptionYes, "c": types.OptionYes, "d": types.OptionAbstain}
	t.Run("a plain motion needs a majority of each house", func(t *testing.T) {
		f := newSupermajority(t)
		id := f.MustSubmitMotion(addr("a"), "gnso")
		require.Empty(t, f.Motion(id).Rule.AnyOf)
		require.Equal(t, types.MotionStatusPassed, decided(f, id, votes).Status)
	})
	t.Run("an admission needs the Supermajority", func(t *testing.T) {
		f := newSupermajority(t)
		id := f.MustSubmitMotion(addr("a"), "gnso", admitMsg("gnso", addr("e")))
		m := f.Motion(id)
		require.Len(t, m.Rule.AnyOf, 3, "the motion keeps the action's rule")
		require.Empty(t, m.Rule.Actions, "but not the body's other action rules")
		require.Equal(t, []types.HouseTally{{CommunityId: "cph", EligibleWeight: 2}, {CommunityId: "ncph", EligibleWeight: 2}}, m.HouseTallies)
		m = decided(f, id, votes)
		require.Equal(t, types.MotionStatusRejected, m.Status, "1 of 2 in ncph is no majority of it")
		has, err := f.Keeper.Memberships.Has(f.Ctx, collectionsPair("gnso", addr("e")))
		require.NoError(t, err)
		require.False(t, has)
	})
	t.Run("3/4 of one house and a majority of the other carries it", func(t *testing.T) {
		f := newSupermajority(t)
		id := f.MustSubmitMotion(addr("a"), "gnso", admitMsg("gnso", addr("e")))
		m := decided(f, id, map[string]types.VoteOption{"a": types.OptionYes, "b": types.OptionYes, "c": types.OptionYes, "d": types.OptionYes})
		require.Equal(t, types.MotionStatusPassed, m.Status)
		has, err := f.Keeper.Memberships.Has(f.Ctx, collectionsPair("gnso", addr("e")))
		require.NoError(t, err)
		require.True(t, has)
	})
	t.Run("a motion under several rules must meet each", func(t *testing.T) {
		f := newSupermajority(t)
		remove := &types.MsgRemoveMember{Authority: body("gnso"), CommunityId: "gnso", Address: addr("d").String()}
		id := f.MustSubmitMotion(addr("a"), "gnso", admitMsg("gnso", addr("e")), remove)
		m := f.Motion(id)
		require.Len(t, m.Rule.AnyOf, 3, "first the admission's rule")
		require.Len(t, m.Rule.AllOf, 1, "then the default rule for the removal")
		require.Len(t, m.Rule.AllOf[0].Houses, 2)
	})
}

// TestOpenMotionKeepsItsActionRule checks that changing a body's action
// rules leaves open motions under the rule they were submitted with.
func TestOpenMotionKeepsItsActionRule(t *testing.T) {
	f := newSupermajority(t)
	id := f.MustSubmitMotion(addr("a"), "gnso", admitMsg("gnso", addr("e")))
	f.MustDeliver(&types.MsgSetDecisionRule{Authority: f.Authority, BodyId: "gnso", Rule: constitution.CommunityRule(keepertest.VotingPeriod)})
	m := decided(f, id, map[string]types.VoteOption{"a": types.OptionYes, "b": types.OptionYes, "c": types.OptionYes, "d": types.OptionAbstain})
	require.Equal(t, types.MotionStatusRejected, m.Status, "still under the Supermajority")
}

// TestBoardCannotLowerCommunityRule: a body's rule, its alternatives and
// action rules included, changes only by the governance authority (a
// ratified standard bylaw, which the Empowered Community may reject): not
// by the Board's own majority, not by the community, not by a member. The
// attempt changes nothing.
func TestBoardCannotLowerCommunityRule(t *testing.T) {
	f := newSupermajority(t)
	lowered := gnsoSupermajority()
	lowered.Actions[0].Rule.AnyOf = nil
	lowered.Actions[0].Rule.Threshold = "0.1"
	lowered.AnyOf = []types.HouseCombination{{Houses: []types.HouseRule{{CommunityId: "cph", Threshold: "0.1"}}}}
	for _, signer := range []string{body(types.BoardBodyID), body("gnso"), body("cph"), addr("a").String()} {
		requireFailsUnchanged(t, f, &types.MsgSetDecisionRule{Authority: signer, BodyId: "gnso", Rule: lowered}, types.ErrUnauthorized)
	}
	b, err := f.Keeper.GetBody(f.Ctx, "gnso")
	require.NoError(t, err)
	require.Equal(t, gnsoSupermajority(), b.Rule)
}

// TestSetDecisionRuleAlternatives checks the store checks of the new
// fields: every house of every alternative and action rule is a direct
// sub-community, and every action names a registered message type.
func TestSetDecisionRuleAlternatives(t *testing.T) {
	f := newSupermajority(t)
	createCommunity(f, "other", "")
	for _, tc := range []struct {
		name string
		edit func(*types.DecisionRule)
		err  *errorsmod.Error
	}{
		{"alternative names a non-child house", func(r *types.DecisionRule) { r.AnyOf[0].Houses[0].CommunityId = "other" }, types.ErrInvalidRule},
		{"action names an unknown house", func(r *types.DecisionRule) {
			r.Actions[0].Rule.AnyOf[1].Houses[0].CommunityId = "nowhere"
		}, types.ErrCommunityNotFound},
		{"unknown message type", func(r *types.DecisionRule) { r.Actions[0].MsgTypeUrl = "/polity.community.v1.MsgNothing" }, types.ErrInvalidRule},
		{"threshold out of range", func(r *types.DecisionRule) { r.Actions[0].Rule.AnyOf[0].Houses[1].Threshold = "1.01" }, types.ErrInvalidRule},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := gnsoSupermajority()
			r.AnyOf = []types.HouseCombination{{Houses: []types.HouseRule{{CommunityId: "cph", Threshold: "0.5"}}}}
			tc.edit(&r)
			requireFailsUnchanged(t, f, &types.MsgSetDecisionRule{Authority: f.Authority, BodyId: "gnso", Rule: r}, tc.err)
		})
	}
}
