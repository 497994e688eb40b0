// Package simulation holds x/empowered's part of the app simulation: the
// decisional participants' petitions, support and decisions (taken by their
// communities' motions), the Board's answers to inspection requests, and
// statements anyone posts to an action's community forum. Randomness comes
// only from the simulation's seeded source.
package simulation

import (
	"math/rand"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	"github.com/cosmos/cosmos-sdk/x/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	communitykeeper "github.com/polity-chain/polity/x/community/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/keeper"
	"github.com/polity-chain/polity/x/empowered/types"
)

// WeightPostStatement is the weight of forum statements.
const WeightPostStatement = 8

// ActionsIn lists the actions in a stage.
func ActionsIn(ctx sdk.Context, k *keeper.Keeper, stage types.Stage) []types.Action {
	iter, err := k.Actions.Indexes.Stage.MatchExact(ctx, int32(stage))
	if err != nil {
		return nil
	}
	ids, err := iter.PrimaryKeys()
	if err != nil {
		return nil
	}
	var out []types.Action
	for _, id := range ids {
		if a, err := k.Actions.Get(ctx, id); err == nil {
			out = append(out, a)
		}
	}
	return out
}

// Payloads are the Empowered Community's decisions taken by a decisional
// participant's motion (petition, support, decide) and the Board's answer to
// an inspection request (by resolution). Non-participants' motions carrying
// them fail, as they must.
func Payloads(k *keeper.Keeper, ck *communitykeeper.Keeper, governance string) []simutil.Payload {
	return []simutil.Payload{
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			if body == communitytypes.BoardBodyID || body == simutil.GovernanceBody {
				return nil
			}
			msg := &types.MsgPetition{Signer: communitytypes.BodyAddress(body).String(), CommunityId: body,
				Power: types.Power(1 + r.Intn(9)), Rationale: simutil.Document(r)}
			switch msg.Power {
			case types.PowerRemoveDirector:
				msg.SeatId = 1 + uint64(r.Intn(10))
			case types.PowerRecallBoard, types.PowerInspection:
			default:
				msg.ProposalId = 1 + uint64(r.Intn(5))
			}
			return msg
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			support := ActionsIn(ctx, k, types.StageSupport)
			if body == communitytypes.BoardBodyID || body == simutil.GovernanceBody || len(support) == 0 {
				return nil
			}
			return &types.MsgSupportPetition{Signer: communitytypes.BodyAddress(body).String(), CommunityId: body, ActionId: simutil.Pick(r, support).Id}
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			deciding := ActionsIn(ctx, k, types.StageDecision)
			if body == communitytypes.BoardBodyID || body == simutil.GovernanceBody || len(deciding) == 0 {
				return nil
			}
			return &types.MsgDecide{Signer: communitytypes.BodyAddress(body).String(), CommunityId: body,
				ActionId: simutil.Pick(r, deciding).Id, Choice: types.Choice(1 + r.Intn(3))}
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			if body != simutil.GovernanceBody {
				return nil
			}
			iter, err := k.Inspections.Iterate(ctx, nil)
			if err != nil {
				return nil
			}
			all, err := iter.Values()
			if err != nil {
				return nil
			}
			var open []uint64
			for _, in := range all {
				if !in.Answered {
					open = append(open, in.Id)
				}
			}
			if len(open) == 0 {
				return nil
			}
			return &types.MsgRespondInspection{Authority: governance, InspectionId: simutil.Pick(r, open), Response: simutil.Document(r)}
		},
	}
}

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
		var open []types.Action
		for _, s := range []types.Stage{types.StageSupport, types.StageForum, types.StageDecision} {
			open = append(open, ActionsIn(ctx, k, s)...)
		}
		if len(open) == 0 {
			return simtypes.NoOpMsg(types.ModuleName, sdk.MsgTypeURL(&types.MsgPostStatement{}), "no open action"), nil, nil
		}
		acc, _ := simtypes.RandomAcc(r, accs)
		msg := &types.MsgPostStatement{Author: acc.Address.String(), ActionId: simutil.Pick(r, open).Id, Text: "a simulated statement"}
		return simutil.Deliver(env, r, app, ctx, chainID, acc, msg)
	}
}
