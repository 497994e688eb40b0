package types

import (
	"slices"
	"time"

	communitytypes "github.com/polity-chain/polity/x/community/types"
)

const day = 24 * time.Hour

// AllKinds lists the kinds from weakest to strongest.
func AllKinds() []ProposalKind {
	return []ProposalKind{KindResolution, KindTechnical, KindPolicy, KindBudget, KindStandardBylaw, KindFundamentalBylaw}
}

// AtLeast reports whether kind k is at least as strong as min. The enum
// numbers are the strength order.
func (k ProposalKind) AtLeast(min ProposalKind) bool { return k >= min }

// Valid reports whether k is a known kind.
func (k ProposalKind) Valid() bool { return k >= KindResolution && k <= KindFundamentalBylaw }

// boardRule is a Board vote by a fraction of all directors in office.
func boardRule(threshold string, period time.Duration) communitytypes.DecisionRule {
	return communitytypes.DecisionRule{Threshold: threshold, Quorum: "0.5", VotingPeriod: period, Basis: communitytypes.BasisAllMembers}
}

// DefaultKindRules are the production procedures, after ICANN: 40 days of
// public comment on policy, budgets and bylaws; Board majorities of all
// directors, two-thirds for standard and three-quarters for fundamental bylaw
// amendments; the Empowered Community's 21-day rejection window for budgets and
// standard bylaws, and approval within 51 days (30-day forum plus 21-day
// decision period) for fundamental bylaws (icann-procedures.md, 1.3-1.4).
// Resolutions, technical (operator) actions and policies have the same 21-day
// window as a challenge window: no Board decision takes effect before an IRP,
// a reconsideration request or (for operator actions) the EC's rejection
// petition could hold it. Urgency goes through the emergency path.
func DefaultKindRules() []KindRule {
	supporting := []Originator{OriginatorSupportingCommunity, OriginatorBoard}
	return []KindRule{
		{Kind: KindResolution, Originators: []Originator{OriginatorBoard}, BoardRule: boardRule("0.5", 7*day), EcTreatment: ECRejectionWindow, EcPeriod: 21 * day},
		{Kind: KindTechnical, Originators: []Originator{OriginatorBoard}, PublicCommentPeriod: 14 * day, BoardRule: boardRule("0.5", 7*day), EcTreatment: ECRejectionWindow, EcPeriod: 21 * day},
		{Kind: KindPolicy, Originators: []Originator{OriginatorSupportingCommunity}, PublicCommentPeriod: 40 * day, BoardRule: boardRule("0.5", 14*day), EcTreatment: ECRejectionWindow, EcPeriod: 21 * day},
		{Kind: KindBudget, Originators: supporting, PublicCommentPeriod: 40 * day, BoardRule: boardRule("0.5", 14*day), EcTreatment: ECRejectionWindow, EcPeriod: 21 * day},
		{Kind: KindStandardBylaw, Originators: supporting, PublicCommentPeriod: 40 * day, BoardRule: boardRule("0.666666666666666667", 14*day), EcTreatment: ECRejectionWindow, EcPeriod: 21 * day},
		{Kind: KindFundamentalBylaw, Originators: supporting, PublicCommentPeriod: 40 * day, BoardRule: boardRule("0.75", 14*day), EcTreatment: ECApprovalRequired, EcPeriod: 51 * day},
	}
}

// DefaultClassifications is the classification guard: the weakest kind that may
// carry each message type. Anything not listed needs DefaultMinKind.
func DefaultClassifications() []Classification {
	c := func(url string, k ProposalKind) Classification { return Classification{MsgTypeUrl: url, MinKind: k} }
	return []Classification{
		c("/cosmos.auth.v1beta1.MsgUpdateParams", KindTechnical),
		c("/cosmos.bank.v1beta1.MsgSend", KindBudget),
		c("/cosmos.bank.v1beta1.MsgSetSendEnabled", KindTechnical),
		c("/cosmos.bank.v1beta1.MsgUpdateParams", KindTechnical),
		c("/cosmos.consensus.v1.MsgUpdateParams", KindTechnical),
		c("/cosmos.upgrade.v1beta1.MsgCancelUpgrade", KindTechnical),
		c("/cosmos.upgrade.v1beta1.MsgSoftwareUpgrade", KindTechnical),
		c("/polity.community.v1.MsgCreateCommunity", KindStandardBylaw),
		c("/polity.community.v1.MsgSetDecisionRule", KindStandardBylaw),
		c("/polity.community.v1.MsgSetDecisionalParticipant", KindFundamentalBylaw),
		c("/polity.community.v1.MsgSetSeatAllocation", KindStandardBylaw),
		c("/polity.community.v1.MsgUpdateCommunityCharter", KindStandardBylaw),
		c("/polity.community.v1.MsgUpdateParams", KindStandardBylaw),
		c("/polity.empowered.v1.MsgRespondInspection", KindResolution),
		// the Empowered Community's procedures are fundamental bylaws
		c("/polity.empowered.v1.MsgUpdateParams", KindFundamentalBylaw),
		c("/polity.proposals.v1.MsgRespondToAdvice", KindResolution),
		c("/polity.proposals.v1.MsgUpdateParams", KindFundamentalBylaw),
		// the Board's part in reviews, cases and emergencies is by resolution;
		// removing a panelist is not listed, so it needs a FUNDAMENTAL_BYLAW
		c("/polity.review.v1.MsgAppointOmbudsman", KindResolution),
		c("/polity.review.v1.MsgAppointPanelist", KindResolution),
		c("/polity.review.v1.MsgAppointReviewTeam", KindResolution),
		c("/polity.review.v1.MsgChoosePanelist", KindResolution),
		c("/polity.review.v1.MsgDecideRecommendation", KindResolution),
		c("/polity.review.v1.MsgDecideReconsideration", KindResolution),
		c("/polity.review.v1.MsgLiftEmergency", KindResolution),
		c("/polity.review.v1.MsgRatifyEmergency", KindResolution),
		c("/polity.review.v1.MsgRecordBoardAction", KindResolution),
		c("/polity.review.v1.MsgRecordImplementation", KindResolution),
		// x/review's params are the safety params of review and emergencies
		// (filing windows, emergency limits, the standing panel's minimum)
		c("/polity.review.v1.MsgUpdateParams", KindFundamentalBylaw),
	}
}

// DefaultParams are the production defaults.
func DefaultParams() Params {
	return Params{
		KindRules:              DefaultKindRules(),
		Classifications:        DefaultClassifications(),
		DefaultMinKind:         KindFundamentalBylaw,
		AdviceResponsePeriod:   60 * day,
		AdviceWait:             30 * day,
		AgainstAdviceThreshold: "0.6",
		MaxTitleLength:         256,
		MaxSummaryLength:       10_000,
		MaxTextLength:          10_000,
		MaxUriLength:           512,
		MaxMessages:            16,
		MaxQueueItemsPerBlock:  100,
		BoardThresholds:        DefaultBoardThresholds(),
		ResubmissionCoolingOff: 90 * day,
	}
}

// AppointOmbudsmanTypeURL appoints the ombudsman, and so removes the one in office.
const AppointOmbudsmanTypeURL = "/polity.review.v1.MsgAppointOmbudsman"

// DefaultBoardThresholds: the ombudsman is appointed and removed only by
// three quarters of the Board's voting seats (icann-procedures.md 6: removal
// by a 75% Board vote; an appointment mid-term is a removal).
func DefaultBoardThresholds() []communitytypes.MessageThreshold {
	return []communitytypes.MessageThreshold{{MsgTypeUrl: AppointOmbudsmanTypeURL, Threshold: "0.75"}}
}

// BoardThresholdFloors are the constitutional floors of board_thresholds.
func BoardThresholdFloors() []communitytypes.MessageThreshold {
	return DefaultBoardThresholds()
}

// KindRule returns the rule of a kind.
func (p Params) KindRule(kind ProposalKind) (KindRule, bool) {
	for _, r := range p.KindRules {
		if r.Kind == kind {
			return r, true
		}
	}
	return KindRule{}, false
}

// MinKind returns the weakest kind that may carry a message type.
func (p Params) MinKind(typeURL string) ProposalKind {
	i, found := slices.BinarySearchFunc(p.Classifications, typeURL, func(c Classification, url string) int {
		switch {
		case c.MsgTypeUrl < url:
			return -1
		case c.MsgTypeUrl > url:
			return 1
		}
		return 0
	})
	if found {
		return p.Classifications[i].MinKind
	}
	return p.DefaultMinKind
}

// Validate checks every rule and limit. Classifications must be sorted by
// type URL and unique, so lookups are a binary search.
func (p Params) Validate() error {
	if len(p.KindRules) != len(AllKinds()) {
		return ErrInvalidParams.Wrapf("want one rule per kind (%d), got %d", len(AllKinds()), len(p.KindRules))
	}
	for _, kind := range AllKinds() {
		r, ok := p.KindRule(kind)
		if !ok {
			return ErrInvalidParams.Wrapf("no rule for %s", kind)
		}
		if err := r.Validate(); err != nil {
			return err
		}
		// every decision gets a window in which it can be challenged before
		// it takes effect (only resolutions answering a check skip it, see
		// AnswersOnly)
		if r.EcTreatment == ECNone {
			return ErrInvalidParams.Wrapf("%s: every kind needs a challenge window (rejection window or approval), not %s", kind, r.EcTreatment)
		}
	}
	for i, c := range p.Classifications {
		if c.MsgTypeUrl == "" || !c.MinKind.Valid() {
			return ErrInvalidParams.Wrapf("classification %d: type URL and a valid kind are required", i)
		}
		if i > 0 && p.Classifications[i-1].MsgTypeUrl >= c.MsgTypeUrl {
			return ErrInvalidParams.Wrap("classifications must be sorted by type URL, without duplicates")
		}
	}
	if !p.DefaultMinKind.Valid() {
		return ErrInvalidParams.Wrap("default_min_kind must be a valid kind")
	}
	if p.AdviceResponsePeriod <= 0 || p.AdviceWait < 0 {
		return ErrInvalidParams.Wrap("advice response period must be positive and advice wait non-negative")
	}
	if p.ResubmissionCoolingOff <= 0 || p.ResubmissionCoolingOff > 2*365*day {
		return ErrInvalidParams.Wrap("resubmission_cooling_off must be in (0, 2 years]")
	}
	if err := communitytypes.ValidateMessageThresholds("board_thresholds", p.BoardThresholds, BoardThresholdFloors()); err != nil {
		return ErrInvalidParams.Wrap(err.Error())
	}
	thr, err := communitytypes.ParseFraction("against_advice_threshold", p.AgainstAdviceThreshold)
	if err != nil || !thr.IsPositive() {
		return ErrInvalidParams.Wrapf("against_advice_threshold %q must be in (0, 1]", p.AgainstAdviceThreshold)
	}
	limits := []struct {
		name       string
		value, max uint32
	}{
		{"max_title_length", p.MaxTitleLength, 1_000}, {"max_summary_length", p.MaxSummaryLength, 100_000},
		{"max_text_length", p.MaxTextLength, 100_000}, {"max_uri_length", p.MaxUriLength, 4_096},
		{"max_messages", p.MaxMessages, 100}, {"max_queue_items_per_block", p.MaxQueueItemsPerBlock, 10_000},
	}
	for _, l := range limits {
		if l.value == 0 || l.value > l.max {
			return ErrInvalidParams.Wrapf("%s must be in [1, %d], got %d", l.name, l.max, l.value)
		}
	}
	return nil
}

// Validate checks one kind's procedure.
func (r KindRule) Validate() error {
	if len(r.Originators) == 0 {
		return ErrInvalidParams.Wrapf("%s: at least one originator", r.Kind)
	}
	for _, o := range r.Originators {
		if o != OriginatorSupportingCommunity && o != OriginatorBoard {
			return ErrInvalidParams.Wrapf("%s: unknown originator %d", r.Kind, o)
		}
	}
	if r.PublicCommentPeriod < 0 || r.PublicCommentPeriod > 365*day {
		return ErrInvalidParams.Wrapf("%s: public comment period out of [0, 1 year]", r.Kind)
	}
	if err := r.BoardRule.Validate(); err != nil {
		return ErrInvalidParams.Wrapf("%s board rule: %v", r.Kind, err)
	}
	if len(r.BoardRule.HouseIDs()) > 0 {
		return ErrInvalidParams.Wrapf("%s: the Board has no houses", r.Kind)
	}
	if len(r.BoardRule.Actions) > 0 {
		return ErrInvalidParams.Wrapf("%s: a proposal kind's Board rule has no action rules (the kind is the action)", r.Kind)
	}
	switch r.EcTreatment {
	case ECNone:
	case ECRejectionWindow, ECApprovalRequired:
		if r.EcPeriod <= 0 || r.EcPeriod > 365*day {
			return ErrInvalidParams.Wrapf("%s: EC period out of (0, 1 year]", r.Kind)
		}
	default:
		return ErrInvalidParams.Wrapf("%s: unknown EC treatment %d", r.Kind, r.EcTreatment)
	}
	return nil
}

// Allows reports whether an originator may originate the rule's kind.
func (r KindRule) Allows(o Originator) bool { return slices.Contains(r.Originators, o) }
