package simulation

import (
	"math/rand"

	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	communitysim "github.com/polity-chain/polity/x/community/simulation"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/review/keeper"
	"github.com/polity-chain/polity/x/review/types"
)

// partyPayloads are the secretariat's register of external parties (its
// motions): registering a random account, or deregistering an active
// party. Motions of other bodies never carry them.
func partyPayloads(k *keeper.Keeper, secretariat string) []simutil.Payload {
	return []simutil.Payload{
		func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account, body string) sdk.Msg {
			if body != secretariat {
				return nil
			}
			acc, _ := simtypes.RandomAcc(r, accs)
			return &types.MsgRegisterParty{Authority: communitytypes.BodyAddress(body).String(), Address: acc.Address.String(),
				Name: "simulated party", Profile: simutil.Document(r)}
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			active := Parties(ctx, k, true)
			if body != secretariat || len(active) == 0 || r.Intn(2) == 0 {
				return nil
			}
			return &types.MsgDeregisterParty{Authority: communitytypes.BodyAddress(body).String(), Address: simutil.Pick(r, active)}
		},
	}
}

// secretariatMotion has a member of the secretariat (or a stray account)
// move a motion on the register: the secretariat is one body of many, so
// random motions alone would rarely reach it.
func secretariatMotion(k Keepers) op {
	return motion(k, func(*rand.Rand, sdk.Context) string { return k.Secretariat }, partyPayloads(k.Review, k.Secretariat))
}

// motion is an operation in which a member of a body (or a stray account)
// moves a motion carrying one of payloads, for procedures that start with
// a particular body's decision.
func motion(k Keepers, pick func(*rand.Rand, sdk.Context) string, payloads []simutil.Payload) op {
	return func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account) (simtypes.Account, sdk.Msg) {
		body := pick(r, ctx)
		m := simutil.Propose(r, ctx, accs, payloads, body)
		if body == "" || m == nil {
			return simtypes.Account{}, nil
		}
		anys, err := simutil.Anys(m)
		if err != nil {
			return simtypes.Account{}, nil
		}
		acc := simutil.Actor(r, accs, simutil.Holders(accs, communitysim.Voters(ctx, k.Community, body)), stray)
		return acc, &communitytypes.MsgSubmitMotion{Proposer: acc.Address.String(), BodyId: body, Title: "simulated motion", Messages: anys}
	}
}
