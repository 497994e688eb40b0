package simulation

import (
	"math/rand"

	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	communitykeeper "github.com/polity-chain/polity/x/community/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// Payloads are x/proposals' decisions taken by a body: a supporting
// community submits a policy proposal, an advisory community gives advice
// (on an open proposal or a topic), a Board resolution answers advice, and
// x/proposals' params changes (ParamsPayloads) are apart, for the
// directors' own operation.
func Payloads(k *keeper.Keeper, ck *communitykeeper.Keeper) []simutil.Payload {
	return []simutil.Payload{
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			if kindOf(ctx, ck, body) != communitytypes.KindSupporting {
				return nil
			}
			return &types.MsgSubmitProposal{Proposer: communitytypes.BodyAddress(body).String(), Originator: body,
				Kind: types.KindPolicy, Title: "simulated policy", Summary: "simulation", Document: simutil.Document(r)}
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			if kindOf(ctx, ck, body) != communitytypes.KindAdvisory {
				return nil
			}
			msg := &types.MsgSubmitAdvice{Authority: communitytypes.BodyAddress(body).String(), CommunityId: body,
				Title: "simulated advice", Document: simutil.Document(r), Consensus: r.Intn(2) == 0}
			if open := Open(ctx, k); len(open) > 0 && r.Intn(3) > 0 {
				msg.ProposalId = simutil.Pick(r, open).Id
			} else {
				msg.Topic = "a topic"
			}
			return msg
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			pending := PendingAdvice(ctx, k)
			if body != simutil.GovernanceBody || len(pending) == 0 {
				return nil
			}
			return &types.MsgRespondToAdvice{Authority: k.Authorities().Governance, AdviceId: simutil.Pick(r, pending).Id,
				Response: types.AdviceResponse(1 + r.Intn(3)), Rationale: simutil.Document(r)}
		},
	}
}

// kindOf returns a body's community kind (unspecified for the Board or an
// unknown id).
func kindOf(ctx sdk.Context, ck *communitykeeper.Keeper, body string) communitytypes.CommunityKind {
	c, err := ck.GetCommunity(ctx, body)
	if err != nil {
		return communitytypes.KindUnspecified
	}
	return c.Kind
}
