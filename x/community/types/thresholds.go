package types

import (
	"cosmossdk.io/math"
)

// VacateSeatTypeURL is the message that ends a director's term early.
const VacateSeatTypeURL = "/polity.community.v1.MsgVacateSeat"

// MotionThresholdFloors are the constitutional floors of motion_thresholds:
// a body's decision to remove its director never needs less than two thirds
// of its members, and the entry cannot be dropped.
func MotionThresholdFloors() []MessageThreshold {
	return []MessageThreshold{{MsgTypeUrl: VacateSeatTypeURL, Threshold: "0.666666666666666667"}}
}

// DefaultMotionThresholds: an appointing community removes its director by
// three quarters of its members (icann-procedures.md 1.5: 75% within the
// SO/AC, per the CCWG).
func DefaultMotionThresholds() []MessageThreshold {
	return []MessageThreshold{{MsgTypeUrl: VacateSeatTypeURL, Threshold: "0.75"}}
}

// ValidateMessageThresholds checks each entry's fraction and that no type is
// listed twice, and that every floor's type is listed at or above it.
func ValidateMessageThresholds(field string, ts, floors []MessageThreshold) error {
	seen := map[string]bool{}
	for _, t := range ts {
		if t.MsgTypeUrl == "" || seen[t.MsgTypeUrl] {
			return ErrInvalidParams.Wrapf("%s: type %q empty or listed twice", field, t.MsgTypeUrl)
		}
		seen[t.MsgTypeUrl] = true
		d, err := ParseFraction(field+" of "+t.MsgTypeUrl, t.Threshold)
		if err != nil {
			return ErrInvalidParams.Wrap(err.Error())
		}
		if !d.IsPositive() {
			return ErrInvalidParams.Wrapf("%s of %s must be above 0", field, t.MsgTypeUrl)
		}
	}
	for _, f := range floors {
		floor := math.LegacyMustNewDecFromStr(f.Threshold)
		found := false
		for _, t := range ts {
			if t.MsgTypeUrl == f.MsgTypeUrl {
				found = true
				if math.LegacyMustNewDecFromStr(t.Threshold).LT(floor) {
					return ErrInvalidParams.Wrapf("%s of %s must be at least %s, got %s", field, t.MsgTypeUrl, f.Threshold, t.Threshold)
				}
			}
		}
		if !found {
			return ErrInvalidParams.Wrapf("%s must set %s (at least %s)", field, f.MsgTypeUrl, f.Threshold)
		}
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
