package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app/constitution"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// TestMsgServerFixedAuthorities checks every handler whose signer must be a
// fixed authority (governance, the Board): the msg server refuses any other
// signer with ErrUnauthorized before looking at the input, so even bad input
// gets the authority error and the state does not change; the right signer
// with the same bad input gets past the check to a different error.
func TestMsgServerFixedAuthorities(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	gov, board := f.Authority, body(types.BoardBodyID)
	badParams := types.DefaultParams()
	badParams.MaxTitleLength = 0
	rule := constitution.CommunityRule(keepertest.VotingPeriod)
	cases := []struct {
		name      string
		authority string
		// bad builds a message the keeper would refuse, signed by signer
		bad func(signer string) sdk.Msg
	}{
		{"update params", gov, func(s string) sdk.Msg { return &types.MsgUpdateParams{Authority: s, Params: badParams} }},
		{"create community", gov, func(s string) sdk.Msg {
			return &types.MsgCreateCommunity{Authority: s, Id: "dev", Name: "Dev", Kind: types.KindAdvisory, Charter: constitution.CharterDocument("dev"), Rule: rule}
		}},
		{"update charter", gov, func(s string) sdk.Msg {
			return &types.MsgUpdateCommunityCharter{Authority: s, CommunityId: "nowhere", Name: "X", Charter: constitution.CharterDocument("x")}
		}},
		{"set seat allocation", gov, func(s string) sdk.Msg {
			return &types.MsgSetSeatAllocation{Authority: s, CommunityId: "nowhere"}
		}},
		{"set decision rule", gov, func(s string) sdk.Msg { return &types.MsgSetDecisionRule{Authority: s, BodyId: "nowhere", Rule: rule} }},
		{"set privileges", gov, func(s string) sdk.Msg {
			return &types.MsgSetCommunityPrivileges{Authority: s, CommunityId: "nowhere"}
		}},
		{"set decisional", gov, func(s string) sdk.Msg {
			return &types.MsgSetDecisionalParticipant{Authority: s, CommunityId: "nowhere", Decisional: true}
		}},
		{"set board chair", board, func(s string) sdk.Msg { return &types.MsgSetBoardChair{Authority: s, Director: "not-an-address"} }},
	}
	wrong := []string{gov, board, body(types.EmpoweredBodyID), body("dev"), addr("director-ops").String(), ""}
	for _, tc := range cases {
		for _, signer := range wrong {
			if signer == tc.authority {
				continue
			}
			t.Run(tc.name+"/"+signer, func(t *testing.T) {
				requireFailsUnchanged(t, f, tc.bad(signer), types.ErrUnauthorized)
			})
		}
		t.Run(tc.name+"/right signer", func(t *testing.T) {
			_, err := f.Router.Handler(tc.bad(tc.authority))(f.Ctx, tc.bad(tc.authority))
			require.Error(t, err)
			require.NotErrorIs(t, err, types.ErrUnauthorized)
		})
	}
}
