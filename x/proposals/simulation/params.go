package simulation

import (
	"math/rand"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	"github.com/polity-chain/polity/x/proposals/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// ParamsPayloads propose a change of x/proposals' params (by Board
// resolution; the classification guard makes it a fundamental bylaw): the
// current params with the advice periods, the against-advice threshold, a
// text limit or one kind's Board voting period moved within bounds. Periods
// stay a few blocks long so that proposals still close within a run.
func ParamsPayloads(k *keeper.Keeper) []simutil.Payload {
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
				p.AdviceResponsePeriod, p.AdviceWait = hours(24, 96), hours(24, 96)
			case 1:
				p.AgainstAdviceThreshold = simutil.Pick(r, []string{"0.5", "0.6", "0.666666666666666667"})
			case 2:
				p.MaxTextLength = uint32(5_000 + r.Intn(20_000))
			default:
				rules := make([]types.KindRule, len(p.KindRules))
				copy(rules, p.KindRules)
				rules[r.Intn(len(rules))].BoardRule.VotingPeriod = hours(12, 36)
				p.KindRules = rules
			}
			return &types.MsgUpdateParams{Authority: k.Authorities().Governance, Params: p}
		},
	}
}
