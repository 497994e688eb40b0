package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/review/types"
)

// TestParamsValidate checks the defaults and each rejection.
func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	cases := []struct {
		name string
		edit func(p *types.Params)
	}{
		{"zero filing window", func(p *types.Params) { p.IrpFilingWindow = 0 }},
		{"filing window under 30 days", func(p *types.Params) { p.IrpFilingWindow = 30*day - time.Second }},
		{"filing window over two years", func(p *types.Params) { p.IrpFilingWindow = 2*365*day + time.Second }},
		{"reconsideration window under 30 days", func(p *types.Params) { p.ReconsiderationWindow = 29 * day }},
		{"emergency over 30 days", func(p *types.Params) { p.EmergencyExpiry = 30*day + time.Second }},
		{"cooldown under 7 days", func(p *types.Params) { p.EmergencyCooldown = 7*day - time.Second }},
		{"negative pick period", func(p *types.Params) { p.PanelPickPeriod = -1 }},
		{"zero emergency expiry", func(p *types.Params) { p.EmergencyExpiry = 0 }},
		{"bad deposit", func(p *types.Params) { p.IrpDeposit = sdk.Coins{{Denom: "1bad", Amount: p.IrpDeposit[0].Amount}} }},
		{"one seed block", func(p *types.Params) { p.DrawSeedBlocks = 1 }},
		{"two seed blocks", func(p *types.Params) { p.DrawSeedBlocks = 2 }},
		{"too many seed blocks", func(p *types.Params) { p.DrawSeedBlocks = 101 }},
		{"negative reconsideration deposit", func(p *types.Params) {
			p.ReconsiderationDeposit = sdk.Coins{{Denom: "upolity", Amount: math.NewInt(-1)}}
		}},
		{"zero complaint deposit coin", func(p *types.Params) { p.ComplaintDeposit = sdk.Coins{{Denom: "upolity", Amount: math.ZeroInt()}} }},
		{"IRP deposit above the ceiling", func(p *types.Params) { p.IrpDeposit = sdk.NewCoins(sdk.NewInt64Coin("upolity", 10_000_001)) }},
		{"reconsideration deposit in another token", func(p *types.Params) {
			p.ReconsiderationDeposit = sdk.NewCoins(sdk.NewInt64Coin("stake", 1))
		}},
		{"complaint deposit above the ceiling", func(p *types.Params) {
			p.ComplaintDeposit = sdk.NewCoins(sdk.NewInt64Coin("upolity", 1_000_000_000))
		}},
		{"bad complaint denom", func(p *types.Params) { p.ComplaintDeposit = sdk.Coins{{Denom: "1bad", Amount: math.OneInt()}} }},
		{"duplicate cycle", func(p *types.Params) { p.ReviewCycles = append(p.ReviewCycles, p.ReviewCycles[0]) }},
		{"unknown cycle", func(p *types.Params) { p.ReviewCycles[0].Type = 99 }},
		{"cycle without period", func(p *types.Params) { p.ReviewCycles[0].Period = 0 }},
		{"post-emergency with period", func(p *types.Params) { p.ReviewCycles[3].Period = 1 }},
		{"no report period", func(p *types.Params) { p.ReviewCycles[1].ReportPeriod = 0 }},
		{"no post-emergency cycle", func(p *types.Params) { p.ReviewCycles = p.ReviewCycles[:3] }},
		{"unknown emergency kind", func(p *types.Params) { p.EmergencyKinds = []types.EmergencyKind{9} }},
		{"no text", func(p *types.Params) { p.MaxTextLength = 0 }},
		{"long uris", func(p *types.Params) { p.MaxUriLength = 4_097 }},
		{"no queue", func(p *types.Params) { p.MaxQueueItemsPerBlock = 0 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := types.DefaultParams()
			c.edit(&p)
			require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
		})
	}
}

const day = 24 * time.Hour

// TestParamsSafetyBoundsInclusive: the constitutional bounds themselves are
// accepted.
func TestParamsSafetyBoundsInclusive(t *testing.T) {
	p := types.DefaultParams()
	p.IrpFilingWindow, p.ReconsiderationWindow = 30*day, 2*365*day
	p.EmergencyExpiry, p.EmergencyCooldown = 30*day, 7*day
	p.IrpDeposit = sdk.NewCoins(sdk.NewInt64Coin("upolity", 10_000_000))
	require.NoError(t, p.Validate())
}

// TestParamsNoDeposits checks that deposits may be switched off (empty) and
// that the seed-block floor admits exactly three.
func TestParamsNoDeposits(t *testing.T) {
	p := types.DefaultParams()
	p.ReconsiderationDeposit, p.ComplaintDeposit, p.DrawSeedBlocks = nil, sdk.Coins{}, 3
	require.NoError(t, p.Validate())
}

// TestParamsLookups checks Cycle and Allows.
func TestParamsLookups(t *testing.T) {
	p := types.DefaultParams()
	c, ok := p.Cycle(types.ReviewPostEmergency)
	require.True(t, ok)
	require.Zero(t, c.Period)
	_, ok = p.Cycle(types.ReviewTypeUnspecified)
	require.False(t, ok)
	require.True(t, p.Allows(types.EmergencyPauseMessage))
	p.EmergencyKinds = nil
	require.False(t, p.Allows(types.EmergencyStatement))
}
