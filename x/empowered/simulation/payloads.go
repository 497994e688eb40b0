package simulation

import (
	"math/rand"

	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	communitykeeper "github.com/polity-chain/polity/x/community/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/keeper"
	"github.com/polity-chain/polity/x/empowered/types"
)

// Payloads are the Empowered Community's decisions taken by a decisional
// participant's motion (petition, support, decide) and the Board's answer to
// an inspection request (by resolution). Non-participants' motions carrying
// them fail, as they must. Params changes (ParamsPayloads) are apart, for
// the directors' own operation (x/proposals).
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
