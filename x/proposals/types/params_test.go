package types_test

import (
	"slices"
	"testing"
	"time"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// TestDefaultParams checks that the production defaults validate, list the
// classifications sorted and unique (so MinKind may binary-search them) and
// give every kind exactly one rule.
func TestDefaultParams(t *testing.T) {
	p := types.DefaultParams()
	require.NoError(t, p.Validate())
	urls := make([]string, len(p.Classifications))
	for i, c := range p.Classifications {
		urls[i] = c.MsgTypeUrl
	}
	require.True(t, slices.IsSorted(urls), "classifications sorted by type URL")
	require.Len(t, slices.Compact(slices.Clone(urls)), len(urls), "no duplicate type URL")
	require.Len(t, p.KindRules, len(types.AllKinds()))
	for _, kind := range types.AllKinds() {
		n := 0
		for _, r := range p.KindRules {
			if r.Kind == kind {
				n++
			}
		}
		require.Equal(t, 1, n, "one rule for %s", kind)
	}
	require.Equal(t, types.KindFundamentalBylaw, p.DefaultMinKind)
	require.Equal(t, "0.6", p.AgainstAdviceThreshold)
}

// TestKindOrder checks that the enum numbers are the strength order.
func TestKindOrder(t *testing.T) {
	kinds := types.AllKinds()
	for i, k := range kinds {
		require.True(t, k.Valid())
		for j, other := range kinds {
			require.Equal(t, i >= j, k.AtLeast(other), "%s at least %s", k, other)
		}
	}
	require.False(t, types.KindUnspecified.Valid())
	require.False(t, types.ProposalKind(7).Valid())
}

// TestRequiredKind checks the classification guard's table, its default for
// unlisted types, and the consensus AuthorityParams special case.
func TestRequiredKind(t *testing.T) {
	p := types.DefaultParams()
	gov := "polity1cr9lp7727exqkgq4qcrru2mtz2uen9yz6950qw"
	tests := []struct {
		name string
		msg  sdk.Msg
		want types.ProposalKind
	}{
		{"bank send (treasury)", &banktypes.MsgSend{}, types.KindBudget},
		{"bank params", &banktypes.MsgUpdateParams{}, types.KindTechnical},
		{"software upgrade", &upgradetypes.MsgSoftwareUpgrade{}, types.KindTechnical},
		{"community params", &communitytypes.MsgUpdateParams{}, types.KindStandardBylaw},
		{"decisional participant", &communitytypes.MsgSetDecisionalParticipant{}, types.KindFundamentalBylaw},
		// no proposal ends a director's term: unlisted, it needs the strongest kind
		// (and still fails, as the governance address may not vacate seats)
		{"vacate seat", &communitytypes.MsgVacateSeat{}, types.KindFundamentalBylaw},
		{"proposals params", &types.MsgUpdateParams{}, types.KindFundamentalBylaw},
		{"unlisted: multi-send", &banktypes.MsgMultiSend{}, types.KindFundamentalBylaw},
		{"unlisted: admit member", &communitytypes.MsgAdmitMember{}, types.KindFundamentalBylaw},
		{"consensus params", &consensustypes.MsgUpdateParams{Authority: gov}, types.KindTechnical},
		{"consensus params, empty authority params", &consensustypes.MsgUpdateParams{Auth: &cmtproto.AuthorityParams{}}, types.KindTechnical},
		{"consensus params setting AuthorityParams", &consensustypes.MsgUpdateParams{Auth: &cmtproto.AuthorityParams{Authority: gov}}, types.KindFundamentalBylaw},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, p.RequiredKind(tc.msg))
		})
	}

	// The special case holds whatever the table says.
	p.Classifications = []types.Classification{{MsgTypeUrl: sdk.MsgTypeURL(&consensustypes.MsgUpdateParams{}), MinKind: types.KindResolution}}
	require.Equal(t, types.KindResolution, p.RequiredKind(&consensustypes.MsgUpdateParams{}))
	require.Equal(t, types.KindFundamentalBylaw, p.RequiredKind(&consensustypes.MsgUpdateParams{Auth: &cmtproto.AuthorityParams{Authority: gov}}))
}

// TestParamsValidateRejects checks that every broken parameter is refused
// with ErrInvalidParams.
func TestParamsValidateRejects(t *testing.T) {
	rule := func(p *types.Params, kind types.ProposalKind) *types.KindRule {
		for i := range p.KindRules {
			if p.KindRules[i].Kind == kind {
				return &p.KindRules[i]
			}
		}
		panic("no rule")
	}
	tests := []struct {
		name string
		edit func(*types.Params)
	}{
		{"a kind without a rule", func(p *types.Params) { p.KindRules = p.KindRules[1:] }},
		{"a kind ruled twice", func(p *types.Params) { p.KindRules[1] = p.KindRules[0] }},
		{"an extra rule", func(p *types.Params) { p.KindRules = append(p.KindRules, p.KindRules[0]) }},
		{"no originator", func(p *types.Params) { rule(p, types.KindPolicy).Originators = nil }},
		{"unknown originator", func(p *types.Params) {
			rule(p, types.KindPolicy).Originators = []types.Originator{types.OriginatorUnspecified}
		}},
		{"negative comment period", func(p *types.Params) { rule(p, types.KindPolicy).PublicCommentPeriod = -time.Second }},
		{"comment period over a year", func(p *types.Params) { rule(p, types.KindPolicy).PublicCommentPeriod = 366 * 24 * time.Hour }},
		{"board threshold zero", func(p *types.Params) { rule(p, types.KindPolicy).BoardRule.Threshold = "0" }},
		{"board threshold above one", func(p *types.Params) { rule(p, types.KindPolicy).BoardRule.Threshold = "1.1" }},
		{"board voting period zero", func(p *types.Params) { rule(p, types.KindPolicy).BoardRule.VotingPeriod = 0 }},
		{"board houses", func(p *types.Params) {
			rule(p, types.KindPolicy).BoardRule.Houses = []communitytypes.HouseRule{{CommunityId: "dev", Threshold: "0.5"}}
		}},
		{"EC treatment unspecified", func(p *types.Params) { rule(p, types.KindBudget).EcTreatment = types.ECTreatmentUnspecified }},
		{"EC window without a period", func(p *types.Params) { rule(p, types.KindBudget).EcPeriod = 0 }},
		{"EC approval period over a year", func(p *types.Params) { rule(p, types.KindFundamentalBylaw).EcPeriod = 366 * 24 * time.Hour }},
		{"classifications unsorted", func(p *types.Params) {
			p.Classifications[0], p.Classifications[1] = p.Classifications[1], p.Classifications[0]
		}},
		{"classification duplicated", func(p *types.Params) { p.Classifications[1] = p.Classifications[0] }},
		{"classification without URL", func(p *types.Params) { p.Classifications[0].MsgTypeUrl = "" }},
		{"classification without kind", func(p *types.Params) { p.Classifications[0].MinKind = types.KindUnspecified }},
		{"default min kind invalid", func(p *types.Params) { p.DefaultMinKind = 9 }},
		{"advice response period zero", func(p *types.Params) { p.AdviceResponsePeriod = 0 }},
		{"advice wait negative", func(p *types.Params) { p.AdviceWait = -time.Second }},
		{"against-advice threshold zero", func(p *types.Params) { p.AgainstAdviceThreshold = "0" }},
		{"against-advice threshold above one", func(p *types.Params) { p.AgainstAdviceThreshold = "1.5" }},
		{"against-advice threshold not a number", func(p *types.Params) { p.AgainstAdviceThreshold = "sixty" }},
		{"title limit zero", func(p *types.Params) { p.MaxTitleLength = 0 }},
		{"summary limit too high", func(p *types.Params) { p.MaxSummaryLength = 100_001 }},
		{"text limit zero", func(p *types.Params) { p.MaxTextLength = 0 }},
		{"uri limit too high", func(p *types.Params) { p.MaxUriLength = 4_097 }},
		{"no messages allowed", func(p *types.Params) { p.MaxMessages = 0 }},
		{"queue cap too high", func(p *types.Params) { p.MaxQueueItemsPerBlock = 10_001 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.edit(&p)
			require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
		})
	}
}

// TestMinKindProperty checks the binary search against a linear scan over any
// sorted, unique classification table.
func TestMinKindProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		urls := rapid.SliceOfDistinct(rapid.StringMatching(`/[a-c]{1,3}`), func(s string) string { return s }).Draw(t, "urls")
		slices.Sort(urls)
		p := types.DefaultParams()
		p.Classifications = nil
		for _, u := range urls {
			kind := rapid.SampledFrom(types.AllKinds()).Draw(t, "kind")
			p.Classifications = append(p.Classifications, types.Classification{MsgTypeUrl: u, MinKind: kind})
		}
		require.NoError(t, p.Validate())
		probe := rapid.StringMatching(`/[a-c]{1,3}`).Draw(t, "probe")
		want := p.DefaultMinKind
		for _, c := range p.Classifications {
			if c.MsgTypeUrl == probe {
				want = c.MinKind
			}
		}
		require.Equal(t, want, p.MinKind(probe))
	})
}

// TestTimelyAnswersSorted: AnswersOnly searches the list, so it must stay
// sorted and unique.
func TestTimelyAnswersSorted(t *testing.T) {
	answers := types.TimelyAnswers()
	require.True(t, slices.IsSorted(answers))
	require.Equal(t, len(answers), len(slices.Compact(slices.Clone(answers))))
}

// TestCheckBlockFloor: a consensus update under either block floor is
// refused with ErrInvalidMessages naming the limit; at the floor, -1 (no
// limit), a consensus update without block params, and other messages pass.
func TestCheckBlockFloor(t *testing.T) {
	block := func(maxBytes, maxGas int64) *consensustypes.MsgUpdateParams {
		return &consensustypes.MsgUpdateParams{Block: &cmtproto.BlockParams{MaxBytes: maxBytes, MaxGas: maxGas}}
	}
	for _, tc := range []struct {
		name string
		msg  sdk.Msg
		want string
	}{
		{"no gas", block(types.MinBlockMaxBytes, 0), "block.max_gas 0"},
		{"gas under the floor", block(types.MinBlockMaxBytes, types.MinBlockMaxGas-1), "block.max_gas"},
		{"bytes under the floor", block(types.MinBlockMaxBytes-1, -1), "block.max_bytes"},
		{"at the floors", block(types.MinBlockMaxBytes, types.MinBlockMaxGas), ""},
		{"no limits", block(-1, -1), ""},
		{"no block params", &consensustypes.MsgUpdateParams{}, ""},
		{"another message", &types.MsgComment{}, ""},
	} {
		err := types.CheckBlockFloor(tc.msg)
		if tc.want == "" {
			require.NoError(t, err, tc.name)
			continue
		}
		require.ErrorIs(t, err, types.ErrInvalidMessages, tc.name)
		require.ErrorContains(t, err, tc.want, tc.name)
	}
}
