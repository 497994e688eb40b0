package types

import (
	"fmt"
	"slices"
	"time"

	"cosmossdk.io/math"
)

// MaxHouses bounds the distinct houses one rule names (in houses, any_of,
// its action rules and all_of together), and so the house tallies a motion
// keeps and the work a vote does to update them.
const MaxHouses = 4

// MaxAlternatives bounds a rule's any_of combinations.
const MaxAlternatives = 8

// MaxActionRules bounds a body's per-action rules.
const MaxActionRules = 16

// MaxTypeURLLength bounds an action rule's message type URL.
const MaxTypeURLLength = 256

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

// Validate checks a body's rule on its own: it may carry per-action rules
// but no all_of, which only a motion's copy has. The house communities and
// the message types are checked against the store by the keeper.
func (r DecisionRule) Validate() error {
	if len(r.AllOf) > 0 {
		return ErrInvalidRule.Wrap("all_of is set only on a motion's copy of its rule")
	}
	if err := r.validateOne(); err != nil {
		return err
	}
	if len(r.Actions) > MaxActionRules {
		return ErrInvalidRule.Wrapf("%d action rules, at most %d", len(r.Actions), MaxActionRules)
	}
	seen := map[string]bool{}
	for i, a := range r.Actions {
		if a.MsgTypeUrl == "" || len(a.MsgTypeUrl) > MaxTypeURLLength || a.MsgTypeUrl[0] != '/' {
			return ErrInvalidRule.Wrapf("actions[%d]: message type %q must start with / and be at most %d bytes", i, a.MsgTypeUrl, MaxTypeURLLength)
		}
		if seen[a.MsgTypeUrl] {
			return ErrInvalidRule.Wrapf("actions[%d]: message type %s listed twice", i, a.MsgTypeUrl)
		}
		seen[a.MsgTypeUrl] = true
		if len(a.Rule.Actions) > 0 || len(a.Rule.AllOf) > 0 {
			return ErrInvalidRule.Wrapf("actions[%d] (%s): an action rule has no actions or all_of of its own", i, a.MsgTypeUrl)
		}
		if err := a.Rule.validateOne(); err != nil {
			return ErrInvalidRule.Wrapf("actions[%d] (%s): %v", i, a.MsgTypeUrl, err)
		}
	}
	return r.checkHouseCount()
}

// ValidateMotionRule checks the rule a motion keeps: a rule without actions
// whose all_of rules are plain rules too.
func (r DecisionRule) ValidateMotionRule() error {
	if len(r.Actions) > 0 {
		return ErrInvalidRule.Wrap("a motion's rule has no action rules")
	}
	if err := r.validateOne(); err != nil {
		return err
	}
	if len(r.AllOf) > MaxActionRules {
		return ErrInvalidRule.Wrapf("%d further rules, at most %d", len(r.AllOf), MaxActionRules)
	}
	for i, a := range r.AllOf {
		if len(a.Actions) > 0 || len(a.AllOf) > 0 {
			return ErrInvalidRule.Wrapf("all_of[%d]: a further rule has no actions or all_of of its own", i)
		}
		if err := a.validateOne(); err != nil {
			return ErrInvalidRule.Wrapf("all_of[%d]: %v", i, err)
		}
	}
	return r.checkHouseCount()
}

// checkHouseCount bounds the distinct houses the rule names.
func (r DecisionRule) checkHouseCount() error {
	if n := len(r.HouseIDs()); n > MaxHouses {
		return ErrInvalidRule.Wrapf("%d distinct houses across the rule, its alternatives and action rules, at most %d", n, MaxHouses)
	}
	return nil
}

// validateOne checks one rule's own fields: threshold, quorum, period, basis,
// houses and alternatives.
func (r DecisionRule) validateOne() error {
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
	if err := validateHouses("", r.Houses); err != nil {
		return err
	}
	if len(r.AnyOf) > MaxAlternatives {
		return ErrInvalidRule.Wrapf("%d alternatives, at most %d", len(r.AnyOf), MaxAlternatives)
	}
	for i, alt := range r.AnyOf {
		if len(alt.Houses) == 0 {
			return ErrInvalidRule.Wrapf("any_of[%d] names no house", i)
		}
		if err := validateHouses(fmt.Sprintf("any_of[%d]: ", i), alt.Houses); err != nil {
			return err
		}
	}
	return nil
}

// validateHouses checks one list of house requirements.
func validateHouses(prefix string, houses []HouseRule) error {
	if len(houses) > MaxHouses {
		return ErrInvalidRule.Wrapf("%s%d houses, at most %d", prefix, len(houses), MaxHouses)
	}
	seen := map[string]bool{}
	for _, h := range houses {
		if err := ValidateID(h.CommunityId); err != nil {
			return ErrInvalidRule.Wrapf("%shouse: %v", prefix, err)
		}
		if seen[h.CommunityId] {
			return ErrInvalidRule.Wrapf("%shouse %s listed twice", prefix, h.CommunityId)
		}
		seen[h.CommunityId] = true
		ht, err := ParseFraction(prefix+"house threshold", h.Threshold)
		if err != nil {
			return err
		}
		if !ht.IsPositive() {
			return ErrInvalidRule.Wrapf("%shouse %s threshold must be above 0", prefix, h.CommunityId)
		}
	}
	return nil
}

// HouseIDs lists every distinct house the rule names, in houses, any_of,
// its action rules and its all_of rules, in the order first named. A motion
// keeps one house tally for each.
func (r DecisionRule) HouseIDs() []string {
	var out []string
	add := func(hs []HouseRule) {
		for _, h := range hs {
			if !slices.Contains(out, h.CommunityId) {
				out = append(out, h.CommunityId)
			}
		}
	}
	var walk func(DecisionRule)
	walk = func(d DecisionRule) {
		add(d.Houses)
		for _, alt := range d.AnyOf {
			add(alt.Houses)
		}
		for _, a := range d.Actions {
			walk(a.Rule)
		}
		for _, a := range d.AllOf {
			walk(a)
		}
	}
	walk(r)
	return out
}

// ForMessages returns the rule a motion carrying messages of the given types
// must meet, as the motion keeps it. Each message falls under the action
// rule of its type, or under the default rule (r itself) when none
// matches; a motion without messages falls under the default rule. When the
// messages fall under several rules the motion must meet every one of them:
// the first is returned with the others in all_of, and its voting period is
// the longest of theirs. The copy has no action rules.
func (r DecisionRule) ForMessages(typeURLs []string) DecisionRule {
	base := r
	base.Actions, base.AllOf = nil, nil
	var picked []int // -1 is the default rule, i the action rule actions[i]
	pick := func(i int) {
		if !slices.Contains(picked, i) {
			picked = append(picked, i)
		}
	}
	for _, url := range typeURLs {
		pick(slices.IndexFunc(r.Actions, func(a ActionRule) bool { return a.MsgTypeUrl == url }))
	}
	if len(picked) == 0 {
		pick(-1)
	}
	rules := make([]DecisionRule, len(picked))
	for n, i := range picked {
		if i < 0 {
			rules[n] = base
		} else {
			rules[n] = r.Actions[i].Rule
			rules[n].Actions, rules[n].AllOf = nil, nil
		}
	}
	out := rules[0]
	if len(rules) > 1 {
		out.AllOf = rules[1:]
	}
	for _, o := range out.AllOf {
		if o.VotingPeriod > out.VotingPeriod {
			out.VotingPeriod = o.VotingPeriod
		}
	}
	return out
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

// thresholdsMet checks the overall and every house threshold, and that at
// least one any_of combination holds when any are listed. An unparsable
// threshold (impossible for a validated rule) fails rather than panics.
func (r DecisionRule) thresholdsMet(t Tally, eligible uint64, houses []HouseTally) bool {
	thr, err := ParseFraction("threshold", r.Threshold)
	if err != nil || !r.meetsThreshold(t, eligible, thr) {
		return false
	}
	if !r.housesMet(r.Houses, houses) {
		return false
	}
	if len(r.AnyOf) == 0 {
		return true
	}
	for _, alt := range r.AnyOf {
		if r.housesMet(alt.Houses, houses) {
			return true
		}
	}
	return false
}

// housesMet reports whether every one of the house requirements holds.
func (r DecisionRule) housesMet(reqs []HouseRule, houses []HouseTally) bool {
	for _, h := range reqs {
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

// each lists the rule (without its all_of) and every rule of its all_of:
// the rules a motion must meet together.
func (r DecisionRule) each() []DecisionRule {
	if len(r.AllOf) == 0 {
		return []DecisionRule{r}
	}
	own := r
	own.AllOf = nil
	return append([]DecisionRule{own}, r.AllOf...)
}

// Passes decides a motion whose voting is over: quorum and thresholds of
// the rule and of every rule in its all_of.
func (r DecisionRule) Passes(t Tally, eligible uint64, houses []HouseTally) bool {
	for _, one := range r.each() {
		if !one.quorumMet(t, eligible) || !one.thresholdsMet(t, eligible, houses) {
			return false
		}
	}
	return true
}

// Outcome decides a motion early when no remaining vote can change the result.
// The weight that has not voted is eligible minus cast (an upper bound, since
// members may have left). Quorum only grows and thresholds only shrink as
// remaining members vote no, so the motion certainly passes when quorum is met
// now and the thresholds hold with every remaining vote a no; it certainly fails
// when it would fail even with every remaining vote a yes.
//
// Alternatives and several rules keep this exact: each condition is
// monotone (more yes never hurts), and so is an OR (any_of) or an AND
// (all_of) of monotone conditions. "Every remaining vote no" is the worst
// case for every alternative at once, so the motion is decided passed when
// in that case every rule still holds through some alternative (then no
// continuation can fail it), and decided rejected when, with every remaining
// vote yes, some rule has no alternative that holds.
func (r DecisionRule) Outcome(t Tally, eligible uint64, houses []HouseTally) (decided, passed bool) {
	worst, worstHouses := withRemaining(t, eligible, houses, OptionNo)
	certain := true
	for _, one := range r.each() {
		if !one.quorumMet(t, eligible) || !one.thresholdsMet(worst, eligible, worstHouses) {
			certain = false
			break
		}
	}
	if certain {
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
