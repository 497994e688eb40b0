package keeper

import (
	"context"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/blockutil"
	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/textutil"
	"github.com/polity-chain/polity/x/proposals/types"
)

// EndBlocker concludes the Board votes settled in this block, moves
// proposals whose phase deadline has come, marks overdue
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

	// Settled Board votes first: one settled by a vote concludes with that
	// outcome even when its deadline falls in the same block.
	if err := k.concludeSettled(sdkCtx, limit); err != nil {
		return err
	}
	due, err := collutil.Due(ctx, k.PhaseQueue, blockTime, limit)
	if err != nil {
		return err
	}
	for _, key := range due {
		k.queueRunner().Do(sdkCtx, blockutil.Item{
			Queue: "phase", ID: key.K2(),
			Run:  func(c sdk.Context) error { return k.advanceDue(c, key) },
			Drop: func(c sdk.Context) error { return k.PhaseQueue.Remove(c, key) },
			Close: func(c sdk.Context, cause error) error {
				return k.closeFailed(c, key.K2(), "could not advance: ", cause)
			},
		})
	}
	overdue, err := collutil.Due(ctx, k.AdviceQueue, blockTime, limit)
	if err != nil {
		return err
	}
	for _, key := range overdue {
		k.queueRunner().Do(sdkCtx, blockutil.Item{
			Queue: "advice", ID: key.K2(),
			Run:  func(c sdk.Context) error { return k.markOverdue(c, key.K2()) },
			Drop: func(c sdk.Context) error { return k.AdviceQueue.Remove(c, key) },
		})
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
		k.queueRunner().Do(ctx, blockutil.Item{
			Queue: "execution", ID: id,
			Run:   func(c sdk.Context) error { return k.runQueued(c, id) },
			Drop:  func(c sdk.Context) error { return k.ExecutionQueue.Remove(c, id) },
			Close: func(c sdk.Context, cause error) error { return k.closeFailed(c, id, "could not execute: ", cause) },
		})
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

// closeFailed closes a proposal whose phase change or execution failed as
// EXECUTION_FAILED, recording why (what, then the cause): with its queue
// entry dropped it could otherwise never move again.
func (k *Keeper) closeFailed(ctx sdk.Context, id uint64, what string, cause error) error {
	p, err := k.GetProposal(ctx, id)
	if err != nil || p.Status.Terminal() {
		return err
	}
	if err := k.transition(ctx, &p, types.StatusExecutionFailed, time.Time{}, what+textutil.ErrorText(cause)); err != nil {
		return err
	}
	return k.storeProposal(ctx, p)
}

// queueRunner runs this module's EndBlock queue items (blockutil.Runner).
func (k *Keeper) queueRunner() blockutil.Runner {
	return blockutil.Runner{Logger: k.logger, Report: func(ctx sdk.Context, queue string, id uint64, cause error) error {
		return k.emit(ctx, &types.EventQueueItemFailed{Queue: queue, Id: id, Error: textutil.ErrorText(cause)})
	}}
}
