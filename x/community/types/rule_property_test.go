package types_test

import (
	"fmt"
	"testing"
	"time"

	"pgregory.net/rapid"

	"cosmossdk.io/math"

	"github.com/polity-chain/polity/x/community/types"
)

// Property tests of the pure tally functions in rule.go. Weights are kept
// small so that the generated states and continuations hit the interesting
// cases (ties, thresholds met exactly, empty electorates) often.

const maxWeight = 40

// fraction draws a decimal in [lo/1000, 1] with three digits.
func fraction(t *rapid.T, label string, lo int) string {
	return math.LegacyNewDecWithPrec(int64(rapid.IntRange(lo, 1000).Draw(t, label)), 3).String()
}

// ruleGen draws a valid rule with up to two houses.
func ruleGen(t *rapid.T) types.DecisionRule {
	r := types.DecisionRule{
		Threshold:     fraction(t, "threshold", 1),
		Quorum:        fraction(t, "quorum", 0),
		VotingPeriod:  time.Hour,
		Basis:         rapid.SampledFrom([]types.ThresholdBasis{types.BasisVotesCast, types.BasisAllMembers}).Draw(t, "basis"),
		AbstainCounts: rapid.Bool().Draw(t, "abstain_counts"),
	}
	houses := rapid.IntRange(0, 2).Draw(t, "houses")
	for _, id := range []string{"aa", "bb"}[:houses] {
		r.Houses = append(r.Houses, types.HouseRule{CommunityId: id, Threshold: fraction(t, id+"_threshold", 1)})
	}
	if err := r.Validate(); err != nil {
		t.Fatalf("generated an invalid rule: %v", err)
	}
	return r
}

// tallyGen draws a tally whose cast weight is at most eligible.
func tallyGen(t *rapid.T, label string, eligible uint64) types.Tally {
	yes := rapid.Uint64Range(0, eligible).Draw(t, label+"_yes")
	no := rapid.Uint64Range(0, eligible-yes).Draw(t, label+"_no")
	abstain := rapid.Uint64Range(0, eligible-yes-no).Draw(t, label+"_abstain")
	return types.Tally{Yes: yes, No: no, Abstain: abstain}
}

// state is a motion part-way through its vote: the overall tally and one
// tally per house, each within its electorate.
type state struct {
	rule     types.DecisionRule
	tally    types.Tally
	eligible uint64
	houses   []types.HouseTally
}

func stateGen(t *rapid.T) state {
	s := state{rule: ruleGen(t), eligible: rapid.Uint64Range(0, maxWeight).Draw(t, "eligible")}
	s.tally = tallyGen(t, "tally", s.eligible)
	for _, h := range s.rule.Houses {
		eligible := rapid.Uint64Range(0, maxWeight).Draw(t, h.CommunityId+"_eligible")
		s.houses = append(s.houses, types.HouseTally{CommunityId: h.CommunityId, EligibleWeight: eligible, Tally: tallyGen(t, h.CommunityId, eligible)})
	}
	return s
}

// continuation adds the votes of some of the weight that has not voted yet:
// everyone yes, everyone no, nobody, or a random split.
func continuation(t *rapid.T, label string, tally types.Tally, eligible uint64) types.Tally {
	left := eligible - tally.Cast()
	switch rapid.IntRange(0, 3).Draw(t, label+"_kind") {
	case 0:
		return tally.Add(types.OptionYes, left)
	case 1:
		return tally.Add(types.OptionNo, left)
	case 2:
		return tally
	default:
		more := tallyGen(t, label+"_more", left)
		return tally.Add(types.OptionYes, more.Yes).Add(types.OptionNo, more.No).Add(types.OptionAbstain, more.Abstain)
	}
}

// passes applies Passes to a state.
func (s state) passes() bool { return s.rule.Passes(s.tally, s.eligible, s.houses) }

// TestOutcomeIsSound checks that Outcome never decides a motion that some
// continuation of the remaining votes would decide the other way: once it
// says decided, every way the rest of the electorate (overall and in each
// house) may vote, or not vote, gives the same result.
func TestOutcomeIsSound(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := stateGen(t)
		decided, passed := s.rule.Outcome(s.tally, s.eligible, s.houses)
		if !decided {
			if passed {
				t.Fatalf("undecided motions must report passed=false")
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

// TestOutcomeDecidesFinishedVotes checks that a vote in which everyone has
// voted is always decided, with the result Passes gives.
func TestOutcomeDecidesFinishedVotes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := stateGen(t)
		s.tally = s.tally.Add(types.OptionAbstain, s.eligible-s.tally.Cast())
		for i := range s.houses {
			h := &s.houses[i]
			h.Tally = h.Tally.Add(types.OptionNo, h.EligibleWeight-h.Tally.Cast())
		}
		decided, passed := s.rule.Outcome(s.tally, s.eligible, s.houses)
		if !decided || passed != s.passes() {
			t.Fatalf("finished vote: decided=%v passed=%v, Passes=%v", decided, passed, s.passes())
		}
	})
}

// TestPassesMonotoneInYes checks that more yes weight never turns a pass into
// a fail: added to the overall tally or to a house, or by turning a no into a
// yes.
func TestPassesMonotoneInYes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := stateGen(t)
		if !s.passes() {
			return
		}
		more := s
		more.tally = s.tally.Add(types.OptionYes, rapid.Uint64Range(0, maxWeight).Draw(t, "extra_yes"))
		if !more.passes() {
			t.Fatalf("adding yes votes to %+v made it fail", s.tally)
		}
		flipped := s
		n := rapid.Uint64Range(0, s.tally.No).Draw(t, "flipped")
		flipped.tally.No -= n
		flipped.tally.Yes += n
		if !flipped.passes() {
			t.Fatalf("turning %d no votes of %+v into yes made it fail", n, s.tally)
		}
		if len(s.houses) > 0 {
			i := rapid.IntRange(0, len(s.houses)-1).Draw(t, "house")
			house := s
			house.houses = append([]types.HouseTally(nil), s.houses...)
			house.houses[i].Tally = house.houses[i].Tally.Add(types.OptionYes, rapid.Uint64Range(0, maxWeight).Draw(t, "house_yes"))
			if !house.passes() {
				t.Fatalf("adding yes votes to house %d made it fail", i)
			}
		}
	})
}

// TestTiesNeverPass checks that an even split of yes and no never passes,
// whatever the threshold, quorum or abstentions, overall or in any house.
func TestTiesNeverPass(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := stateGen(t)
		n := rapid.Uint64Range(0, maxWeight).Draw(t, "tie")
		overall := s
		overall.tally.Yes, overall.tally.No = n, n
		overall.eligible = max(s.eligible, overall.tally.Cast())
		if overall.passes() {
			t.Fatalf("a %d-%d tie passed under %+v", n, n, s.rule)
		}
		if len(s.houses) > 0 {
			i := rapid.IntRange(0, len(s.houses)-1).Draw(t, "house")
			house := s
			house.houses = append([]types.HouseTally(nil), s.houses...)
			house.houses[i].Tally.Yes, house.houses[i].Tally.No = n, n
			if house.passes() {
				t.Fatalf("a %d-%d tie in house %d passed", n, n, i)
			}
		}
	})
}

// TestOutcomeLargeWeights repeats the soundness check with weights near the
// member cap, where the decimal arithmetic, not the small cases, is exercised.
func TestOutcomeLargeWeights(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rule := ruleGen(t)
		rule.Houses = nil
		eligible := rapid.Uint64Range(0, 1_000_000_000).Draw(t, "eligible")
		tally := tallyGen(t, "tally", eligible)
		decided, passed := rule.Outcome(tally, eligible, nil)
		if !decided {
			return
		}
		for _, option := range []types.VoteOption{types.OptionYes, types.OptionNo, types.OptionAbstain} {
			final := tally.Add(option, eligible-tally.Cast())
			if rule.Passes(final, eligible, nil) != passed {
				t.Fatalf("%s: everyone left voting %s flips the decided outcome", fmt.Sprint(tally), option)
			}
		}
		if rule.Passes(tally, eligible, nil) != passed {
			t.Fatalf("%s: nobody else voting flips the decided outcome", fmt.Sprint(tally))
		}
	})
}
