package types

import (
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/polity-chain/polity/x/community/types"
)

const day = 24 * time.Hour

// MaxRecommendations bounds one report's recommendations; their queue ids
// pack (review, index) into one number.
const MaxRecommendations = 100

// DefaultParams follow icann-procedures.md: reconsideration within 30 days;
// the ombudsman's two-year term; specific reviews at least every five years;
// IRP filing 120 days after the decision and a Board deadline are
// [UNCONFIRMED] there, so they are parameters with those values.
func DefaultParams() Params {
	return Params{
		IrpFilingWindow:       120 * day,
		IrpDeposit:            sdk.NewCoins(sdk.NewInt64Coin(communitytypes.FeeDenom, 100_000)),
		PanelPickPeriod:       14 * day,
		BoardActionPeriod:     60 * day,
		ReconsiderationWindow: 30 * day,
		ReconsiderationPeriod: 90 * day,
		OmbudsmanTerm:         2 * 365 * day,
		ComplaintPeriod:       60 * day,
		ReviewCycles: []ReviewCycle{
			{Type: ReviewAccountability, Period: 5 * 365 * day, ReportPeriod: 365 * day},
			{Type: ReviewSecurity, Period: 5 * 365 * day, ReportPeriod: 365 * day},
			// one community per cycle, in id order: with the nine default
			// communities each is reviewed every 4.5 years, within ICANN's
			// "at least every 5 years" (Bylaws 4.4)
			{Type: ReviewOrganisational, Period: 180 * day, ReportPeriod: 180 * day},
			{Type: ReviewPostEmergency, ReportPeriod: 90 * day},
		},
		ImplementationPeriod:        365 * day,
		EmergencyKinds:              []EmergencyKind{EmergencyStatement, EmergencySuspendProposal, EmergencyPauseMessage},
		EmergencyConsultationPeriod: 2 * day,
		EmergencyExpiry:             14 * day,
		MaxTextLength:               10_000,
		MaxUriLength:                512,
		MaxProvisions:               20,
		MaxTeamSize:                 21,
		MaxQueueItemsPerBlock:       100,
		MinStandingPanel:            7,
		EmergencyMaxDuration:        90 * day,
		EmergencyCooldown:           30 * day,
		// 10x and 5x the open-door fee (x/community): enough that a flood
		// of filings costs real money, refunded to every good-faith filer
		ReconsiderationDeposit: sdk.NewCoins(sdk.NewInt64Coin(communitytypes.FeeDenom, 10_000)),
		ComplaintDeposit:       sdk.NewCoins(sdk.NewInt64Coin(communitytypes.FeeDenom, 5_000)),
		DrawSeedBlocks:         5,
	}
}

// floorStandingPanel is the constitutional floor of min_standing_panel: a
// case needs three distinct panelists beyond any conflict, so fewer than
// five would let one removal stall every new case.
const floorStandingPanel = 5

// ceilingEmergency bounds how long an emergency action may last, and its
// cooldown: urgency is for days and weeks, not a standing regime.
const ceilingEmergency = 365 * day

// floorDrawSeedBlocks is the fewest block hashes that may seed a draw: with
// one, that block's proposer could choose the seed; with several consecutive
// blocks, normally by different proposers, none knows the seed before the
// last of them.
const floorDrawSeedBlocks = 3

// ceilingDrawSeedBlocks bounds the seed blocks kept on each case.
const ceilingDrawSeedBlocks = 100

// Cycle returns a review type's cycle.
func (p Params) Cycle(t ReviewType) (ReviewCycle, bool) {
	for _, c := range p.ReviewCycles {
		if c.Type == t {
			return c, true
		}
	}
	return ReviewCycle{}, false
}

// Allows reports whether the Board chair may take an emergency action kind.
func (p Params) Allows(k EmergencyKind) bool {
	for _, allowed := range p.EmergencyKinds {
		if allowed == k {
			return true
		}
	}
	return false
}

// Validate checks every period and limit.
func (p Params) Validate() error {
	positive := []struct {
		name string
		d    time.Duration
	}{
		{"irp_filing_window", p.IrpFilingWindow}, {"panel_pick_period", p.PanelPickPeriod},
		{"board_action_period", p.BoardActionPeriod}, {"reconsideration_window", p.ReconsiderationWindow},
		{"reconsideration_period", p.ReconsiderationPeriod}, {"ombudsman_term", p.OmbudsmanTerm},
		{"complaint_period", p.ComplaintPeriod}, {"implementation_period", p.ImplementationPeriod},
		{"emergency_consultation_period", p.EmergencyConsultationPeriod}, {"emergency_expiry", p.EmergencyExpiry},
	}
	for _, d := range positive {
		if d.d <= 0 {
			return ErrInvalidParams.Wrapf("%s must be positive", d.name)
		}
	}
	if err := p.checkSafetyBounds(); err != nil {
		return err
	}
	for _, d := range []struct {
		name  string
		coins sdk.Coins
	}{{"irp_deposit", p.IrpDeposit}, {"reconsideration_deposit", p.ReconsiderationDeposit}, {"complaint_deposit", p.ComplaintDeposit}} {
		// Coins.Validate refuses negative, zero, unsorted and duplicate coins
		if err := d.coins.Validate(); err != nil {
			return ErrInvalidParams.Wrapf("%s: %v", d.name, err)
		}
		if err := checkDepositBound(d.name, d.coins); err != nil {
			return err
		}
	}
	if p.EmergencyMaxDuration < p.EmergencyExpiry || p.EmergencyMaxDuration > ceilingEmergency {
		return ErrInvalidParams.Wrapf("emergency_max_duration must be at least emergency_expiry and at most %s", ceilingEmergency)
	}
	if p.EmergencyCooldown < 0 || p.EmergencyCooldown > ceilingEmergency {
		return ErrInvalidParams.Wrapf("emergency_cooldown must be in [0, %s]", ceilingEmergency)
	}
	if p.MinStandingPanel < floorStandingPanel || p.MinStandingPanel > 1_000 {
		return ErrInvalidParams.Wrapf("min_standing_panel must be in [%d, 1000], got %d", floorStandingPanel, p.MinStandingPanel)
	}
	if p.DrawSeedBlocks < floorDrawSeedBlocks || p.DrawSeedBlocks > ceilingDrawSeedBlocks {
		return ErrInvalidParams.Wrapf("draw_seed_blocks must be in [%d, %d], got %d", floorDrawSeedBlocks, ceilingDrawSeedBlocks, p.DrawSeedBlocks)
	}
	seen := map[ReviewType]bool{}
	for _, c := range p.ReviewCycles {
		if _, ok := ReviewType_name[int32(c.Type)]; !ok || c.Type == ReviewTypeUnspecified || seen[c.Type] {
			return ErrInvalidParams.Wrapf("review cycle: unknown or duplicate type %d", c.Type)
		}
		seen[c.Type] = true
		if c.ReportPeriod <= 0 || (c.Type == ReviewPostEmergency) != (c.Period == 0) || c.Period < 0 {
			return ErrInvalidParams.Wrapf("review cycle %s: a positive report period, and a period except for post-emergency reviews", c.Type)
		}
		if c.PerCommunity && c.Type != ReviewOrganisational {
			return ErrInvalidParams.Wrapf("review cycle %s: only organisational reviews are per community", c.Type)
		}
	}
	if !seen[ReviewPostEmergency] {
		return ErrInvalidParams.Wrap("the post-emergency review cycle (its report period) is required")
	}
	for _, k := range p.EmergencyKinds {
		if k < EmergencyStatement || k > EmergencyPauseMessage {
			return ErrInvalidParams.Wrapf("unknown emergency kind %d", k)
		}
	}
	limits := []struct {
		name       string
		value, max uint32
	}{
		{"max_text_length", p.MaxTextLength, 100_000}, {"max_uri_length", p.MaxUriLength, 4_096},
		{"max_provisions", p.MaxProvisions, 100}, {"max_team_size", p.MaxTeamSize, 100},
		{"max_queue_items_per_block", p.MaxQueueItemsPerBlock, 10_000},
	}
	for _, l := range limits {
		if l.value == 0 || l.value > l.max {
			return ErrInvalidParams.Wrapf("%s must be in [1, %d]", l.name, l.max)
		}
	}
	return nil
}

// PerCommunityCycle returns the organisational review cycle when it is per
// community (every top-level community reviewed on its own schedule).
func (p Params) PerCommunityCycle() (ReviewCycle, bool) {
	for _, c := range p.ReviewCycles {
		if c.Type == ReviewOrganisational && c.PerCommunity && c.Period > 0 {
			return c, true
		}
	}
	return ReviewCycle{}, false
}

// ReviewedOnItsOwn reports whether a community gets its own organisational
// review under a per-community cycle: every top-level community but the
// secretariat. Sub-communities (houses, stakeholder groups, constituencies)
// are reviewed as part of their parent.
func ReviewedOnItsOwn(c communitytypes.Community) bool {
	return c.ParentId == "" && c.Kind != communitytypes.KindSecretariat
}
