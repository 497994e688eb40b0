package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/blockutil"
	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/textutil"
	"github.com/polity-chain/polity/x/empowered/types"
)

// EndBlocker moves actions whose stage ended and marks overdue inspections,
// at most max_queue_items_per_block of each; each item runs in its own cache
// context: an action that fails to advance is closed as EFFECT_FAILED with the
// cause; an entry that cannot be processed at all is dropped and reported by
// EventQueueItemFailed.
func (k *Keeper) EndBlocker(ctx context.Context) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	now, limit := sdkCtx.HeaderInfo().Time, int(params.MaxQueueItemsPerBlock)
	due, err := collutil.Due(ctx, k.ActionQueue, now, limit)
	if err != nil {
		return err
	}
	for _, key := range due {
		k.runItem(sdkCtx, key.K2(), func(c context.Context) error {
			a, err := k.GetAction(c, key.K2())
			if err != nil {
				return err
			}
			if !a.Stage.Open() || a.Deadline.Unix() != key.K1() {
				return k.ActionQueue.Remove(c, key) // stale entry
			}
			if err := k.advance(c, &a); err != nil {
				return err
			}
			return k.storeAction(c, a)
		}, func(cause error) { k.failOpen(sdkCtx, key, cause) })
	}
	overdue, err := collutil.Due(ctx, k.InspectionQueue, now, limit)
	if err != nil {
		return err
	}
	for _, key := range overdue {
		k.runItem(sdkCtx, key.K2(), func(c context.Context) error { return k.inspectionOverdue(c, key.K2()) },
			func(cause error) {
				if err := k.InspectionQueue.Remove(sdkCtx, key); err != nil {
					k.logger.Error("could not drop queue entry", "id", key.K2(), "err", err)
				}
				k.reportFailure(sdkCtx, "inspection", key.K2(), cause)
			})
	}
	return nil
}

// runItem runs one queue item in its own cache context; when it fails,
// nothing it wrote is kept and onFail deals with the item.
func (k *Keeper) runItem(ctx sdk.Context, id uint64, item func(context.Context) error, onFail func(error)) {
	if err := blockutil.Run(ctx, func(c sdk.Context) error { return item(c) }); err != nil {
		k.logger.Error("empowered queue item failed", "id", id, "err", err)
		onFail(err)
	}
}

// failOpen closes an action whose stage could not advance as EFFECT_FAILED,
// with the cause on record and its event, so that it neither stays open
// without a deadline nor blocks the queue. If even that fails, the queue
// entry is dropped.
func (k *Keeper) failOpen(ctx sdk.Context, key collections.Pair[int64, uint64], cause error) {
	err := blockutil.Run(ctx, func(c sdk.Context) error {
		a, err := k.GetAction(c, key.K2())
		if err != nil || !a.Stage.Open() {
			return err
		}
		if err := k.setStage(c, &a, types.StageEffectFailed, time.Time{}, "could not advance: "+textutil.ErrorText(cause)); err != nil {
			return err
		}
		return k.storeAction(c, a)
	})
	if err != nil {
		k.logger.Error("could not close a failed action; dropping its queue entry", "id", key.K2(), "err", err)
		k.reportFailure(ctx, "action", key.K2(), cause)
	}
	// the entry leaves the queue either way (setStage removes it when it can)
	if err := k.ActionQueue.Remove(ctx, key); err != nil {
		k.logger.Error("could not drop queue entry", "id", key.K2(), "err", err)
	}
}

// reportFailure emits EventQueueItemFailed for an item dropped from a queue.
func (k *Keeper) reportFailure(ctx sdk.Context, queue string, id uint64, cause error) {
	ev := &types.EventQueueItemFailed{Queue: queue, Id: id, Error: textutil.ErrorText(cause)}
	if err := k.emit(ctx, ev); err != nil {
		k.logger.Error("could not emit the failure event", "queue", queue, "id", id, "err", err)
	}
}
