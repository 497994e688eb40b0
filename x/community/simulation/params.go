package simulation

import (
	"math/rand"

	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	"github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// ParamsPayloads propose a bylaws change (MsgUpdateParams, by Board
// resolution): the current params with one text limit or the open-door fee
// moved within bounds that keep the simulation's own messages and fee
// valid. Bootstrap mode stays as it is (it can only be switched off).
func ParamsPayloads(k *keeper.Keeper, governance string) []simutil.Payload {
	return []simutil.Payload{
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			if body != simutil.GovernanceBody {
				return nil
			}
			p, err := k.GetParams(ctx)
			if err != nil {
				return nil
			}
			switch r.Intn(4) {
			case 0:
				p.MaxReasonLength = uint32(500 + r.Intn(2_000))
			case 1:
				p.MaxTitleLength = uint32(128 + r.Intn(512))
			case 2:
				p.MaxSummaryLength = uint32(5_000 + r.Intn(20_000))
			default:
				// at most simutil.Fee, which every simulated transaction pays
				p.OpenDoorMinFee = sdk.NewCoins(sdk.NewInt64Coin(types.FeeDenom, int64(500+r.Intn(1_501))))
			}
			return &types.MsgUpdateParams{Authority: governance, Params: p}
		},
	}
}
