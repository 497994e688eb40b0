package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/polity-chain/polity/app"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// TestAuthorities checks the one place the app's authorities are derived:
// every address is valid and distinct, each is the account it stands for,
// and each keeper's share carries the same values.
func TestAuthorities(t *testing.T) {
	app.SetAddressConfig()
	a := app.NewAuthorities()
	all := []string{a.Governance, a.Empowered, a.Review, a.Board, a.Secretariat}
	seen := map[string]bool{}
	for _, s := range all {
		_, err := sdk.AccAddressFromBech32(s)
		require.NoError(t, err, s)
		require.False(t, seen[s], "%s appears twice", s)
		seen[s] = true
	}
	require.Equal(t, authtypes.NewModuleAddress(app.GovernanceModuleName).String(), a.Governance)
	require.Equal(t, authtypes.NewModuleAddress(reviewtypes.ModuleName).String(), a.Review, "the review address holds the deposits")
	require.Equal(t, communitytypes.BodyAddress(communitytypes.EmpoweredBodyID).String(), a.Empowered)
	require.Equal(t, communitytypes.BodyAddress(communitytypes.BoardBodyID).String(), a.Board)
	require.Equal(t, communitytypes.BodyAddress(app.SecretariatCommunity).String(), a.Secretariat)

	c := a.ForCommunity()
	require.Equal(t, []string{a.Governance, a.Empowered, a.Board}, []string{c.Governance, c.Empowered, c.Board})
	p := a.ForProposals()
	require.Equal(t, []string{a.Governance, a.Empowered, a.Review, a.Board}, []string{p.Governance, p.Empowered, p.Review, p.Board})
	r := a.ForReview()
	require.Equal(t, []string{a.Governance, a.Review, a.Empowered, a.Board, a.Secretariat},
		[]string{r.Governance, r.Review, r.Empowered, r.Board, r.Secretariat})
	e := a.ForEmpowered()
	require.Equal(t, []string{a.Empowered, a.Governance}, []string{e.Empowered, e.Governance})
}
