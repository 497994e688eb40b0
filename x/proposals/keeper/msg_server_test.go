package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// TestMsgServerFixedAuthorities checks every handler whose signer must be a
// fixed authority (governance, the Empowered Community, independent review):
// the msg server refuses any other signer with ErrUnauthorized before
// looking at the input, so even bad input (an unknown proposal or advice, an
// invalid source or response) gets the authority error and the state does
// not change; the permitted signer with the same bad input gets past the
// check to a different error.
func TestMsgServerFixedAuthorities(t *testing.T) {
	f := newFixture(t)
	gov, ec, rev := f.Authority, empowered(), review()
	badParams := types.DefaultParams()
	badParams.MaxTextLength = 0
	cases := []struct {
		name    string
		allowed string
		bad     func(signer string) sdk.Msg
	}{
		{"update params", gov, func(s string) sdk.Msg { return &types.MsgUpdateParams{Authority: s, Params: badParams} }},
		{"respond to advice", gov, func(s string) sdk.Msg { return &types.MsgRespondToAdvice{Authority: s, AdviceId: 99} }},
		{"veto", ec, func(s string) sdk.Msg { return &types.MsgVetoProposal{Authority: s, ProposalId: 99, Reason: "no"} }},
		{"approve", ec, func(s string) sdk.Msg { return &types.MsgApproveProposal{Authority: s, ProposalId: 99} }},
		{"stay", rev, func(s string) sdk.Msg { return &types.MsgStayProposal{Authority: s, ProposalId: 99, Stay: true} }},
		{"annul", rev, func(s string) sdk.Msg { return &types.MsgAnnulProposal{Authority: s, ProposalId: 99, Reason: "no"} }},
	}
	signers := []string{gov, ec, rev, body(communitytypes.BoardBodyID), body("dev"), addr("director-ops").String(), ""}
	for _, tc := range cases {
		for _, signer := range signers {
			msg := tc.bad(signer)
			t.Run(tc.name+"/"+signer, func(t *testing.T) {
				if signer != tc.allowed {
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
