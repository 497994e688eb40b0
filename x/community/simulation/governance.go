package simulation

import (
	"fmt"
	"math/rand"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"

	"github.com/polity-chain/polity/internal/simutil"
	"github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// GovernancePayloads are the bylaw changes to communities that a ratified
// Board proposal makes (signed by governance): founding a community,
// rewriting a charter, changing seats, rules, the decisional-participant
// flag and privileges. Most are valid; the keeper refuses the rest (a seat
// cut below its holders, a privilege for a non-advisory community), and
// the proposal then ends as EXECUTION_FAILED, which the run tolerates.
func GovernancePayloads(k *keeper.Keeper, governance string) []simutil.Payload {
	gov := func(build func(r *rand.Rand, ctx sdk.Context, c types.Community) sdk.Msg) simutil.Payload {
		return func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			communities := Communities(ctx, k)
			if body != simutil.GovernanceBody || len(communities) == 0 {
				return nil
			}
			return build(r, ctx, simutil.Pick(r, communities))
		}
	}
	return []simutil.Payload{
		gov(func(r *rand.Rand, ctx sdk.Context, parent types.Community) sdk.Msg {
			msg := &types.MsgCreateCommunity{Authority: governance, Id: fmt.Sprintf("sim-%d", r.Intn(1_000)),
				Name: "Simulated community", Kind: types.CommunityKind(1 + r.Intn(4)), Charter: simutil.Document(r),
				Rule: types.DecisionRule{Threshold: "0.5", Quorum: "0.5", VotingPeriod: hours(r, 12, 36), Basis: types.BasisVotesCast}}
			if r.Intn(3) == 0 {
				msg.ParentId = parent.Id
			}
			return msg
		}),
		gov(func(r *rand.Rand, _ sdk.Context, c types.Community) sdk.Msg {
			return &types.MsgUpdateCommunityCharter{Authority: governance, CommunityId: c.Id, Name: c.Name + " (amended)", Charter: simutil.Document(r)}
		}),
		gov(func(r *rand.Rand, _ sdk.Context, c types.Community) sdk.Msg {
			// liaison seats and NomCom delegates move by one; voting seats
			// and validator power stay, so the Board and the cap hold
			seats := c.Seats
			seats.LiaisonBoardSeats = step(r, seats.LiaisonBoardSeats)
			seats.NomcomDelegates = step(r, seats.NomcomDelegates)
			return &types.MsgSetSeatAllocation{Authority: governance, CommunityId: c.Id, Seats: seats}
		}),
		gov(func(r *rand.Rand, ctx sdk.Context, c types.Community) sdk.Msg {
			return decisionRule(r, ctx, k, governance, c.Id)
		}),
		gov(func(r *rand.Rand, _ sdk.Context, c types.Community) sdk.Msg {
			return &types.MsgSetDecisionalParticipant{Authority: governance, CommunityId: c.Id, Decisional: r.Intn(4) > 0}
		}),
		gov(func(r *rand.Rand, _ sdk.Context, c types.Community) sdk.Msg {
			deference := c.Kind == types.KindAdvisory && r.Intn(3) > 0
			return &types.MsgSetCommunityPrivileges{Authority: governance, CommunityId: c.Id,
				AdviceDeference: deference, CarveOutEligible: deference && c.DecisionalParticipant && r.Intn(2) == 0}
		}),
	}
}

// decisionRule proposes a new rule for a body (a community, or the Board
// one time in four): its current houses with a threshold and quorum that
// still let motions pass, and a voting period of a few blocks.
func decisionRule(r *rand.Rand, ctx sdk.Context, k *keeper.Keeper, governance, id string) sdk.Msg {
	if r.Intn(4) == 0 {
		id = types.BoardBodyID
	}
	b, err := k.GetBody(ctx, id)
	if err != nil {
		return nil
	}
	rule := b.Rule
	rule.Threshold = simutil.Pick(r, []string{"0.5", "0.6", "0.666666666666666667"})
	rule.Quorum = simutil.Pick(r, []string{"0.25", "0.4", "0.5"})
	rule.VotingPeriod = hours(r, 12, 36)
	return &types.MsgSetDecisionRule{Authority: governance, BodyId: id, Rule: rule}
}

// step moves a small count up or down by one, never below zero.
func step(r *rand.Rand, n uint32) uint32 {
	if n > 0 && r.Intn(2) == 0 {
		return n - 1
	}
	return n + 1
}

// hours is a random duration of lo to hi hours: simulated blocks are 1.4 to
// 2.8 hours apart, so this is a few blocks.
func hours(r *rand.Rand, lo, hi int) time.Duration {
	return time.Duration(lo+r.Intn(hi-lo+1)) * time.Hour
}
