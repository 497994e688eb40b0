package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/x/community/types"
)

// majority is a simple-majority rule of the votes cast with a half quorum.
func majority() types.DecisionRule {
	return types.DecisionRule{Threshold: "0.5", Quorum: "0.5", VotingPeriod: time.Hour, Basis: types.BasisVotesCast}
}

// TestDecisionRuleValidate checks every bound of a rule.
func TestDecisionRuleValidate(t *testing.T) {
	require.NoError(t, majority().Validate())
	require.NoError(t, types.DefaultBoardRule().Validate())
	edit := func(f func(*types.DecisionRule)) types.DecisionRule {
		r := majority()
		f(&r)
		return r
	}
	house := func(id, thr string) types.HouseRule { return types.HouseRule{CommunityId: id, Threshold: thr} }
	tests := []struct {
		name string
		rule types.DecisionRule
	}{
		{"threshold not a number", edit(func(r *types.DecisionRule) { r.Threshold = "half" })},
		{"threshold zero", edit(func(r *types.DecisionRule) { r.Threshold = "0" })},
		{"threshold above one", edit(func(r *types.DecisionRule) { r.Threshold = "1.01" })},
		{"negative quorum", edit(func(r *types.DecisionRule) { r.Quorum = "-0.1" })},
		{"quorum above one", edit(func(r *types.DecisionRule) { r.Quorum = "2" })},
		{"empty quorum", edit(func(r *types.DecisionRule) { r.Quorum = "" })},
		{"no voting period", edit(func(r *types.DecisionRule) { r.VotingPeriod = 0 })},
		{"voting period above a year", edit(func(r *types.DecisionRule) { r.VotingPeriod = 366 * 24 * time.Hour })},
		{"unspecified basis", edit(func(r *types.DecisionRule) { r.Basis = types.BasisUnspecified })},
		{"too many houses", edit(func(r *types.DecisionRule) {
			r.Houses = []types.HouseRule{house("aa", "0.5"), house("bb", "0.5"), house("cc", "0.5"), house("dd", "0.5"), house("ee", "0.5")}
		})},
		{"house listed twice", edit(func(r *types.DecisionRule) { r.Houses = []types.HouseRule{house("aa", "0.5"), house("aa", "0.6")} })},
		{"house with bad id", edit(func(r *types.DecisionRule) { r.Houses = []types.HouseRule{house("A", "0.5")} })},
		{"house threshold zero", edit(func(r *types.DecisionRule) { r.Houses = []types.HouseRule{house("aa", "0")} })},
		{"house threshold above one", edit(func(r *types.DecisionRule) { r.Houses = []types.HouseRule{house("aa", "3")} })},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, tc.rule.Validate(), types.ErrInvalidRule)
		})
	}
	// Quorum 0 and threshold 1 are the legal extremes.
	require.NoError(t, edit(func(r *types.DecisionRule) { r.Quorum, r.Threshold = "0", "1" }).Validate())
}

// TestPassesExamples checks the tally rules on worked examples.
func TestPassesExamples(t *testing.T) {
	abstainCounts := majority()
	abstainCounts.AbstainCounts = true
	allMembers := majority()
	allMembers.Basis = types.BasisAllMembers
	twoThirds := majority()
	twoThirds.Threshold = "0.666666666666666667"
	tests := []struct {
		name     string
		rule     types.DecisionRule
		tally    types.Tally
		eligible uint64
		passes   bool
	}{
		{"simple majority", majority(), types.Tally{Yes: 3, No: 2}, 10, true},
		{"tie", majority(), types.Tally{Yes: 2, No: 2}, 4, false},
		{"no votes", majority(), types.Tally{}, 4, false},
		{"quorum missed", majority(), types.Tally{Yes: 4}, 10, false},
		{"quorum met exactly", majority(), types.Tally{Yes: 5}, 10, true},
		{"abstentions ignored", majority(), types.Tally{Yes: 2, No: 1, Abstain: 5}, 8, true},
		{"abstentions counted", abstainCounts, types.Tally{Yes: 2, No: 1, Abstain: 5}, 8, false},
		{"abstentions make quorum", majority(), types.Tally{Yes: 1, Abstain: 4}, 10, true},
		{"majority of all members", allMembers, types.Tally{Yes: 3, No: 0}, 7, false},
		{"majority of all members met", allMembers, types.Tally{Yes: 4, No: 0}, 7, true},
		{"two thirds missed", twoThirds, types.Tally{Yes: 6, No: 4}, 10, false},
		{"two thirds met", twoThirds, types.Tally{Yes: 7, No: 3}, 10, true},
		{"threshold one met by unanimity", func() types.DecisionRule { r := majority(); r.Threshold = "1"; return r }(), types.Tally{Yes: 3}, 3, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.passes, tc.rule.Passes(tc.tally, tc.eligible, nil))
		})
	}
}

// TestHousesExamples checks that every house must reach its own threshold.
func TestHousesExamples(t *testing.T) {
	rule := majority()
	rule.Houses = []types.HouseRule{{CommunityId: "aa", Threshold: "0.5"}, {CommunityId: "bb", Threshold: "0.6"}}
	tally := types.Tally{Yes: 6, No: 2}
	houses := func(a, b types.Tally) []types.HouseTally {
		return []types.HouseTally{{CommunityId: "aa", EligibleWeight: 4, Tally: a}, {CommunityId: "bb", EligibleWeight: 4, Tally: b}}
	}
	require.True(t, rule.Passes(tally, 8, houses(types.Tally{Yes: 3, No: 1}, types.Tally{Yes: 3, No: 1})))
	require.False(t, rule.Passes(tally, 8, houses(types.Tally{Yes: 2, No: 2}, types.Tally{Yes: 4})), "a tied house fails")
	require.False(t, rule.Passes(tally, 8, houses(types.Tally{Yes: 4}, types.Tally{Yes: 1, No: 1})))
	require.False(t, rule.Passes(tally, 8, houses(types.Tally{Yes: 4}, types.Tally{})), "an empty house fails")
	require.False(t, rule.Passes(tally, 8, houses(types.Tally{Yes: 4}, types.Tally{Yes: 4})[:1]), "a missing house fails")
}

// TestOutcomeExamples checks early decisions on worked examples.
func TestOutcomeExamples(t *testing.T) {
	tests := []struct {
		name            string
		tally           types.Tally
		eligible        uint64
		decided, passed bool
	}{
		{"nothing yet", types.Tally{}, 4, false, false},
		{"majority certain", types.Tally{Yes: 3}, 4, true, true},
		{"a tie still possible", types.Tally{Yes: 2}, 4, false, false},
		{"cannot pass", types.Tally{No: 2}, 4, true, false},
		{"all voted", types.Tally{Yes: 2, No: 2}, 4, true, false},
		{"no electorate", types.Tally{}, 0, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			decided, passed := majority().Outcome(tc.tally, tc.eligible, nil)
			require.Equal(t, tc.decided, decided)
			require.Equal(t, tc.passed, passed)
		})
	}
}

// TestTallyAdd checks that each option adds to its own count only.
func TestTallyAdd(t *testing.T) {
	tally := types.Tally{}.Add(types.OptionYes, 3).Add(types.OptionNo, 2).Add(types.OptionAbstain, 1).Add(types.OptionUnspecified, 9)
	require.Equal(t, types.Tally{Yes: 3, No: 2, Abstain: 1}, tally)
	require.Equal(t, uint64(6), tally.Cast())
}
