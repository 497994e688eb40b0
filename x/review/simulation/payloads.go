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

// Payloads are x/review's decisions taken by a body: the Board's panel pick
// (a Board motion), and by resolution the Board's answers to reconsideration
// requests and upheld declarations, ratification of emergency actions and
// appointment and removal of panelists and appointment of the ombudsman;
// the secretariat's register of parties (partyPayloads), the periodic-review
// cycle (cyclePayloads); params changes (ParamsPayloads) are apart, for the
// directors' own operation (x/proposals). secretariat is
// the id of the community whose motions register parties.
func Payloads(k *keeper.Keeper, governance, secretariat string) []simutil.Payload {
	out := []simutil.Payload{
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			forming, panelists := IRPs(ctx, k, types.IRPPanelForming), Panelists(ctx, k)
			if body != communitytypes.BoardBodyID || len(forming) == 0 || len(panelists) == 0 {
				return nil
			}
			return &types.MsgChoosePanelist{Chooser: communitytypes.BodyAddress(body).String(),
				IrpId: simutil.Pick(r, forming).Id, Panelist: simutil.Pick(r, panelists)}
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			evaluated := Reconsiderations(ctx, k, types.ReconsiderationEvaluated)
			if body != simutil.GovernanceBody || len(evaluated) == 0 {
				return nil
			}
			return &types.MsgDecideReconsideration{Authority: governance, ReconsiderationId: simutil.Pick(r, evaluated).Id,
				Grant: r.Intn(2) == 0, Decision: simutil.Document(r), Frivolous: r.Intn(5) == 0}
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			upheld := IRPs(ctx, k, types.IRPUpheld)
			if body != simutil.GovernanceBody || len(upheld) == 0 {
				return nil
			}
			return &types.MsgRecordBoardAction{Authority: governance, IrpId: simutil.Pick(r, upheld).Id, Action: simutil.Document(r)}
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			active := Emergencies(ctx, k, types.EmergencyActive)
			if body != simutil.GovernanceBody || len(active) == 0 {
				return nil
			}
			return &types.MsgRatifyEmergency{Authority: governance, EmergencyId: simutil.Pick(r, active).Id}
		},
		func(r *rand.Rand, _ sdk.Context, accs []simtypes.Account, body string) sdk.Msg {
			if body != simutil.GovernanceBody {
				return nil
			}
			acc, _ := simtypes.RandomAcc(r, accs)
			return &types.MsgAppointPanelist{Authority: governance, Address: acc.Address.String(), Name: "simulated panelist"}
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			panelists := Panelists(ctx, k)
			if body != simutil.GovernanceBody || len(panelists) == 0 {
				return nil
			}
			return &types.MsgRemovePanelist{Authority: governance, Address: simutil.Pick(r, panelists)}
		},
		func(r *rand.Rand, _ sdk.Context, accs []simtypes.Account, body string) sdk.Msg {
			if body != simutil.GovernanceBody {
				return nil
			}
			acc, _ := simtypes.RandomAcc(r, accs)
			return &types.MsgAppointOmbudsman{Authority: governance, Address: acc.Address.String()}
		},
	}
	out = append(out, partyPayloads(k, secretariat)...)
	return append(out, cyclePayloads(k, governance)...)
}
