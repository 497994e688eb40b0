package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/types"
)

// TestMsgServerFixedAuthorities checks every handler whose signer must be a
// fixed authority (governance): the msg server refuses any other signer with
// ErrUnauthorized before looking at the input, so even bad input (an
// unknown inspection, an empty document, invalid params) gets the authority
// error and the state does not change; the right signer with the same bad
// input gets past the check to a different error.
func TestMsgServerFixedAuthorities(t *testing.T) {
	f := newFixture(t)
	gov := f.Authority
	badParams := types.DefaultParams()
	badParams.MaxUriLength = 0
	cases := []struct {
		name string
		bad  func(signer string) sdk.Msg
	}{
		{"update params", func(s string) sdk.Msg { return &types.MsgUpdateParams{Authority: s, Params: badParams} }},
		{"respond inspection", func(s string) sdk.Msg {
			return &types.MsgRespondInspection{Authority: s, InspectionId: 99, Response: communitytypes.Document{}}
		}},
	}
	wrong := []string{body(communitytypes.BoardBodyID), empowered(), body("dev"), addr("director-ops").String(), ""}
	for _, tc := range cases {
		for _, signer := range wrong {
			t.Run(tc.name+"/"+signer, func(t *testing.T) {
				requireFailsUnchanged(t, f, tc.bad(signer), types.ErrUnauthorized)
			})
		}
		t.Run(tc.name+"/right signer", func(t *testing.T) {
			msg := tc.bad(gov)
			_, err := f.Router.Handler(msg)(f.Ctx, msg)
			require.Error(t, err)
			require.NotErrorIs(t, err, types.ErrUnauthorized)
		})
	}
}
