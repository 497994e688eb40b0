package types

import (
	"cosmossdk.io/math"
)

// VacateSeatTypeURL is the message that ends a director's term early.
const VacateSeatTypeURL = "/polity.community.v1.MsgVacateSeat"

// Constitutional floors of the message thresholds: a body's decision to
// remove its director never needs less than two thirds of its members.
var floorVacateSeat = math.LegacyNewDecWithPrec(666666666666666667, 18)

// DefaultMotionThresholds: an appointing community removes its director by
// three quarters of its members (icann-procedures.md 1.5: 75% within the
// SO/AC, per the CCWG).
func DefaultMotionThresholds() []MessageThreshold {
	return []MessageThreshold{{MsgTypeUrl: VacateSeatTypeURL, Threshold: "0.75"}}
}

// validateMessageThresholds checks each entry's fraction and that no type is
// listed twice, and keeps the removal threshold at or above its floor.
func validateMessageThresholds(ts []MessageThreshold) error {
	seen := map[string]bool{}
	vacate := false
	for _, t := range ts {
		if t.MsgTypeUrl == "" || seen[t.MsgTypeUrl] {
			return ErrInvalidParams.Wrapf("motion threshold: type %q empty or listed twice", t.MsgTypeUrl)
		}
		seen[t.MsgTypeUrl] = true
		d, err := ParseFraction("motion threshold of "+t.MsgTypeUrl, t.Threshold)
		if err != nil {
			return ErrInvalidParams.Wrap(err.Error())
		}
		if !d.IsPositive() {
			return ErrInvalidParams.Wrapf("motion threshold of %s must be above 0", t.MsgTypeUrl)
		}
		if t.MsgTypeUrl == VacateSeatTypeURL {
			if d.LT(floorVacateSeat) {
				return ErrInvalidParams.Wrapf("removing a director needs at least 2/3 of the appointing body, got %s", t.Threshold)
			}
			vacate = true
		}
	}
	if !vacate {
		return ErrInvalidParams.Wrapf("motion_thresholds must set the removal threshold of %s", VacateSeatTypeURL)
	}
	return nil
}

// RaiseRule returns the rule a decision carrying messages of the given types
// must meet: the body's own, raised to at least each listed type's share of
// all members. Raising switches the basis to all members, which is never
// weaker than the same share of votes cast.
func RaiseRule(rule DecisionRule, thresholds []MessageThreshold, typeURLs []string) (DecisionRule, error) {
	need := math.LegacyZeroDec()
	for _, url := range typeURLs {
		for _, t := range thresholds {
			if t.MsgTypeUrl != url {
				continue
			}
			d, err := ParseFraction("threshold", t.Threshold)
			if err != nil {
				return rule, err
			}
			if d.GT(need) {
				need = d
			}
		}
	}
	if !need.IsPositive() {
		return rule, nil
	}
	current, err := ParseFraction("threshold", rule.Threshold)
	if err != nil {
		return rule, err
	}
	if rule.Basis == BasisAllMembers && current.GTE(need) {
		return rule, nil
	}
	rule.Basis = BasisAllMembers
	if current.GT(need) {
		need = current
	}
	rule.Threshold = need.String()
	return rule, nil
}
