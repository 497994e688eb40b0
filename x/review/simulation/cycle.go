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

// cyclePayloads drive the periodic-review cycle: a community nominates a
// reviewer for an open review (its motion); by Board resolution the team
// is appointed from the nominees, and the report's recommendations are
// decided and their implementation recorded. The team files its report
// directly (fileReviewReport).
func cyclePayloads(k *keeper.Keeper, governance string) []simutil.Payload {
	return []simutil.Payload{
		nominate(k),
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			var nominated []types.Review
			for _, rv := range Reviews(ctx, k, types.ReviewOpen) {
				if len(rv.Nominees) > 0 {
					nominated = append(nominated, rv)
				}
			}
			if body != simutil.GovernanceBody || len(nominated) == 0 {
				return nil
			}
			rv := simutil.Pick(r, nominated)
			team := rv.Nominees[:1+r.Intn(min(len(rv.Nominees), 3))]
			return &types.MsgAppointReviewTeam{Authority: governance, ReviewId: rv.Id, Members: team}
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			proposed := Recommendations(ctx, k, types.RecommendationProposed)
			if body != simutil.GovernanceBody || len(proposed) == 0 {
				return nil
			}
			rec := simutil.Pick(r, proposed)
			return &types.MsgDecideRecommendation{Authority: governance, ReviewId: rec.ReviewId, Index: rec.Index, Approve: r.Intn(3) > 0}
		},
		func(r *rand.Rand, ctx sdk.Context, _ []simtypes.Account, body string) sdk.Msg {
			approved := Recommendations(ctx, k, types.RecommendationApproved)
			if body != simutil.GovernanceBody || len(approved) == 0 {
				return nil
			}
			rec := simutil.Pick(r, approved)
			return &types.MsgRecordImplementation{Authority: governance, ReviewId: rec.ReviewId, Index: rec.Index, Evidence: simutil.Document(r)}
		},
	}
}

// nominate proposes a community's nominee (a random account) for an open
// review.
func nominate(k *keeper.Keeper) simutil.Payload {
	return func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account, body string) sdk.Msg {
		open := Reviews(ctx, k, types.ReviewOpen)
		if body == "" || body == communitytypes.BoardBodyID || body == simutil.GovernanceBody || len(open) == 0 {
			return nil
		}
		acc, _ := simtypes.RandomAcc(r, accs)
		return &types.MsgNominateReviewer{Authority: communitytypes.BodyAddress(body).String(), CommunityId: body,
			ReviewId: simutil.Pick(r, open).Id, Nominee: acc.Address.String()}
	}
}

// nominationMotion has a member of a random community move a motion
// nominating a reviewer: every community may, and each review needs some.
func nominationMotion(k Keepers) op {
	pick := func(r *rand.Rand, ctx sdk.Context) string {
		bodies := communitysim.Bodies(ctx, k.Community)
		if len(bodies) == 0 {
			return ""
		}
		return simutil.Pick(r, bodies)
	}
	return motion(k, pick, []simutil.Payload{nominate(k.Review)})
}

// fileReviewReport has a member of a review team (or a stray account) file
// its report with up to three recommendations.
func fileReviewReport(k Keepers) op {
	return func(r *rand.Rand, ctx sdk.Context, accs []simtypes.Account) (simtypes.Account, sdk.Msg) {
		working := Reviews(ctx, k.Review, types.ReviewInProgress)
		if len(working) == 0 {
			return simtypes.Account{}, nil
		}
		rv := simutil.Pick(r, working)
		acc := simutil.Actor(r, accs, simutil.Holders(accs, rv.Team), stray)
		recs := make([]string, r.Intn(4))
		for i := range recs {
			recs[i] = "a simulated recommendation"
		}
		return acc, &types.MsgFileReviewReport{Member: acc.Address.String(), ReviewId: rv.Id, Report: simutil.Document(r), Recommendations: recs}
	}
}
