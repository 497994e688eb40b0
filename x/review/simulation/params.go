package simulation

import (
	"math/rand"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	"github.com/polity-chain/polity/x/review/keeper"
	"github.com/polity-chain/polity/x/review/types"
)

// ParamsPayloads propose a change of x/review's params (by Board
// resolution; a fundamental bylaw): the current params with the complaint
// or panel-pick period, the emergency cooldown, a text limit or the team
// size moved within bounds. Periods stay a few blocks long so that cases
// and complaints still close within a run; the safety floors (filing
// windows, the standing panel, deposits) stay as they are.
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
			hours := func(lo, hi int) time.Duration { return time.Duration(lo+r.Intn(hi-lo+1)) * time.Hour }
			switch r.Intn(4) {
			case 0:
				p.ComplaintPeriod, p.PanelPickPeriod = hours(24, 96), hours(24, 96)
			case 1:
				p.EmergencyCooldown = hours(0, 48)
			case 2:
				p.MaxTextLength = uint32(5_000 + r.Intn(20_000))
			default:
				p.MaxTeamSize = uint32(3 + r.Intn(19))
			}
			return &types.MsgUpdateParams{Authority: governance, Params: p}
		},
	}
}
