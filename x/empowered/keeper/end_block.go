package keeper

import (
	"context"
	"time"

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
		k.queueRunner().Do(sdkCtx, blockutil.Item{
			Queue: "action", ID: key.K2(),
			Run: func(c sdk.Context) error {
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
			},
			Drop:  func(c sdk.Context) error { return k.ActionQueue.Remove(c, key) },
			Close: func(c sdk.Context, cause error) error { return k.closeFailed(c, key.K2(), cause) },
		})
	}
	overdue, err := collutil.Due(ctx, k.InspectionQueue, now, limit)
	if err != nil {
		return err
	}
	for _, key := range overdue {
		k.queueRunner().Do(sdkCtx, blockutil.Item{
			Queue: "inspection", ID: key.K2(),
			Run:  func(c sdk.Context) error { return k.inspectionOverdue(c, key.K2()) },
			Drop: func(c sdk.Context) error { return k.InspectionQueue.Remove(c, key) },
		})
	}
	return nil
}

// closeFailed closes an action whose stage could not advance as
// EFFECT_FAILED, with the cause on record and its event, so that it does not
// stay open without a deadline.
func (k *Keeper) closeFailed(ctx sdk.Context, id uint64, cause error) error {
	a, err := k.GetAction(ctx, id)
	if err != nil || !a.Stage.Open() {
		return err
	}
	if err := k.setStage(ctx, &a, types.StageEffectFailed, time.Time{}, "could not advance: "+textutil.ErrorText(cause)); err != nil {
		return err
	}
	return k.storeAction(ctx, a)
}

// queueRunner runs this module's EndBlock queue items (blockutil.Runner).
func (k *Keeper) queueRunner() blockutil.Runner {
	return blockutil.Runner{Logger: k.logger, Report: func(ctx sdk.Context, queue string, id uint64, cause error) error {
		return k.emit(ctx, &types.EventQueueItemFailed{Queue: queue, Id: id, Error: textutil.ErrorText(cause)})
	}}
}
