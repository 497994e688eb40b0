package app

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/invariantutil"
	communitykeeper "github.com/polity-chain/polity/x/community/keeper"
	empoweredkeeper "github.com/polity-chain/polity/x/empowered/keeper"
	proposalskeeper "github.com/polity-chain/polity/x/proposals/keeper"
	reviewkeeper "github.com/polity-chain/polity/x/review/keeper"
)

// InvariantRoutes lists every invariant of the application, prefixed by its
// module: x/bank's supply against the balances, then each Polity module's.
// The simulation (sim_test.go) checks them all after every block.
func (app *App) InvariantRoutes() []invariantutil.Route {
	routes := []invariantutil.Route{{Name: "bank/total-supply", Invariant: app.totalSupplyInvariant()}}
	for _, m := range []struct {
		name   string
		routes []invariantutil.Route
	}{
		{"community", communitykeeper.InvariantRoutes(app.CommunityKeeper)},
		{"proposals", proposalskeeper.InvariantRoutes(app.ProposalsKeeper)},
		{"review", reviewkeeper.InvariantRoutes(app.ReviewKeeper)},
		{"empowered", empoweredkeeper.InvariantRoutes(app.EmpoweredKeeper)},
	} {
		for _, r := range m.routes {
			routes = append(routes, invariantutil.Route{Name: m.name + "/" + r.Name, Invariant: r.Invariant})
		}
	}
	return routes
}

// totalSupplyInvariant checks that x/bank's recorded supply of every denom
// equals the sum of all balances, module accounts included (the SDK v0.54
// bank module no longer registers this invariant itself).
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func (app *App) totalSupplyInvariant() sdk.Invariant {
	return invariantutil.New("bank", "total-supply", func(ctx sdk.Context) ([]string, error) {
		sum := sdk.NewCoins()
		app.BankKeeper.IterateAllBalances(ctx, func(_ sdk.AccAddress, c sdk.Coin) bool {
			sum = sum.Add(c)
			return false
		})
		supply := sdk.NewCoins()
		app.BankKeeper.IterateTotalSupply(ctx, func(c sdk.Coin) bool {
			supply = supply.Add(c)
			return false
		})
		if !supply.Equal(sum) {
			return []string{fmt.Sprintf("total supply %s, balances sum to %s", supply, sum)}, nil
		}
		return nil, nil
	})
}
