package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/x/review/types"
)

// Every record carries its creation and last-update height and time
// (ARCHITECTURE.md). The store helpers below are the only writers of the
// module's mutable records outside genesis import (which restores records
// exactly as exported): each stamps the update height and time from the block
// being finalised, then saves. A record created in a block is stamped with the
// same height and time as its creation fields.

// storeIRP stamps and saves a case.
func (k *Keeper) storeIRP(ctx context.Context, c types.IRP) error {
	c.UpdatedTime, c.UpdatedHeight = blockTime(ctx)
	return k.IRPs.Set(ctx, c.Id, c)
}

// storeReconsideration stamps and saves a reconsideration request.
func (k *Keeper) storeReconsideration(ctx context.Context, r types.Reconsideration) error {
	r.UpdatedTime, r.UpdatedHeight = blockTime(ctx)
	return k.Reconsiderations.Set(ctx, r.Id, r)
}

// storeComplaint stamps and saves a complaint.
func (k *Keeper) storeComplaint(ctx context.Context, c types.Complaint) error {
	c.UpdatedTime, c.UpdatedHeight = blockTime(ctx)
	return k.Complaints.Set(ctx, c.Id, c)
}

// storeEmergency stamps and saves an emergency action.
func (k *Keeper) storeEmergency(ctx context.Context, e types.Emergency) error {
	e.UpdatedTime, e.UpdatedHeight = blockTime(ctx)
	return k.Emergencies.Set(ctx, e.Id, e)
}

// storeReview stamps and saves a review.
func (k *Keeper) storeReview(ctx context.Context, r types.Review) error {
	r.UpdatedTime, r.UpdatedHeight = blockTime(ctx)
	return k.Reviews.Set(ctx, r.Id, r)
}

// storeRecommendation stamps and saves a recommendation.
func (k *Keeper) storeRecommendation(ctx context.Context, rec types.Recommendation) error {
	rec.UpdatedTime, rec.UpdatedHeight = blockTime(ctx)
	return k.Recommendations.Set(ctx, collections.Join(rec.ReviewId, rec.Index), rec)
}
