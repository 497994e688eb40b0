package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/blockutil"
	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/textutil"
	"github.com/polity-chain/polity/x/review/types"
)

// EndBlocker records draw seeds, completes panels, and processes every due
// deadline: missed Board deadlines, overdue reconsiderations, complaints,
// reports and recommendations, emergency consultations and expiries, and
// periodic reviews to open. Each queue yields at most
// max_queue_items_per_block items; each item runs in its own cache context
// and a failing one is logged, dropped and reported by EventQueueItemFailed,
// never allowed to halt the chain.
func (k *Keeper) EndBlocker(ctx context.Context) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	limit := int(params.MaxQueueItemsPerBlock)

	seeds, err := collutil.DueBy(ctx, k.SeedQueue, sdkCtx.BlockHeight(), limit)
	if err != nil {
		return err
	}
	for _, key := range seeds {
		k.runItem(sdkCtx, "seed", key.K2(), func(c context.Context) error {
			if err := k.SeedQueue.Remove(c, key); err != nil {
				return err
			}
			return k.mixSeed(c, key.K2())
		}, func() error { return k.SeedQueue.Remove(sdkCtx, key) })
	}
	queues := []struct {
		name  string
		queue collections.KeySet[collutil.QueueKey]
		item  func(context.Context, uint64) error
	}{
		{"pick", k.PickQueue, k.pickDeadlinePassed},
		{"board", k.BoardQueue, k.boardDeadlinePassed},
		{"reconsideration", k.ReconsiderationQueue, k.reconsiderationOverdue},
		{"complaint", k.ComplaintQueue, k.complaintOverdue},
		{"review", k.ReviewQueue, k.reviewOverdue},
		{"recommendation", k.RecommendationQueue, k.recommendationOverdue},
		{"consultation", k.ConsultationQueue, k.consultationMissed},
		{"expiry", k.ExpiryQueue, k.expireEmergency},
	}
	for _, q := range queues {
		due, err := collutil.Due(ctx, q.queue, sdkCtx.HeaderInfo().Time, limit)
		if err != nil {
			return err
		}
		for _, key := range due {
			id, queue, item := key.K2(), q.queue, q.item
			k.runItem(sdkCtx, q.name, id, func(c context.Context) error { return item(c, id) }, func() error {
				return queue.Remove(sdkCtx, key)
			})
		}
	}
	k.runItem(sdkCtx, "schedule", 0, func(c context.Context) error { return k.openScheduled(c, params) }, func() error { return nil })
	return nil
}

// runItem runs one item in a cache context, writing it on success; on failure
// it logs, calls drop so the item cannot block its queue, and emits
// EventQueueItemFailed. A panic (in this module or a keeper it calls) counts
// as a failure: baseapp does not recover panics in EndBlock, and one would
// halt the chain.
func (k *Keeper) runItem(ctx sdk.Context, queue string, id uint64, item func(context.Context) error, drop func() error) {
	err := blockutil.Run(ctx, func(c sdk.Context) error { return item(c) })
	if err == nil {
		return
	}
	k.logger.Error("review queue item failed; dropping it", "queue", queue, "id", id, "err", err)
	if derr := drop(); derr != nil {
		k.logger.Error("could not drop queue entry", "queue", queue, "id", id, "err", derr)
	}
	if eerr := k.emit(ctx, &types.EventQueueItemFailed{Queue: queue, Id: id, Error: textutil.ErrorText(err)}); eerr != nil {
		k.logger.Error("could not emit the failure event", "queue", queue, "id", id, "err", eerr)
	}
}
