package simulation

import (
	"math/rand"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	"github.com/cosmos/cosmos-sdk/x/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	communitykeeper "github.com/polity-chain/polity/x/community/keeper"
	communitysim "github.com/polity-chain/polity/x/community/simulation"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// Operation weights.
const (
	WeightSubmitResolution = 15
	WeightSubmitParams     = 4
	WeightBoardVote        = 90
	WeightComment          = 10
	WeightWithdraw         = 2
	stray                  = 0.1
)

// WeightedOperations are x/proposals' operations: directors submit Board
// proposals carrying a governance decision from payloads, or a params
// change from params (every module's ParamsPayloads), and vote on
// proposals; anyone comments (the open door); originators withdraw.
func WeightedOperations(env simutil.Env, k *keeper.Keeper, ck *communitykeeper.Keeper, payloads, params []simutil.Payload) simulation.WeightedOperations {
	return simulation.WeightedOperations{
		simulation.NewWeightedOperation(WeightSubmitResolution, SimulateSubmitResolution(env, k, ck, payloads)),
		simulation.NewWeightedOperation(WeightSubmitParams, SimulateSubmitResolution(env, k, ck, params)),
		simulation.NewWeightedOperation(WeightBoardVote, SimulateBoardVote(env, k, ck)),
		simulation.NewWeightedOperation(WeightComment, SimulateComment(env, k)),
		simulation.NewWeightedOperation(WeightWithdraw, SimulateWithdraw(env, k)),
	}
}

// SimulateSubmitResolution has a director (or a stray account) submit a
// Board proposal carrying one governance decision or none: a RESOLUTION,
// or the weakest kind the classification guard lets carry the decision (a
// params change is a bylaw amendment, with its comment period and the
// Empowered Community's window).
func SimulateSubmitResolution(env simutil.Env, k *keeper.Keeper, ck *communitykeeper.Keeper, payloads []simutil.Payload) simtypes.Operation {
	return func(r *rand.Rand, app *baseapp.BaseApp, ctx sdk.Context, accs []simtypes.Account, chainID string) (simtypes.OperationMsg, []simtypes.FutureOperation, error) {
		director := simutil.Actor(r, accs, simutil.Holders(accs, communitysim.Voters(ctx, ck, communitytypes.BoardBodyID)), stray)
		kind := types.KindResolution
		var msgs []sdk.Msg
		if m := simutil.Propose(r, ctx, accs, payloads, simutil.GovernanceBody); m != nil {
			msgs = append(msgs, m)
			if params, err := k.GetParams(ctx); err == nil && params.RequiredKind(m).AtLeast(kind) {
				kind = params.RequiredKind(m)
			}
		}
		anys, err := simutil.Anys(msgs...)
		if err != nil {
			return simtypes.NoOpMsg(types.ModuleName, sdk.MsgTypeURL(&types.MsgSubmitProposal{}), err.Error()), nil, nil
		}
		msg := &types.MsgSubmitProposal{Proposer: director.Address.String(), Originator: types.BoardOriginator,
			Kind: kind, Title: "simulated resolution", Summary: "simulation", Document: simutil.Document(r), Messages: anys}
		return simutil.Deliver(env, r, app, ctx, chainID, director, msg)
	}
}

// SimulateBoardVote has a director who has not voted yet (or a stray
// account) vote on a proposal in its Board vote, four times in five yes:
// bylaw amendments need two thirds or three quarters of all directors, and
// a vote that can no longer reach it is settled and ends with the block.
func SimulateBoardVote(env simutil.Env, k *keeper.Keeper, ck *communitykeeper.Keeper) simtypes.Operation {
	return func(r *rand.Rand, app *baseapp.BaseApp, ctx sdk.Context, accs []simtypes.Account, chainID string) (simtypes.OperationMsg, []simtypes.FutureOperation, error) {
		voting := unsettled(ctx, k, ProposalsIn(ctx, k, types.StatusBoardVote))
		if len(voting) == 0 {
			return simtypes.NoOpMsg(types.ModuleName, sdk.MsgTypeURL(&types.MsgBoardVote{}), "no Board vote open"), nil, nil
		}
		p := simutil.Pick(r, voting)
		director := simutil.Actor(r, accs, notVoted(ctx, k, p.Id, simutil.Holders(accs, communitysim.Voters(ctx, ck, communitytypes.BoardBodyID))), stray)
		option := communitytypes.OptionYes
		if r.Intn(5) == 0 {
			option = communitytypes.VoteOption(2 + r.Intn(2))
		}
		msg := &types.MsgBoardVote{Director: director.Address.String(), ProposalId: p.Id, Option: option}
		return simutil.Deliver(env, r, app, ctx, chainID, director, msg)
	}
}

// unsettled keeps the proposals whose Board vote is not settled yet: votes
// after the settling one count but change nothing, so the simulation spends
// its operations where they can (TestBoardVotesAfterSettlingCount covers them).
func unsettled(ctx sdk.Context, k *keeper.Keeper, proposals []types.Proposal) []types.Proposal {
	var out []types.Proposal
	for _, p := range proposals {
		if has, err := k.SettledBoardVotes.Has(ctx, p.Id); err == nil && !has {
			out = append(out, p)
		}
	}
	return out
}

// notVoted keeps the directors who have not voted on a proposal yet.
func notVoted(ctx sdk.Context, k *keeper.Keeper, id uint64, directors []simtypes.Account) []simtypes.Account {
	var out []simtypes.Account
	for _, d := range directors {
		if has, err := k.Votes.Has(ctx, collections.Join(id, d.Address)); err == nil && !has {
			out = append(out, d)
		}
	}
	return out
}

// SimulateComment has any account comment on an open proposal: comments
// are the open door, so outsiders succeed too.
func SimulateComment(env simutil.Env, k *keeper.Keeper) simtypes.Operation {
	return func(r *rand.Rand, app *baseapp.BaseApp, ctx sdk.Context, accs []simtypes.Account, chainID string) (simtypes.OperationMsg, []simtypes.FutureOperation, error) {
		open := Open(ctx, k)
		if len(open) == 0 {
			return simtypes.NoOpMsg(types.ModuleName, sdk.MsgTypeURL(&types.MsgComment{}), "no open proposal"), nil, nil
		}
		acc, _ := simtypes.RandomAcc(r, accs)
		msg := &types.MsgComment{Author: acc.Address.String(), ProposalId: simutil.Pick(r, open).Id, Text: "a simulated comment"}
		return simutil.Deliver(env, r, app, ctx, chainID, acc, msg)
	}
}

// SimulateWithdraw has a proposal's proposer (or a stray account) withdraw it.
func SimulateWithdraw(env simutil.Env, k *keeper.Keeper) simtypes.Operation {
	return func(r *rand.Rand, app *baseapp.BaseApp, ctx sdk.Context, accs []simtypes.Account, chainID string) (simtypes.OperationMsg, []simtypes.FutureOperation, error) {
		open := Open(ctx, k)
		if len(open) == 0 {
			return simtypes.NoOpMsg(types.ModuleName, sdk.MsgTypeURL(&types.MsgWithdrawProposal{}), "no open proposal"), nil, nil
		}
		p := simutil.Pick(r, open)
		acc := simutil.Actor(r, accs, simutil.Holders(accs, []string{p.Proposer}), stray)
		return simutil.Deliver(env, r, app, ctx, chainID, acc, &types.MsgWithdrawProposal{Proposer: acc.Address.String(), ProposalId: p.Id})
	}
}
