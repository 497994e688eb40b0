package simulation

import (
	"math/rand"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	"github.com/cosmos/cosmos-sdk/x/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	"github.com/polity-chain/polity/x/empowered/keeper"
	"github.com/polity-chain/polity/x/empowered/types"
)

// WeightPostStatement is the weight of forum statements.
const WeightPostStatement = 8

// WeightedOperations are x/empowered's direct operations: anyone posts a
// statement to an action's community forum (the open door).
func WeightedOperations(env simutil.Env, k *keeper.Keeper) simulation.WeightedOperations {
	return simulation.WeightedOperations{
		simulation.NewWeightedOperation(WeightPostStatement, SimulatePostStatement(env, k)),
	}
}

// SimulatePostStatement has a random account post to an open action's forum.
func SimulatePostStatement(env simutil.Env, k *keeper.Keeper) simtypes.Operation {
	return func(r *rand.Rand, app *baseapp.BaseApp, ctx sdk.Context, accs []simtypes.Account, chainID string) (simtypes.OperationMsg, []simtypes.FutureOperation, error) {
		open := ActionsIn(ctx, k, types.StageSupport, types.StageForum, types.StageDecision)
		if len(open) == 0 {
			return simtypes.NoOpMsg(types.ModuleName, sdk.MsgTypeURL(&types.MsgPostStatement{}), "no open action"), nil, nil
		}
		acc, _ := simtypes.RandomAcc(r, accs)
		msg := &types.MsgPostStatement{Author: acc.Address.String(), ActionId: simutil.Pick(r, open).Id, Text: "a simulated statement"}
		return simutil.Deliver(env, r, app, ctx, chainID, acc, msg)
	}
}
