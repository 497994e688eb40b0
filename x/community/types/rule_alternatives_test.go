package types_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/polity-chain/polity/x/community/types"
)

// Tests of alternative house thresholds (any_of), per-action rules (actions)
// and a motion's several rules (all_of).

const (
	twoThirds = "0.666666666666666667"
	// moreThanHalf is a majority, "more than half": with basis ALL_MEMBERS, "0.5" would let
	// exactly half of a house carry it.
	moreThanHalf = "0.500000000000000001"
)

// supermajority is the GNSO Supermajority over houses cph and ncph: 2/3 of
// each house, or 3/4 of one and a moreThanHalf of the other.
func supermajority() types.DecisionRule {
	h := func(id, thr string) types.HouseRule { return types.HouseRule{CommunityId: id, Threshold: thr} }
	return types.DecisionRule{
		Threshold: "0.01", Quorum: "0", VotingPeriod: time.Hour, Basis: types.BasisAllMembers,
		AnyOf: []types.HouseCombination{
			{Houses: []types.HouseRule{h("cph", twoThirds), h("ncph", twoThirds)}},
			{Houses: []types.HouseRule{h("cph", "0.75"), h("ncph", moreThanHalf)}},
			{Houses: []types.HouseRule{h("cph", moreThanHalf), h("ncph", "0.75")}},
		},
	}
}

// gnsoHouses is a council of 7 in cph and 13 in ncph (ICANN's GNSO Council).
func gnsoHouses(cph, ncph types.Tally) []types.HouseTally {
	return []types.HouseTally{{CommunityId: "cph", EligibleWeight: 7, Tally: cph}, {CommunityId: "ncph", EligibleWeight: 13, Tally: ncph}}
}

// TestSupermajorityExamples checks the GNSO Supermajority on finished votes
// of a 7 + 13 council.
func TestSupermajorityExamples(t *testing.T) {
	r := supermajority()
	require.NoError(t, r.Validate())
	for _, tc := range []struct {
		name      string
		cph, ncph uint64 // yes votes; the rest vote no
		pass      bool
	}{
		{"2/3 of each house", 5, 9, true},
		{"2/3 of one house only", 5, 8, false},
		{"3/4 of cph and a moreThanHalf of ncph", 6, 7, true},
		{"3/4 of cph and half of ncph", 6, 6, false},
		{"a moreThanHalf of cph and 3/4 of ncph", 4, 10, true},
		{"3/4 of ncph and a minority of cph", 3, 10, false},
		{"every vote", 7, 13, true},
		{"nobody", 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			houses := gnsoHouses(types.Tally{Yes: tc.cph, No: 7 - tc.cph}, types.Tally{Yes: tc.ncph, No: 13 - tc.ncph})
			overall := types.Tally{Yes: tc.cph + tc.ncph, No: 20 - tc.cph - tc.ncph}
			require.Equal(t, tc.pass, r.Passes(overall, 20, houses))
			decided, passed := r.Outcome(overall, 20, houses)
			require.True(t, decided, "everyone voted")
			require.Equal(t, tc.pass, passed)
		})
	}
}

// TestSupermajorityDecidesEarly checks early decisions with alternatives: a
// motion passes as soon as one alternative can no longer fail, and is
// rejected only once no alternative can still hold.
func TestSupermajorityDecidesEarly(t *testing.T) {
	r := supermajority()
	for _, tc := range []struct {
		name            string
		cph, ncph       types.Tally
		decided, passed bool
	}{
		{"3/4 of cph and 7 of 13 ncph yes, the rest to vote", types.Tally{Yes: 6}, types.Tally{Yes: 7}, true, true},
		{"6 cph yes, 6 ncph yes: either second alternative may still hold", types.Tally{Yes: 6}, types.Tally{Yes: 6}, false, false},
		{"4 cph no: only the third alternative is left, and it can still hold", types.Tally{No: 3, Yes: 4}, types.Tally{Yes: 3}, false, false},
		{"4 cph no and 4 ncph no: no alternative can hold", types.Tally{No: 4}, types.Tally{No: 4}, true, false},
		{"cph cannot reach a moreThanHalf: rejected at once", types.Tally{No: 4}, types.Tally{Yes: 13}, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			houses := gnsoHouses(tc.cph, tc.ncph)
			overall := types.Tally{Yes: tc.cph.Yes + tc.ncph.Yes, No: tc.cph.No + tc.ncph.No}
			decided, passed := r.Outcome(overall, 20, houses)
			require.Equal(t, tc.decided, decided, "decided")
			require.Equal(t, tc.passed, passed, "passed")
		})
	}
}

// TestAllOfNeedsEveryRule checks that a motion under several rules must
// meet each: a simple moreThanHalf of votes cast that also needs 3/4 of all
// members fails with 2 of 4 members for.
func TestAllOfNeedsEveryRule(t *testing.T) {
	simple := types.DecisionRule{Threshold: "0.5", Quorum: "0", VotingPeriod: time.Hour, Basis: types.BasisVotesCast}
	strict := types.DecisionRule{Threshold: "0.75", Quorum: "0", VotingPeriod: 2 * time.Hour, Basis: types.BasisAllMembers}
	both := simple
	both.AllOf = []types.DecisionRule{strict}
	require.NoError(t, both.ValidateMotionRule())
	tally := types.Tally{Yes: 2}
	require.True(t, simple.Passes(tally, 4, nil))
	require.False(t, both.Passes(tally, 4, nil))
	require.True(t, both.Passes(types.Tally{Yes: 3, No: 1}, 4, nil))
	decided, passed := both.Outcome(types.Tally{Yes: 3}, 4, nil)
	require.True(t, decided && passed, "3 of 4 for: the last vote cannot undo either rule")
	decided, passed = both.Outcome(types.Tally{No: 2}, 4, nil)
	require.True(t, decided && !passed, "2 of 4 against: 3/4 of all members is out of reach")
}

// TestForMessages checks which rules a motion keeps for its messages.
func TestForMessages(t *testing.T) {
	const (
		submit = "/polity.proposals.v1.MsgSubmitProposal"
		advice = "/polity.proposals.v1.MsgSubmitAdvice"
		admit  = "/polity.community.v1.MsgAdmitMember"
	)
	def := types.DecisionRule{Threshold: "0.5", Quorum: "0.5", VotingPeriod: time.Hour, Basis: types.BasisVotesCast,
		Houses: []types.HouseRule{{CommunityId: "cph", Threshold: "0.5"}}}
	super := supermajority()
	super.VotingPeriod = 3 * time.Hour
	low := types.DecisionRule{Threshold: "0.34", Quorum: "0", VotingPeriod: 2 * time.Hour, Basis: types.BasisAllMembers}
	body := def
	body.Actions = []types.ActionRule{{MsgTypeUrl: submit, Rule: super}, {MsgTypeUrl: advice, Rule: low}}
	require.NoError(t, body.Validate())
	require.Equal(t, []string{"cph", "ncph"}, body.HouseIDs())

	require.Equal(t, def, body.ForMessages(nil), "no messages: the default rule")
	require.Equal(t, def, body.ForMessages([]string{admit, admit}), "no action matches: the default rule")
	require.Equal(t, super, body.ForMessages([]string{submit}), "the action's rule alone, even when lower or higher")
	require.Equal(t, low, body.ForMessages([]string{advice, advice}))

	both := body.ForMessages([]string{advice, submit, admit})
	require.Equal(t, low.Threshold, both.Threshold, "the first rule met leads")
	require.Equal(t, []types.DecisionRule{super, def}, both.AllOf, "then every other rule, once each")
	require.Equal(t, 3*time.Hour, both.VotingPeriod, "the longest voting period")
	require.Empty(t, both.Actions)
	require.NoError(t, both.ValidateMotionRule())
	require.Equal(t, []string{"cph", "ncph"}, both.HouseIDs())
	require.Error(t, both.Validate(), "a motion's copy is not a body's rule")
}

// TestAlternativesValidate checks the bounds and shape of alternatives and
// action rules.
func TestAlternativesValidate(t *testing.T) {
	base := func() types.DecisionRule {
		return types.DecisionRule{Threshold: "0.5", Quorum: "0.5", VotingPeriod: time.Hour, Basis: types.BasisVotesCast}
	}
	house := func(id string) types.HouseRule { return types.HouseRule{CommunityId: id, Threshold: "0.5"} }
	action := func(url string) types.ActionRule { return types.ActionRule{MsgTypeUrl: url, Rule: base()} }
	for _, tc := range []struct {
		name string
		edit func(*types.DecisionRule)
		want string
	}{
		{"too many alternatives", func(r *types.DecisionRule) {
			for range types.MaxAlternatives + 1 {
				r.AnyOf = append(r.AnyOf, types.HouseCombination{Houses: []types.HouseRule{house("aa")}})
			}
		}, "9 alternatives, at most 8"},
		{"an empty alternative", func(r *types.DecisionRule) { r.AnyOf = []types.HouseCombination{{}} }, "any_of[0] names no house"},
		{"a house twice in an alternative", func(r *types.DecisionRule) {
			r.AnyOf = []types.HouseCombination{{Houses: []types.HouseRule{house("aa"), house("aa")}}}
		}, "any_of[0]: house aa listed twice"},
		{"an alternative's threshold out of range", func(r *types.DecisionRule) {
			r.AnyOf = []types.HouseCombination{{Houses: []types.HouseRule{{CommunityId: "aa", Threshold: "1.5"}}}}
		}, "any_of[0]: house threshold 1.5 must be between 0 and 1"},
		{"too many distinct houses", func(r *types.DecisionRule) {
			r.Houses = []types.HouseRule{house("aa"), house("bb")}
			r.AnyOf = []types.HouseCombination{{Houses: []types.HouseRule{house("cc")}}}
			a := action("/polity.proposals.v1.MsgSubmitProposal")
			a.Rule.Houses = []types.HouseRule{house("dd"), house("ee")}
			r.Actions = []types.ActionRule{a}
		}, "5 distinct houses"},
		{"too many action rules", func(r *types.DecisionRule) {
			for i := range types.MaxActionRules + 1 {
				r.Actions = append(r.Actions, action(fmt.Sprintf("/polity.x.v1.Msg%d", i)))
			}
		}, "17 action rules, at most 16"},
		{"a type twice", func(r *types.DecisionRule) {
			r.Actions = []types.ActionRule{action("/a.Msg"), action("/a.Msg")}
		}, "actions[1]: message type /a.Msg listed twice"},
		{"a type URL without its slash", func(r *types.DecisionRule) { r.Actions = []types.ActionRule{action("a.Msg")} }, "must start with /"},
		{"an action rule with actions", func(r *types.DecisionRule) {
			a := action("/a.Msg")
			a.Rule.Actions = []types.ActionRule{action("/b.Msg")}
			r.Actions = []types.ActionRule{a}
		}, "an action rule has no actions"},
		{"an action rule out of range", func(r *types.DecisionRule) {
			a := action("/a.Msg")
			a.Rule.Threshold = "0"
			r.Actions = []types.ActionRule{a}
		}, "actions[0] (/a.Msg): threshold must be above 0"},
		{"all_of on a body's rule", func(r *types.DecisionRule) { r.AllOf = []types.DecisionRule{base()} }, "all_of is set only on a motion's copy"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := base()
			tc.edit(&r)
			err := r.Validate()
			require.ErrorIs(t, err, types.ErrInvalidRule)
			require.True(t, strings.Contains(err.Error(), tc.want), "%v lacks %q", err, tc.want)
		})
	}
}

// altRuleGen draws a rule over houses aa and bb with up to three
// alternatives and up to two further rules (all_of).
func altRuleGen(t *rapid.T) types.DecisionRule {
	one := func(label string) types.DecisionRule {
		r := types.DecisionRule{
			Threshold: fraction(t, label+"threshold", 1), Quorum: fraction(t, label+"quorum", 0), VotingPeriod: time.Hour,
			Basis:         rapid.SampledFrom([]types.ThresholdBasis{types.BasisVotesCast, types.BasisAllMembers}).Draw(t, label+"basis"),
			AbstainCounts: rapid.Bool().Draw(t, label+"abstain_counts"),
		}
		for i := range rapid.IntRange(0, 3).Draw(t, label+"alternatives") {
			var alt types.HouseCombination
			for _, id := range []string{"aa", "bb"} {
				if rapid.Bool().Draw(t, fmt.Sprintf("%salt%d_%s", label, i, id)) || (id == "bb" && len(alt.Houses) == 0) {
					alt.Houses = append(alt.Houses, types.HouseRule{CommunityId: id, Threshold: fraction(t, fmt.Sprintf("%salt%d_%s_thr", label, i, id), 1)})
				}
			}
			r.AnyOf = append(r.AnyOf, alt)
		}
		return r
	}
	r := one("")
	for i := range rapid.IntRange(0, 2).Draw(t, "all_of") {
		r.AllOf = append(r.AllOf, one(fmt.Sprintf("all%d_", i)))
	}
	if err := r.ValidateMotionRule(); err != nil {
		t.Fatalf("generated an invalid rule: %v", err)
	}
	return r
}

// altStateGen draws a motion part-way through its vote under altRuleGen.
func altStateGen(t *rapid.T) state {
	s := state{rule: altRuleGen(t), eligible: rapid.Uint64Range(0, maxWeight).Draw(t, "eligible")}
	s.tally = tallyGen(t, "tally", s.eligible)
	for _, id := range []string{"aa", "bb"} {
		eligible := rapid.Uint64Range(0, maxWeight).Draw(t, id+"_eligible")
		s.houses = append(s.houses, types.HouseTally{CommunityId: id, EligibleWeight: eligible, Tally: tallyGen(t, id, eligible)})
	}
	return s
}

// finish completes a state with every remaining vote set to option.
func (s state) finish(option types.VoteOption) state {
	out := s
	out.tally = s.tally.Add(option, s.eligible-s.tally.Cast())
	out.houses = make([]types.HouseTally, len(s.houses))
	for i, h := range s.houses {
		out.houses[i] = h
		out.houses[i].Tally = h.Tally.Add(option, h.EligibleWeight-h.Tally.Cast())
	}
	return out
}

// TestAlternativesOutcomeIsSoundAndExact checks Outcome under alternatives
// and several rules: once decided, no continuation of the vote changes the
// result; while undecided, one continuation passes (everyone left yes) and
// one fails (everyone left no, or nobody else voting), so Outcome never
// waits for a result that is already certain.
func TestAlternativesOutcomeIsSoundAndExact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := altStateGen(t)
		decided, passed := s.rule.Outcome(s.tally, s.eligible, s.houses)
		if !decided {
			if passed {
				t.Fatalf("undecided motions must report passed=false")
			}
			if !s.finish(types.OptionYes).passes() {
				t.Fatalf("undecided, but everyone left voting yes fails it")
			}
			if s.finish(types.OptionNo).passes() && s.passes() {
				t.Fatalf("undecided, but it passes whether the rest vote no or not at all")
			}
			return
		}
		final := s
		final.tally = continuation(t, "overall", s.tally, s.eligible)
		final.houses = make([]types.HouseTally, len(s.houses))
		for i, h := range s.houses {
			final.houses[i] = h
			final.houses[i].Tally = continuation(t, h.CommunityId, h.Tally, h.EligibleWeight)
		}
		if got := final.passes(); got != passed {
			t.Fatalf("Outcome said passed=%v, but the continuation %+v (houses %+v) gives %v", passed, final.tally, final.houses, got)
		}
	})
}

// TestAnyOfIsAnOr checks that a rule with alternatives passes exactly when
// the same rule with one alternative's houses added as plain houses does, for
// some alternative; and all_of exactly when each of its rules does.
func TestAnyOfIsAnOr(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := altStateGen(t)
		want := true
		for _, one := range append([]types.DecisionRule{withoutAllOf(s.rule)}, s.rule.AllOf...) {
			ok := len(one.AnyOf) == 0 && one.Passes(s.tally, s.eligible, s.houses)
			for _, alt := range one.AnyOf {
				plain := one
				plain.AnyOf = nil
				plain.Houses = append(append([]types.HouseRule(nil), one.Houses...), alt.Houses...)
				ok = ok || plain.Passes(s.tally, s.eligible, s.houses)
			}
			want = want && ok
		}
		if got := s.passes(); got != want {
			t.Fatalf("Passes=%v, the OR of alternatives and AND of rules gives %v", got, want)
		}
	})
}

func withoutAllOf(r types.DecisionRule) types.DecisionRule {
	r.AllOf = nil
	return r
}
