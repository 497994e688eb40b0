package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
)

// EndBlocker records draw seeds, completes panels, and processes every due
// deadline: missed Board deadlines, overdue reconsiderations, complaints,
// reports and recommendations, emergency consultations and expiries, and
// periodic reviews to open. Each queue yields at most
// max_queue_items_per_block items; each item runs in its own cache context
// and a failing one is logged and dropped, never allowed to halt the chain.
func (k *Keeper) EndBlocker(ctx context.Context) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	limit := int(params.MaxQueueItemsPerBlock)

	seeds, err := k.seedsDue(ctx, sdkCtx.BlockHeight(), limit)
	if err != nil {
		return err
	}
	for _, key := range seeds {
		k.runItem(sdkCtx, func(c context.Context) error {
			if err := k.SeedQueue.Remove(c, key); err != nil {
				return err
			}
			return k.recordSeed(c, key.K2())
		}, func() { _ = k.SeedQueue.Remove(sdkCtx, key) })
	}
	queues := []struct {
		queue collections.KeySet[collutil.QueueKey]
		item  func(context.Context, uint64) error
	}{
		{k.PickQueue, k.pickDeadlinePassed},
		{k.BoardQueue, k.boardDeadlinePassed},
		{k.ReconsiderationQueue, k.reconsiderationOverdue},
		{k.ComplaintQueue, k.complaintOverdue},
		{k.ReviewQueue, k.reviewOverdue},
		{k.RecommendationQueue, k.recommendationOverdue},
		{k.ConsultationQueue, k.consultationMissed},
		{k.ExpiryQueue, k.expireEmergency},
	}
	for _, q := range queues {
		due, err := collutil.Due(ctx, q.queue, sdkCtx.HeaderInfo().Time, limit)
		if err != nil {
			return err
		}
		for _, key := range due {
			id, queue, item := key.K2(), q.queue, q.item
			k.runItem(sdkCtx, func(c context.Context) error { return item(c, id) }, func() {
				if err := collutil.Drop(sdkCtx, queue, sdkCtx.HeaderInfo().Time, id); err != nil {
					k.logger.Error("could not drop queue entry", "id", id, "err", err)
				}
			})
		}
	}
	k.runItem(sdkCtx, func(c context.Context) error { return k.openScheduled(c, params) }, func() {})
	return nil
}

// runItem runs one item in a cache context, writing it on success; on failure
// it logs and calls drop so the item cannot block its queue. A panic (in this
// module or a keeper it calls) counts as a failure: baseapp does not recover
// panics in EndBlock, and one would halt the chain.
func (k *Keeper) runItem(ctx sdk.Context, item func(context.Context) error, drop func()) {
	cacheCtx, write := ctx.CacheContext()
	if err := safeRun(cacheCtx, item); err != nil {
		k.logger.Error("review queue item failed; dropping it", "err", err)
		drop()
		return
	}
	write()
}

// safeRun runs item, turning a panic into an error.
func safeRun(ctx context.Context, item func(context.Context) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return item(ctx)
}
