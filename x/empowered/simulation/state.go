// Package simulation holds x/empowered's part of the app simulation: the
// decisional participants' petitions, support and decisions (taken by their
// communities' motions), the Board's answers to inspection requests, and
// statements anyone posts to an action's community forum. Randomness comes
// only from the simulation's seeded source.
package simulation

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/simutil"
	"github.com/polity-chain/polity/x/empowered/keeper"
	"github.com/polity-chain/polity/x/empowered/types"
)

// ActionsIn lists the actions in the given stages.
func ActionsIn(ctx sdk.Context, k *keeper.Keeper, stages ...types.Stage) []types.Action {
	return simutil.ByIndex(ctx, k.Actions.Indexes.Stage, k.Actions.Get, simutil.Refs(stages)...)
}
