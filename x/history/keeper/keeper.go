// Package keeper answers x/history's queries by reading the keepers of
// x/proposals, x/review and x/empowered. It writes nothing.
package keeper

import (
	empoweredkeeper "github.com/polity-chain/polity/x/empowered/keeper"
	proposalskeeper "github.com/polity-chain/polity/x/proposals/keeper"
	reviewkeeper "github.com/polity-chain/polity/x/review/keeper"
)

// Keeper reads the governance modules' state.
type Keeper struct {
	proposals *proposalskeeper.Keeper
	review    *reviewkeeper.Keeper
	empowered *empoweredkeeper.Keeper
}

// NewKeeper returns a keeper over the three modules' keepers.
func NewKeeper(p *proposalskeeper.Keeper, r *reviewkeeper.Keeper, e *empoweredkeeper.Keeper) *Keeper {
	return &Keeper{proposals: p, review: r, empowered: e}
}
