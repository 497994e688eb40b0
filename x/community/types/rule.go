package types

import (
	"time"

	"cosmossdk.io/math"
)

// MaxHouses bounds the per-house requirements of one rule, and so the work a
// vote does to update house tallies.
const MaxHouses = 4

// ParseFraction parses a decimal in [0, 1].
func ParseFraction(field, s string) (math.LegacyDec, error) {
	d, err := math.LegacyNewDecFromStr(s)
	if err != nil {
		return math.LegacyDec{}, ErrInvalidRule.Wrapf("%s %q: %v", field, s, err)
	}
	if d.IsNegative() || d.GT(math.LegacyOneDec()) {
		return math.LegacyDec{}, ErrInvalidRule.Wrapf("%s %s must be between 0 and 1", field, s)
	}
	return d, nil
}

// Validate checks the rule on its own; the house communities are checked
// against the store by the keeper.
func (r DecisionRule) Validate() error {
	thr, err := ParseFraction("threshold", r.Threshold)
	if err != nil {
		return err
	}
	if !thr.IsPositive() {
		return ErrInvalidRule.Wrap("threshold must be above 0")
	}
	if _, err := ParseFraction("quorum", r.Quorum); err != nil {
		return err
	}
	if r.VotingPeriod <= 0 {
		return ErrInvalidRule.Wrap("voting period must be positive")
	}
	if r.VotingPeriod > 365*24*time.Hour {
		return ErrInvalidRule.Wrap("voting period must be at most a year")
	}
	if r.Basis != BasisVotesCast && r.Basis != BasisAllMembers {
		return ErrInvalidRule.Wrapf("unknown threshold basis %d", r.Basis)
	}
	if len(r.Houses) > MaxHouses {
		return ErrInvalidRule.Wrapf("%d houses, at most %d", len(r.Houses), MaxHouses)
	}
	seen := map[string]bool{}
	for _, h := range r.Houses {
		if err := ValidateID(h.CommunityId); err != nil {
			return ErrInvalidRule.Wrapf("house: %v", err)
		}
		if seen[h.CommunityId] {
			return ErrInvalidRule.Wrapf("house %s listed twice", h.CommunityId)
		}
		seen[h.CommunityId] = true
		ht, err := ParseFraction("house threshold", h.Threshold)
		if err != nil {
			return err
		}
		if !ht.IsPositive() {
			return ErrInvalidRule.Wrapf("house %s threshold must be above 0", h.CommunityId)
		}
	}
	return nil
}

// Add returns the tally with weight added to option.
func (t Tally) Add(option VoteOption, weight uint64) Tally {
	switch option {
	case OptionYes:
		t.Yes += weight
	case OptionNo:
		t.No += weight
	case OptionAbstain:
		t.Abstain += weight
	}
	return t
}

// Cast is the total weight that voted.
func (t Tally) Cast() uint64 { return t.Yes + t.No + t.Abstain }

// meetsThreshold applies the basis and threshold to one tally: yes must reach
// threshold × basis and be strictly more than no, so a tie never passes.
func (r DecisionRule) meetsThreshold(t Tally, eligible uint64, threshold math.LegacyDec) bool {
	var basis uint64
	switch r.Basis {
	case BasisAllMembers:
		basis = eligible
	default:
		basis = t.Yes + t.No
		if r.AbstainCounts {
			basis += t.Abstain
		}
	}
	if basis == 0 || t.Yes <= t.No {
		return false
	}
	return math.LegacyNewDecFromInt(math.NewIntFromUint64(t.Yes)).GTE(threshold.MulInt(math.NewIntFromUint64(basis)))
}

// quorumMet reports whether enough of the eligible weight voted.
func (r DecisionRule) quorumMet(t Tally, eligible uint64) bool {
	quorum, err := ParseFraction("quorum", r.Quorum)
	if err != nil {
		return false
	}
	return math.LegacyNewDecFromInt(math.NewIntFromUint64(t.Cast())).GTE(quorum.MulInt(math.NewIntFromUint64(eligible)))
}

// thresholdsMet checks the overall and every house threshold. An unparsable
// threshold (impossible for a validated rule) fails rather than panics.
func (r DecisionRule) thresholdsMet(t Tally, eligible uint64, houses []HouseTally) bool {
	thr, err := ParseFraction("threshold", r.Threshold)
	if err != nil || !r.meetsThreshold(t, eligible, thr) {
		return false
	}
	for _, h := range r.Houses {
		ht, err := ParseFraction("house threshold", h.Threshold)
		if err != nil {
			return false
		}
		house, ok := findHouse(houses, h.CommunityId)
		if !ok || !r.meetsThreshold(house.Tally, house.EligibleWeight, ht) {
			return false
		}
	}
	return true
}

// Passes decides a motion whose voting is over.
func (r DecisionRule) Passes(t Tally, eligible uint64, houses []HouseTally) bool {
	return r.quorumMet(t, eligible) && r.thresholdsMet(t, eligible, houses)
}

// Outcome decides a motion early when no remaining vote can change the result.
// The weight that has not voted is eligible minus cast (an upper bound, since
// members may have left). Quorum only grows and thresholds only shrink as
// remaining members vote no, so the motion certainly passes when quorum is met
// now and the thresholds hold with every remaining vote a no; it certainly fails
// when it would fail even with every remaining vote a yes.
func (r DecisionRule) Outcome(t Tally, eligible uint64, houses []HouseTally) (decided, passed bool) {
	worst, worstHouses := withRemaining(t, eligible, houses, OptionNo)
	if r.quorumMet(t, eligible) && r.thresholdsMet(worst, eligible, worstHouses) {
		return true, true
	}
	best, bestHouses := withRemaining(t, eligible, houses, OptionYes)
	if !r.Passes(best, eligible, bestHouses) {
		return true, false
	}
	return false, false
}

// withRemaining adds every weight that has not yet voted to one option, overall
// and in each house.
func withRemaining(t Tally, eligible uint64, houses []HouseTally, option VoteOption) (Tally, []HouseTally) {
	out := make([]HouseTally, len(houses))
	for i, h := range houses {
		out[i] = h
		out[i].Tally = h.Tally.Add(option, remaining(h.Tally, h.EligibleWeight))
	}
	return t.Add(option, remaining(t, eligible)), out
}

func remaining(t Tally, eligible uint64) uint64 {
	if t.Cast() >= eligible {
		return 0
	}
	return eligible - t.Cast()
}

func findHouse(houses []HouseTally, id string) (HouseTally, bool) {
	for _, h := range houses {
		if h.CommunityId == id {
			return h, true
		}
	}
	return HouseTally{}, false
}

// DefaultBoardRule is a Board resolution by majority of the directors in office
// (ICANN: only directors count toward quorum and votes), with a week to vote.
func DefaultBoardRule() DecisionRule {
	return DecisionRule{
		Threshold:    "0.5",
		Quorum:       "0.5",
		VotingPeriod: 7 * 24 * time.Hour,
		Basis:        BasisAllMembers,
	}
}
