package simulation

import (
	"fmt"
	"math/rand"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	"github.com/cosmos/cosmos-sdk/x/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	"github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// Operation weights: votes dominate so that motions reach a decision.
const (
	WeightSubmitMotion   = 30
	WeightVote           = 70
	WeightWithdrawMotion = 3
	WeightResign         = 2
	WeightUpdateProfile  = 5
	// minMembers is the fewest members a community is left with by
	// removals and resignations: one left with none never decides again.
	minMembers = 2
	// stray is the share of operations sent by a random account instead of
	// one entitled to act: mostly outsiders, whose messages must fail.
	stray = 0.1
)

// WeightedOperations are x/community's operations. Motions carry a random
// decision from payloads (every module's), so one submit-and-vote cycle
// drives every body's powers.
func WeightedOperations(env simutil.Env, k *keeper.Keeper, payloads []simutil.Payload) simulation.WeightedOperations {
	return simulation.WeightedOperations{
		simulation.NewWeightedOperation(WeightSubmitMotion, SimulateSubmitMotion(env, k, payloads)),
		simulation.NewWeightedOperation(WeightVote, SimulateVote(env, k)),
		simulation.NewWeightedOperation(WeightWithdrawMotion, SimulateWithdrawMotion(env, k)),
		simulation.NewWeightedOperation(WeightResign, SimulateResign(env, k)),
		simulation.NewWeightedOperation(WeightUpdateProfile, SimulateUpdateProfile(env)),
	}
}

// SimulateSubmitMotion has a voter of a random body (or a stray account)
// propose a motion carrying one random decision, or none.
func SimulateSubmitMotion(env simutil.Env, k *keeper.Keeper, payloads []simutil.Payload) simtypes.Operation {
	return func(r *rand.Rand, app *baseapp.BaseApp, ctx sdk.Context, accs []simtypes.Account, chainID string) (simtypes.OperationMsg, []simtypes.FutureOperation, error) {
		bodies := Bodies(ctx, k)
		if len(bodies) == 0 {
			return simtypes.NoOpMsg(types.ModuleName, sdk.MsgTypeURL(&types.MsgSubmitMotion{}), "no body"), nil, nil
		}
		body := simutil.Pick(r, bodies)
		proposer := simutil.Actor(r, accs, simutil.Holders(accs, Voters(ctx, k, body)), stray)
		var msgs []sdk.Msg
		if r.Intn(5) > 0 {
			if m := simutil.Propose(r, ctx, accs, payloads, body); m != nil {
				msgs = append(msgs, m)
			}
		}
		anys, err := simutil.Anys(msgs...)
		if err != nil {
			return simtypes.NoOpMsg(types.ModuleName, sdk.MsgTypeURL(&types.MsgSubmitMotion{}), err.Error()), nil, nil
		}
		msg := &types.MsgSubmitMotion{Proposer: proposer.Address.String(), BodyId: body, Title: "simulated motion", Messages: anys}
		return simutil.Deliver(env, r, app, ctx, chainID, proposer, msg)
	}
}

// SimulateVote has a voter of a motion's body (or a stray account) vote on
// a random motion still voting, mostly yes so that decisions pass.
func SimulateVote(env simutil.Env, k *keeper.Keeper) simtypes.Operation {
	return func(r *rand.Rand, app *baseapp.BaseApp, ctx sdk.Context, accs []simtypes.Account, chainID string) (simtypes.OperationMsg, []simtypes.FutureOperation, error) {
		motions := VotingMotions(ctx, k)
		if len(motions) == 0 {
			return simtypes.NoOpMsg(types.ModuleName, sdk.MsgTypeURL(&types.MsgVote{}), "no motion voting"), nil, nil
		}
		m := simutil.Pick(r, motions)
		voter := simutil.Actor(r, accs, simutil.Holders(accs, Voters(ctx, k, m.BodyId)), stray)
		option := types.OptionYes
		switch n := r.Intn(10); {
		case n == 0:
			option = types.OptionAbstain
		case n < 3:
			option = types.OptionNo
		}
		msg := &types.MsgVote{Voter: voter.Address.String(), MotionId: m.Id, Option: option}
		return simutil.Deliver(env, r, app, ctx, chainID, voter, msg)
	}
}

// SimulateWithdrawMotion has a motion's proposer (or a stray account)
// withdraw it.
func SimulateWithdrawMotion(env simutil.Env, k *keeper.Keeper) simtypes.Operation {
	return func(r *rand.Rand, app *baseapp.BaseApp, ctx sdk.Context, accs []simtypes.Account, chainID string) (simtypes.OperationMsg, []simtypes.FutureOperation, error) {
		motions := VotingMotions(ctx, k)
		if len(motions) == 0 {
			return simtypes.NoOpMsg(types.ModuleName, sdk.MsgTypeURL(&types.MsgWithdrawMotion{}), "no motion voting"), nil, nil
		}
		m := simutil.Pick(r, motions)
		proposer := simutil.Actor(r, accs, simutil.Holders(accs, []string{m.Proposer}), stray)
		return simutil.Deliver(env, r, app, ctx, chainID, proposer, &types.MsgWithdrawMotion{Proposer: proposer.Address.String(), MotionId: m.Id})
	}
}

// SimulateResign has a member leave a community that keeps enough members.
func SimulateResign(env simutil.Env, k *keeper.Keeper) simtypes.Operation {
	return func(r *rand.Rand, app *baseapp.BaseApp, ctx sdk.Context, accs []simtypes.Account, chainID string) (simtypes.OperationMsg, []simtypes.FutureOperation, error) {
		bodies := Bodies(ctx, k)
		if len(bodies) == 0 {
			return simtypes.NoOpMsg(types.ModuleName, sdk.MsgTypeURL(&types.MsgResign{}), "no community"), nil, nil
		}
		id := simutil.Pick(r, bodies)
		voters := Voters(ctx, k, id)
		if len(voters) <= minMembers {
			return simtypes.NoOpMsg(types.ModuleName, sdk.MsgTypeURL(&types.MsgResign{}), "too few members"), nil, nil
		}
		member := simutil.Actor(r, accs, simutil.Holders(accs, voters), stray)
		return simutil.Deliver(env, r, app, ctx, chainID, member, &types.MsgResign{Member: member.Address.String(), CommunityId: id})
	}
}

// SimulateUpdateProfile has a random account replace its profile, with up to
// three declared attributes: members succeed, outsiders are refused.
func SimulateUpdateProfile(env simutil.Env) simtypes.Operation {
	return func(r *rand.Rand, app *baseapp.BaseApp, ctx sdk.Context, accs []simtypes.Account, chainID string) (simtypes.OperationMsg, []simtypes.FutureOperation, error) {
		acc, _ := simtypes.RandomAcc(r, accs)
		hash, uri := simutil.Doc(r)
		// derived from the drawn hash rather than drawn, so that the rest of
		// the run's random stream (and what the fixed-seed test expects of
		// it) is unchanged
		var attrs []types.MemberAttribute
		for i := range int(hash[0]) % 4 {
			attrs = append(attrs, types.MemberAttribute{Key: fmt.Sprintf("attr_%d", i), Value: hash[8*i : 8*i+8]})
		}
		return simutil.Deliver(env, r, app, ctx, chainID, acc, &types.MsgUpdateProfile{Member: acc.Address.String(), ProfileUri: uri, Attributes: attrs})
	}
}
