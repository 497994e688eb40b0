package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/blockutil"
	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/textutil"
	"github.com/polity-chain/polity/x/proposals/types"
)

// EndBlocker moves proposals whose phase deadline has come, marks overdue
// advice, then executes QUEUED proposals. Only due queue entries are touched,
// at most max_queue_items_per_block of each; every item runs in its own cache
// context and a failing one is logged and dropped, never allowed to halt the
// chain. A proposal whose phase change or execution failed ends
// EXECUTION_FAILED with the reason, so it never sits in an open phase with no
// deadline. Execution comes last so that a proposal approved at a deadline in
// this block executes in this block.
func (k *Keeper) EndBlocker(ctx context.Context) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	blockTime, limit := sdkCtx.HeaderInfo().Time, int(params.MaxQueueItemsPerBlock)

	due, err := collutil.Due(ctx, k.PhaseQueue, blockTime, limit)
	if err != nil {
		return err
	}
	for _, key := range due {
		if err := k.runItem(sdkCtx, k.PhaseQueue, key, func(c context.Context) error { return k.advanceDue(c, key) }); err != nil {
			k.failOpen(sdkCtx, "phase", key.K2(), "could not advance: ", err)
		}
	}
	overdue, err := collutil.Due(ctx, k.AdviceQueue, blockTime, limit)
	if err != nil {
		return err
	}
	for _, key := range overdue {
		if err := k.runItem(sdkCtx, k.AdviceQueue, key, func(c context.Context) error { return k.markOverdue(c, key.K2()) }); err != nil {
			k.reportFailure(sdkCtx, "advice", key.K2(), err)
		}
	}
	return k.executeDue(sdkCtx, limit)
}

// executeDue executes up to limit QUEUED proposals, lowest id first; the rest
// wait for the next block. The ids are read before anything is written.
func (k *Keeper) executeDue(ctx sdk.Context, limit int) error {
	ids, err := collutil.First(ctx, k.ExecutionQueue, limit)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := blockutil.Run(ctx, func(c sdk.Context) error { return k.runQueued(c, id) }); err != nil {
			k.logger.Error("execution queue item failed; dropping it from the queue", "id", id, "err", err)
			// Dropped outside the item's cache context, so that a proposal
			// whose record cannot even be closed does not block the queue.
			if err := k.ExecutionQueue.Remove(ctx, id); err != nil {
				k.logger.Error("could not drop execution queue entry", "id", id, "err", err)
			}
			k.failOpen(ctx, "execution", id, "could not execute: ", err)
		}
	}
	return nil
}

// runQueued executes one QUEUED proposal; an entry whose proposal is no
// longer QUEUED is stale and only removed.
func (k *Keeper) runQueued(ctx context.Context, id uint64) error {
	p, err := k.GetProposal(ctx, id)
	if err != nil {
		return err
	}
	if p.Status != types.StatusQueued {
		return k.ExecutionQueue.Remove(ctx, id)
	}
	if err := k.executeQueued(ctx, &p); err != nil {
		return err
	}
	return k.storeProposal(ctx, p)
}

// advanceDue advances the proposal of a due queue entry.
func (k *Keeper) advanceDue(ctx context.Context, key collutil.QueueKey) error {
	p, err := k.GetProposal(ctx, key.K2())
	if err != nil {
		return err
	}
	if !queued(p) || p.Deadline.Unix() != key.K1() {
		return k.PhaseQueue.Remove(ctx, key) // stale: the proposal has moved on
	}
	if err := k.advance(ctx, &p); err != nil {
		return err
	}
	return k.storeProposal(ctx, p)
}

// runItem runs one queue item in a cache context, writing it on success; on
// failure it logs and drops the item's queue entry so it cannot block the
// queue, and returns the item's error.
func (k *Keeper) runItem(ctx sdk.Context, queue collections.KeySet[collutil.QueueKey], key collutil.QueueKey, item func(context.Context) error) error {
	id := key.K2()
	err := blockutil.Run(ctx, func(c sdk.Context) error { return item(c) })
	if err == nil {
		return nil
	}
	k.logger.Error("queue item failed; dropping it from the queue", "id", id, "err", err)
	if err := queue.Remove(ctx, key); err != nil {
		k.logger.Error("could not drop queue entry", "id", id, "err", err)
	}
	return err
}

// failOpen closes a proposal whose phase change or execution failed as
// EXECUTION_FAILED, recording why (what, then the cause; queue names the
// queue in the failure event if even that fails): with its queue
// entry dropped it could otherwise never move again. It runs in its own cache
// context and only logs if even that fails.
func (k *Keeper) failOpen(ctx sdk.Context, queue string, id uint64, what string, cause error) {
	err := blockutil.Run(ctx, func(c sdk.Context) error {
		p, err := k.GetProposal(c, id)
		if err != nil || p.Status.Terminal() {
			return err
		}
		if err := k.transition(c, &p, types.StatusExecutionFailed, time.Time{}, what+textutil.ErrorText(cause)); err != nil {
			return err
		}
		return k.storeProposal(c, p)
	})
	if err != nil {
		k.logger.Error("could not close a failed proposal", "id", id, "err", err)
		k.reportFailure(ctx, queue, id, cause)
	}
}

// reportFailure emits EventQueueItemFailed for an item dropped from a queue
// without a record of its own to carry the failure.
func (k *Keeper) reportFailure(ctx sdk.Context, queue string, id uint64, cause error) {
	ev := &types.EventQueueItemFailed{Queue: queue, Id: id, Error: textutil.ErrorText(cause)}
	if err := k.emit(ctx, ev); err != nil {
		k.logger.Error("could not emit the failure event", "queue", queue, "id", id, "err", err)
	}
}
