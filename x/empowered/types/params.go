package types

import "time"

const day = 24 * time.Hour

// rejection builds a rejection or removal rule: petition, support, forum and
// decision periods of ICANN Annex D (21 days, 7 days, 21 days, 21 days; the
// forum and decision lengths are [UNCONFIRMED] there).
func rejection(p Power, support, objections uint32) PowerRule {
	return PowerRule{Power: p, MinSupport: support, MaxObjections: objections,
		PetitionPeriod: 21 * day, SupportPeriod: 7 * day, ForumPeriod: 21 * day, DecisionPeriod: 21 * day}
}

// approval builds an approval rule: a 30-day forum, then a 21-day decision.
func approval(p Power, support, objections uint32) PowerRule {
	return PowerRule{Power: p, MinSupport: support, MaxObjections: objections, Approval: true,
		ForumPeriod: 30 * day, DecisionPeriod: 21 * day}
}

// DefaultParams are ICANN's thresholds over five decisional participants
// (icann-procedures.md 1.3-1.5): budgets and a Board recall need four in
// support, the other powers three, with at most one objection.
func DefaultParams() Params {
	return Params{
		Rules: []PowerRule{
			rejection(PowerRejectBudget, 4, 1),
			rejection(PowerRejectStandardBylaw, 3, 1),
			approval(PowerApproveFundamentalBylaw, 3, 1),
			rejection(PowerRejectOperatorAction, 3, 1),
			rejection(PowerRecallBoard, 4, 1),
			rejection(PowerRemoveDirector, 3, 1),
			rejection(PowerCommunityIRP, 3, 1),
			rejection(PowerCommunityReconsideration, 3, 1),
			rejection(PowerInspection, 3, 1),
			approval(PowerConfirmPanelist, 3, 1),
		},
		InspectionResponsePeriod: 30 * day,
		RepresentativesMayAct:    true,
		MaxTextLength:            10_000,
		MaxUriLength:             512,
		MaxQueueItemsPerBlock:    100,
	}
}

// Rule returns a power's rule.
func (p Params) Rule(power Power) (PowerRule, bool) {
	for _, r := range p.Rules {
		if r.Power == power {
			return r, true
		}
	}
	return PowerRule{}, false
}

// AllPowers lists every power.
func AllPowers() []Power {
	return []Power{PowerRejectBudget, PowerRejectStandardBylaw, PowerApproveFundamentalBylaw, PowerRejectOperatorAction,
		PowerRecallBoard, PowerRemoveDirector, PowerCommunityIRP, PowerCommunityReconsideration, PowerInspection, PowerConfirmPanelist}
}

// IsApproval reports whether a power is an approval action (started by the
// Board's decision, never petitioned).
func IsApproval(p Power) bool {
	return p == PowerApproveFundamentalBylaw || p == PowerConfirmPanelist
}

// Validate checks one rule per power with sane thresholds and periods.
func (p Params) Validate() error {
	if len(p.Rules) != len(AllPowers()) {
		return ErrInvalidParams.Wrapf("want one rule per power (%d), got %d", len(AllPowers()), len(p.Rules))
	}
	for _, power := range AllPowers() {
		r, ok := p.Rule(power)
		if !ok {
			return ErrInvalidParams.Wrapf("no rule for %s", power)
		}
		if r.MinSupport == 0 || r.MinSupport > 100 || r.MaxObjections > 100 {
			return ErrInvalidParams.Wrapf("%s: min_support must be in [1, 100]", power)
		}
		if r.Approval != IsApproval(power) {
			return ErrInvalidParams.Wrapf("%s: approval flag must be %t", power, IsApproval(power))
		}
		if r.ForumPeriod <= 0 || r.DecisionPeriod <= 0 || (!r.Approval && (r.PetitionPeriod <= 0 || r.SupportPeriod <= 0)) {
			return ErrInvalidParams.Wrapf("%s: periods must be positive", power)
		}
	}
	if p.InspectionResponsePeriod <= 0 {
		return ErrInvalidParams.Wrap("inspection_response_period must be positive")
	}
	if p.MaxTextLength == 0 || p.MaxTextLength > 100_000 || p.MaxUriLength == 0 || p.MaxUriLength > 4_096 ||
		p.MaxQueueItemsPerBlock == 0 || p.MaxQueueItemsPerBlock > 10_000 {
		return ErrInvalidParams.Wrap("limits out of range")
	}
	return nil
}
