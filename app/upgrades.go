package app

import (
	"context"
	"fmt"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"
)

// Upgrade is a named software upgrade: its handler runs the module migrations
// when the chain reaches the planned height with the new binary.
type Upgrade struct {
	Name          string
	StoreUpgrades storetypes.StoreUpgrades
}

// Upgrades lists the upgrades this binary knows. "v1-noop" changes no state;
// it exists so the upgrade path can be exercised end to end.
var Upgrades = []Upgrade{
	{Name: "v1-noop"},
}

func (app *App) registerUpgradeHandlers() {
	for _, u := range Upgrades {
		app.UpgradeKeeper.SetUpgradeHandler(u.Name, func(ctx context.Context, _ upgradetypes.Plan, fromVM module.VersionMap) (module.VersionMap, error) {
			return app.ModuleManager.RunMigrations(ctx, app.configurator, fromVM)
		})
	}
}

// setUpgradeStoreLoader applies an upgrade's store changes at its height.
func (app *App) setUpgradeStoreLoader() {
	info, err := app.UpgradeKeeper.ReadUpgradeInfoFromDisk()
	if err != nil {
		panic(fmt.Errorf("failed to read upgrade info from disk: %w", err))
	}
	if app.UpgradeKeeper.IsSkipHeight(info.Height) {
		return
	}
	for _, u := range Upgrades {
		if u.Name == info.Name {
			app.SetStoreLoader(upgradetypes.UpgradeStoreLoader(info.Height, &u.StoreUpgrades))
		}
	}
}
