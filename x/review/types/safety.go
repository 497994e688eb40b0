package types

import (
	"time"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/polity-chain/polity/x/community/types"
)

// Constitutional bounds of the safety parameters. Changing x/review's params
// needs a FUNDAMENTAL bylaw (the classification guard), and even that cannot
// switch a check off: a filing window of a nanosecond or an emergency that
// outlives a year is refused here.
const (
	// floorFilingWindow bounds the IRP filing and reconsideration windows from
	// below: ICANN's reconsideration window, the shorter of the two (30 days,
	// icann-procedures.md).
	floorFilingWindow = 30 * day
	// ceilingEmergencyExpiry bounds an unratified emergency's life: it must
	// be ratified (by resolution, within its own checks) to last longer.
	ceilingEmergencyExpiry = 30 * day
	// floorEmergencyCooldown keeps a lapsed measure from being re-taken on
	// the same target at once.
	floorEmergencyCooldown = 7 * day
)

// checkSafetyBounds refuses safety parameters outside their constitutional
// bounds, naming the parameter and the bound.
func (p Params) checkSafetyBounds() error {
	bounds := []struct {
		name     string
		d        time.Duration
		min, max time.Duration
	}{
		{"irp_filing_window", p.IrpFilingWindow, floorFilingWindow, 2 * 365 * day},
		{"reconsideration_window", p.ReconsiderationWindow, floorFilingWindow, 2 * 365 * day},
		{"emergency_expiry", p.EmergencyExpiry, time.Second, ceilingEmergencyExpiry},
		{"emergency_cooldown", p.EmergencyCooldown, floorEmergencyCooldown, ceilingEmergency},
	}
	for _, b := range bounds {
		if b.d < b.min || b.d > b.max {
			return ErrInvalidParams.Wrapf("%s must be in [%s, %s], got %s (a constitutional bound)", b.name, b.min, b.max, b.d)
		}
	}
	return nil
}

// ceilingDeposit bounds every filing deposit: a deposit priced out of reach,
// or asked in a denomination filers do not hold, would switch the filing off
// as surely as closing its window. 10,000,000upolity is 100 times the IRP
// deposit's default.
var ceilingDeposit = math.NewInt(10_000_000)

// checkDepositBound refuses a deposit in another denomination than the fee
// token or above the ceiling.
func checkDepositBound(name string, deposit sdk.Coins) error {
	for _, c := range deposit {
		if c.Denom != communitytypes.FeeDenom || c.Amount.GT(ceilingDeposit) {
			return ErrInvalidParams.Wrapf("%s must be at most %s%s, got %s (a constitutional bound)", name, ceilingDeposit, communitytypes.FeeDenom, deposit)
		}
	}
	return nil
}
