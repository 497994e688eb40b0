package types_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/community/types"
)

// TestParamsValidate checks the defaults and every bound.
func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	tests := []struct {
		name string
		edit func(*types.Params)
	}{
		{"no term", func(p *types.Params) { p.Board.TermDuration = 0 }},
		{"no term limit", func(p *types.Params) { p.Board.MaxConsecutiveTerms = 0 }},
		{"negative cooling-off", func(p *types.Params) { p.Board.CoolingOffPeriod = -1 }},
		{"no regional cap", func(p *types.Params) { p.Board.MaxVotingDirectorsPerRegion = 0 }},
		{"name length zero", func(p *types.Params) { p.MaxNameLength = 0 }},
		{"name length too high", func(p *types.Params) { p.MaxNameLength = 1001 }},
		{"title length too high", func(p *types.Params) { p.MaxTitleLength = 1001 }},
		{"summary length too high", func(p *types.Params) { p.MaxSummaryLength = 100_001 }},
		{"uri length too high", func(p *types.Params) { p.MaxUriLength = 4097 }},
		{"reason length zero", func(p *types.Params) { p.MaxReasonLength = 0 }},
		{"messages per motion too high", func(p *types.Params) { p.MaxMessagesPerMotion = 101 }},
		{"queue items zero", func(p *types.Params) { p.MaxQueueItemsPerBlock = 0 }},
		{"queue items too high", func(p *types.Params) { p.MaxQueueItemsPerBlock = 10_001 }},
		{"communities zero", func(p *types.Params) { p.MaxCommunities = 0 }},
		{"validator power zero", func(p *types.Params) { p.MaxValidatorPower = 0 }},
		{"validator power too high", func(p *types.Params) { p.MaxValidatorPower = 1_000_000_001 }},
		{"bad fee", func(p *types.Params) { p.OpenDoorMinFee = sdk.Coins{{Denom: "UPOLITY!", Amount: math.OneInt()}} }},
		{"bootstrap note without bootstrap", func(p *types.Params) { p.BootstrapNote = "switched on by recover" }},
		{"bootstrap note too long", func(p *types.Params) { p.Bootstrap, p.BootstrapNote = true, strings.Repeat("x", 1001) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.edit(&p)
			require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
		})
	}
	p := types.DefaultParams()
	p.Board.CoolingOffPeriod = 0
	p.OpenDoorMinFee = nil
	require.NoError(t, p.Validate(), "no cooling-off and a free open door are allowed")
	p.Bootstrap, p.BootstrapNote = true, strings.Repeat("x", 1000)
	require.NoError(t, p.Validate(), "a bootstrap note of 1,000 bytes")
}
