package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
)

// EndBlocker moves actions whose stage ended and marks overdue inspections,
// at most max_queue_items_per_block of each; each item runs in its own cache
// context and a failing one is logged and dropped.
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
			return k.Actions.Set(c, a.Id, a)
		}, func() { _ = collutil.Drop(sdkCtx, k.ActionQueue, now, key.K2()) })
	}
	overdue, err := collutil.Due(ctx, k.InspectionQueue, now, limit)
	if err != nil {
		return err
	}
	for _, key := range overdue {
		k.runItem(sdkCtx, key.K2(), func(c context.Context) error { return k.inspectionOverdue(c, key.K2()) },
			func() { _ = collutil.Drop(sdkCtx, k.InspectionQueue, now, key.K2()) })
	}
	return nil
}

func (k *Keeper) runItem(ctx sdk.Context, id uint64, item func(context.Context) error, drop func()) {
	cacheCtx, write := ctx.CacheContext()
	if err := item(cacheCtx); err != nil {
		k.logger.Error("empowered queue item failed; dropping it", "id", id, "err", err)
		drop()
		return
	}
	write()
}
