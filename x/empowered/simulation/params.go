package simulation

import (
	"math/rand"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	"github.com/polity-chain/polity/x/empowered/keeper"
	"github.com/polity-chain/polity/x/empowered/types"
)

// ParamsPayloads propose a change of the Empowered Community's procedures
// (by Board resolution; a fundamental bylaw): the current params with the
// inspection response period, a text limit, or one power's forum and
// decision periods moved within bounds. Periods stay a few blocks long so
// that actions still close within a run; thresholds stay as they are.
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
			switch r.Intn(3) {
			case 0:
				p.InspectionResponsePeriod = hours(24, 96)
			case 1:
				p.MaxTextLength = uint32(5_000 + r.Intn(20_000))
			default:
				rules := make([]types.PowerRule, len(p.Rules))
				copy(rules, p.Rules)
				rule := &rules[r.Intn(len(rules))]
				rule.ForumPeriod, rule.DecisionPeriod = hours(24, 60), hours(48, 120)
				p.Rules = rules
			}
			return &types.MsgUpdateParams{Authority: governance, Params: p}
		},
	}
}
