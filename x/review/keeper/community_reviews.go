package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/blockutil"
	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/review/types"
)

// Per-community organisational reviews (a review cycle with per_community):
// every top-level community other than the secretariat is reviewed once
// every period on its own schedule (ICANN: each SO/AC at least every five
// years), rather than one community per period in turn.
//
// Each community's next review is one entry in a time-ordered queue, so
// EndBlock touches only what is due (at most max_queue_items_per_block).
// When a review opens, the community's next one is scheduled a period
// later. Communities are enrolled by a cursor that looks at one community a
// block (wrapping round in id order): a community the schedule lacks, for
// instance one founded after genesis, is given its first review a period
// after it is found. Sub-communities (houses, stakeholder groups) are
// reviewed as part of their parent.

// runCommunityReviews opens the due per-community reviews and enrols one
// more community. Each item runs in its own cache context.
func (k *Keeper) runCommunityReviews(ctx sdk.Context, params types.Params, limit int) error {
	cycle, ok := params.PerCommunityCycle()
	if !ok {
		return nil
	}
	due, err := k.dueCommunityReviews(ctx, ctx.HeaderInfo().Time.Unix(), limit)
	if err != nil {
		return err
	}
	for i, key := range due {
		// the item's id is its place in this block's batch; a failure is
		// logged with the community and the entry dropped
		k.queueRunner().Do(ctx, blockutil.Item{
			Queue: "community_review:" + key.K2(), ID: uint64(i),
			Run:  func(c sdk.Context) error { return k.openCommunityReview(c, cycle, key) },
			Drop: func(c sdk.Context) error { return k.CommunityReviewQueue.Remove(c, key) },
		})
	}
	k.queueRunner().Do(ctx, blockutil.Item{
		Queue: "community_review_enrol",
		Run:   func(c sdk.Context) error { return k.enrolNextCommunity(c, cycle) },
		Drop:  func(sdk.Context) error { return nil }, // the cursor is not a queue entry
	})
	return nil
}

// dueCommunityReviews collects up to limit entries due at or before now.
// Keys are collected first: the store is written while they are processed.
func (k *Keeper) dueCommunityReviews(ctx context.Context, now int64, limit int) ([]collections.Pair[int64, string], error) {
	rng := new(collections.Range[collections.Pair[int64, string]]).EndExclusive(collections.Join(now+1, ""))
	return collutil.Collect(ctx, k.CommunityReviewQueue, rng, limit)
}

// openCommunityReview opens one community's due review and schedules its
// next. A community that is no longer reviewed on its own (it was moved
// under a parent) leaves the schedule.
func (k *Keeper) openCommunityReview(ctx context.Context, cycle types.ReviewCycle, key collections.Pair[int64, string]) error {
	id := key.K2()
	if err := k.CommunityReviewQueue.Remove(ctx, key); err != nil {
		return err
	}
	c, err := k.community.GetCommunity(ctx, id)
	if err != nil || !types.ReviewedOnItsOwn(c) {
		return k.CommunityReviews.Remove(ctx, id)
	}
	if _, err := k.openReview(ctx, cycle, id); err != nil {
		return err
	}
	return k.scheduleCommunityReview(ctx, id, deadline(ctx, cycle.Period))
}

// enrolNextCommunity looks at the community after the cursor and gives it
// its first review a period from now if the schedule lacks it.
func (k *Keeper) enrolNextCommunity(ctx context.Context, cycle types.ReviewCycle) error {
	cursor, err := k.CommunityReviewCursor.Get(ctx)
	if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	next, ok, err := k.community.NextCommunity(ctx, cursor)
	if err != nil || !ok {
		return err
	}
	if err := k.CommunityReviewCursor.Set(ctx, next); err != nil {
		return err
	}
	if has, err := k.CommunityReviews.Has(ctx, next); err != nil || has {
		return err
	}
	c, err := k.community.GetCommunity(ctx, next)
	if err != nil || !types.ReviewedOnItsOwn(c) {
		return err
	}
	return k.scheduleCommunityReview(ctx, next, deadline(ctx, cycle.Period))
}

// scheduleCommunityReview sets a community's next review, replacing any
// entry it had.
func (k *Keeper) scheduleCommunityReview(ctx context.Context, id string, due time.Time) error {
	old, err := k.CommunityReviews.Get(ctx, id)
	if err == nil {
		if err := k.CommunityReviewQueue.Remove(ctx, collections.Join(old, id)); err != nil {
			return err
		}
	} else if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	if err := k.CommunityReviews.Set(ctx, id, due.Unix()); err != nil {
		return err
	}
	if err := k.CommunityReviewQueue.Set(ctx, collections.Join(due.Unix(), id)); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventCommunityReviewScheduled{CommunityId: id, DueUnix: due.Unix()})
}

// communityReviewSchedule lists every community's next review, soonest
// first (genesis export; the query pages the same queue).
func (k *Keeper) communityReviewSchedule(ctx context.Context) ([]types.CommunityReview, error) {
	iter, err := k.CommunityReviewQueue.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer iter.Close()
	var out []types.CommunityReview
	for ; iter.Valid(); iter.Next() {
		key, err := iter.Key()
		if err != nil {
			return nil, err
		}
		out = append(out, types.CommunityReview{CommunityId: key.K2(), Due: time.Unix(key.K1(), 0).UTC()})
	}
	return out, nil
}
