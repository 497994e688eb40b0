package simulation

import (
	"math/rand"

	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/review/keeper"
	"github.com/polity-chain/polity/x/review/types"
)

// partyPayloads are the secretariat's register of external parties (its
// motions): registering a random account, or deregistering an active
// party. Registering is weighted up, since the secretariat is one body of
// many and the only one that registers.
func partyPayloads(k *keeper.Keeper, secretariat string) []simutil.Payload {
	return append(simutil.Weighted(3,
		func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account, body string) sdk.Msg {
			if body != secretariat {
				return nil
			}
			acc, _ := simtypes.RandomAcc(r, accs)
			return &types.MsgRegisterParty{Authority: communitytypes.BodyAddress(body).String(), Address: acc.Address.String(),
				Name: "simulated party", Profile: simutil.Document(r)}
		}),
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			active := Parties(ctx, k, true)
			if body != secretariat || len(active) == 0 || r.Intn(2) == 0 {
				return nil
			}
			return &types.MsgDeregisterParty{Authority: communitytypes.BodyAddress(body).String(), Address: simutil.Pick(r, active)}
		})
}
