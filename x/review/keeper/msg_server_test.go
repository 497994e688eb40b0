package keeper_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/review/types"
)

// TestMsgServerFixedAuthorities checks every handler whose signer must be a
// fixed authority (governance, the Empowered Community, the secretariat): the
// msg server refuses any other signer with ErrUnauthorized before looking at
// the input, so even bad input (an invalid address, an unknown record) gets
// the authority error and the state does not change; a permitted signer with
// the same bad input gets past the check to a different error.
func TestMsgServerFixedAuthorities(t *testing.T) {
	f := newFixture(t)
	gov, ec, sec := f.Authority, empowered(), body(app.SecretariatCommunity)
	badParams := types.DefaultParams()
	badParams.MaxUriLength = 0
	none := communitytypes.Document{}
	cases := []struct {
		name    string
		allowed []string
		bad     func(signer string) sdk.Msg
	}{
		{"update params", []string{gov}, func(s string) sdk.Msg { return &types.MsgUpdateParams{Authority: s, Params: badParams} }},
		{"register party", []string{sec}, func(s string) sdk.Msg { return &types.MsgRegisterParty{Authority: s, Address: "bad"} }},
		{"deregister party", []string{sec}, func(s string) sdk.Msg { return &types.MsgDeregisterParty{Authority: s, Address: "bad"} }},
		{"appoint panelist", []string{gov}, func(s string) sdk.Msg { return &types.MsgAppointPanelist{Authority: s, Address: "bad"} }},
		{"confirm panelist", []string{ec}, func(s string) sdk.Msg { return &types.MsgConfirmPanelist{Authority: s, Address: "bad"} }},
		{"remove panelist", []string{ec, gov}, func(s string) sdk.Msg { return &types.MsgRemovePanelist{Authority: s, Address: "bad"} }},
		{"appoint ombudsman", []string{gov}, func(s string) sdk.Msg { return &types.MsgAppointOmbudsman{Authority: s, Address: "bad"} }},
		{"record board action", []string{gov}, func(s string) sdk.Msg {
			return &types.MsgRecordBoardAction{Authority: s, IrpId: 99, Action: none}
		}},
		{"decide reconsideration", []string{gov}, func(s string) sdk.Msg {
			return &types.MsgDecideReconsideration{Authority: s, ReconsiderationId: 99, Decision: none}
		}},
		{"appoint review team", []string{gov}, func(s string) sdk.Msg { return &types.MsgAppointReviewTeam{Authority: s, ReviewId: 99} }},
		{"decide recommendation", []string{gov}, func(s string) sdk.Msg {
			return &types.MsgDecideRecommendation{Authority: s, ReviewId: 99, Approve: true}
		}},
		{"record implementation", []string{gov}, func(s string) sdk.Msg {
			return &types.MsgRecordImplementation{Authority: s, ReviewId: 99, Evidence: none}
		}},
		{"ratify emergency", []string{gov}, func(s string) sdk.Msg { return &types.MsgRatifyEmergency{Authority: s, EmergencyId: 99} }},
	}
	signers := []string{gov, ec, sec, body(communitytypes.BoardBodyID), body("dev"), name("director-ops"), ""}
	for _, tc := range cases {
		for _, signer := range signers {
			msg := tc.bad(signer)
			t.Run(tc.name+"/"+signer, func(t *testing.T) {
				if !slices.Contains(tc.allowed, signer) {
					requireFailsUnchanged(t, f, msg, types.ErrUnauthorized)
					return
				}
				_, err := f.Router.Handler(msg)(f.Ctx, msg)
				require.Error(t, err)
				require.NotErrorIs(t, err, types.ErrUnauthorized)
			})
		}
	}
}
