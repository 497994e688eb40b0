package types

import (
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// FeeDenom is the chain's fee token.
const FeeDenom = "upolity"

// DefaultParams are production-leaning defaults; the local constitution shortens
// nothing here, only voting periods in its decision rules. ICANN directors serve
// three-year terms, at most three in a row, and at most five of fifteen come from
// one region (reference: icann-procedures.md, Board composition).
func DefaultParams() Params {
	return Params{
		Bootstrap: false,
		Board: BoardRules{
			TermDuration:                3 * 365 * 24 * time.Hour,
			MaxConsecutiveTerms:         3,
			CoolingOffPeriod:            365 * 24 * time.Hour,
			MaxVotingDirectorsPerRegion: 5,
		},
		MaxNameLength:         128,
		MaxTitleLength:        256,
		MaxSummaryLength:      10_000,
		MaxUriLength:          512,
		MaxReasonLength:       1_000,
		MaxMessagesPerMotion:  16,
		MaxQueueItemsPerBlock: 100,
		MaxValidatorPower:     1_000_000,
		MaxCommunities:        64,
		OpenDoorMinFee:        sdk.NewCoins(sdk.NewInt64Coin(FeeDenom, 1_000)),
		MotionThresholds:      DefaultMotionThresholds(),
		// CometBFT's x/slashing defaults count 100 blocks and tolerate half
		// missed; at production block times a window is a few minutes.
		LivenessWindow:  100,
		MaxMissedBlocks: 50,
	}
}

// Validate checks every bound.
func (p Params) Validate() error {
	b := p.Board
	if b.TermDuration <= 0 || b.MaxConsecutiveTerms == 0 || b.CoolingOffPeriod < 0 || b.MaxVotingDirectorsPerRegion == 0 {
		return ErrInvalidParams.Wrap("board rules need a positive term, term limit and regional cap, and a non-negative cooling-off period")
	}
	limits := []struct {
		name  string
		value uint32
		max   uint32
	}{
		{"max_name_length", p.MaxNameLength, ceilingNameLength},
		{"max_title_length", p.MaxTitleLength, 1_000},
		{"max_summary_length", p.MaxSummaryLength, 100_000},
		{"max_uri_length", p.MaxUriLength, ceilingURILength},
		{"max_reason_length", p.MaxReasonLength, 10_000},
		{"max_messages_per_motion", p.MaxMessagesPerMotion, 100},
		{"max_queue_items_per_block", p.MaxQueueItemsPerBlock, 10_000},
		{"max_communities", p.MaxCommunities, ceilingCommunities},
	}
	for _, l := range limits {
		if l.value == 0 || l.value > l.max {
			return ErrInvalidParams.Wrapf("%s must be in [1, %d], got %d", l.name, l.max, l.value)
		}
	}
	if p.LivenessWindow == 0 || p.LivenessWindow > ceilingLivenessWindow || p.MaxMissedBlocks >= p.LivenessWindow {
		return ErrInvalidParams.Wrapf("liveness_window must be in [1, %d] and max_missed_blocks below it, got %d and %d",
			ceilingLivenessWindow, p.LivenessWindow, p.MaxMissedBlocks)
	}
	// CometBFT caps the total voting power at MaxInt64/8; keep one validator far below.
	if p.MaxValidatorPower <= 0 || p.MaxValidatorPower > ceilingValidatorPower {
		return ErrInvalidParams.Wrapf("max_validator_power must be in [1, 1e9], got %d", p.MaxValidatorPower)
	}
	if len(p.BootstrapNote) > maxBootstrapNote {
		return ErrInvalidParams.Wrapf("bootstrap_note is %d bytes, at most %d", len(p.BootstrapNote), maxBootstrapNote)
	}
	if p.BootstrapNote != "" && !p.Bootstrap {
		return ErrInvalidParams.Wrap("bootstrap_note must be empty when bootstrap is off")
	}
	if err := p.OpenDoorMinFee.Validate(); err != nil {
		return ErrInvalidParams.Wrapf("open_door_min_fee: %v", err)
	}
	return ValidateMessageThresholds("motion_thresholds", p.MotionThresholds, MotionThresholdFloors())
}

// Hard ceilings of the limits in Params.
const (
	ceilingNameLength     = 1_000
	ceilingURILength      = 4_096
	ceilingCommunities    = 1_000
	ceilingValidatorPower = 1_000_000_000
	ceilingLivenessWindow = 100_000
	maxBootstrapNote      = 1_000
)

// Ceilings returns the params with every record limit raised to its hard
// ceiling. Genesis checks existing records against these, not against the
// current limits: a bylaw that lowers a limit binds new input only, and
// records made under the old limit stay valid (and exportable).
func (p Params) Ceilings() Params {
	c := p
	c.MaxNameLength, c.MaxUriLength = ceilingNameLength, ceilingURILength
	c.MaxCommunities, c.MaxValidatorPower = ceilingCommunities, ceilingValidatorPower
	return c
}

// BootstrapWarning is what a node logs at every start while bootstrap mode
// is on: the suspended cap and, when recorded, why and since when.
func (p Params) BootstrapWarning() string {
	const head = "BOOTSTRAP MODE: the 1/3 validator power cap is suspended"
	if p.BootstrapNote == "" {
		return head + "; use only for a single-node development chain"
	}
	return head + " (" + p.BootstrapNote + "); admit validators by motion, then switch it off with update-params"
}
