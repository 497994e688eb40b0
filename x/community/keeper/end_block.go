package keeper

import (
	"context"

	abci "github.com/cometbft/cometbft/abci/types"

	"cosmossdk.io/collections"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/blockutil"
	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/textutil"
	"github.com/polity-chain/polity/x/community/types"
)

// EndBlocker decides motions whose voting ended, runs the messages of passed
// motions, vacates seats whose term ended, and hands this block's validator
// changes to CometBFT. It touches only due queue entries, at most
// max_queue_items_per_block of each kind; the rest wait a block. A failing
// item is logged and recorded, never allowed to halt the chain: only an
// unreadable store makes it return an error.
func (k *Keeper) EndBlocker(ctx context.Context) ([]abci.ValidatorUpdate, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	limit := int(params.MaxQueueItemsPerBlock)

	due, err := collutil.Due(ctx, k.MotionQueue, sdkCtx.HeaderInfo().Time, limit)
	if err != nil {
		return nil, err
	}
	for _, key := range due {
		k.endMotion(sdkCtx, key)
	}
	// After the deadlines, so that a motion passed at its deadline runs in
	// the same block as one passed by a vote.
	if err := k.runExecutionQueue(sdkCtx, limit); err != nil {
		return nil, err
	}
	expiring, err := collutil.Due(ctx, k.SeatExpiry, sdkCtx.HeaderInfo().Time, limit)
	if err != nil {
		return nil, err
	}
	for _, key := range expiring {
		k.expireSeat(sdkCtx, key)
	}
	return k.validatorUpdates(ctx)
}

// endMotion decides one motion whose voting period is over, in its own cache
// context so that a failure leaves no partial write.
func (k *Keeper) endMotion(ctx sdk.Context, key collutil.QueueKey) {
	id := key.K2()
	err := blockutil.Run(ctx, func(c sdk.Context) error {
		m, err := k.GetMotion(c, id)
		if err != nil {
			return err
		}
		if m.Status != types.MotionStatusVoting {
			return k.MotionQueue.Remove(c, collutil.At(m.VotingEndTime, m.Id))
		}
		return k.finish(c, m, m.Rule.Passes(m.Tally, m.EligibleWeight, m.HouseTallies))
	})
	if err == nil {
		return
	}
	k.logger.Error("could not decide motion; recording it as failed", "motion", id, "err", err)
	if ferr := k.failMotion(ctx, id, err); ferr != nil {
		k.logger.Error("could not record the failure; dropping the motion from the queue", "motion", id, "err", ferr)
		k.dropFromQueue(ctx, "motion", k.MotionQueue, key, ferr)
	}
}

// RunExecutionQueue runs the messages of the first max_queue_items_per_block
// passed motions waiting in the execution queue, as EndBlocker does after
// deciding due motions. It is exported for test fixtures, which run a passed
// motion without ending the block; on a chain only EndBlocker calls it.
func (k *Keeper) RunExecutionQueue(ctx context.Context) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	return k.runExecutionQueue(sdk.UnwrapSDKContext(ctx), int(params.MaxQueueItemsPerBlock))
}

// runExecutionQueue runs up to limit queued motions in id (submission)
// order; the rest wait for the next block.
func (k *Keeper) runExecutionQueue(ctx sdk.Context, limit int) error {
	queued, err := collutil.First(ctx, k.ExecutionQueue, limit)
	if err != nil {
		return err
	}
	for _, id := range queued {
		k.executeMotion(ctx, id)
	}
	return nil
}

// executeMotion runs one passed motion's messages, in its own cache context
// so that a failure to record the outcome leaves no partial write. A failing
// message is the motion's outcome (EXECUTION_FAILED), recorded by runQueued;
// anything else (a record that no longer decodes, a panic outside the
// messages) closes the motion as failed, or at worst drops the entry, so the
// queue never stalls and the chain never halts.
func (k *Keeper) executeMotion(ctx sdk.Context, id uint64) {
	err := blockutil.Run(ctx, func(c sdk.Context) error { return k.runQueued(c, id) })
	if err == nil {
		return
	}
	k.logger.Error("could not execute motion; recording it as failed", "motion", id, "err", err)
	if ferr := k.failExecution(ctx, id, err); ferr != nil {
		k.logger.Error("could not record the failure; dropping the motion from the execution queue", "motion", id, "err", ferr)
		if rerr := k.ExecutionQueue.Remove(ctx, id); rerr != nil {
			k.logger.Error("could not drop queue entry", "queue", "motion_execution", "id", id, "err", rerr)
		}
		k.emitQueueItemFailed(ctx, "motion_execution", id, ferr)
	}
}

// failExecution closes a queued motion that could not be run as
// EXECUTION_FAILED and takes it out of the execution queue.
func (k *Keeper) failExecution(ctx sdk.Context, id uint64, cause error) error {
	return blockutil.Run(ctx, func(c sdk.Context) error {
		m, err := k.Motions.Get(c, id)
		if err != nil {
			return err
		}
		if err := k.ExecutionQueue.Remove(c, id); err != nil {
			return err
		}
		return k.recordExecution(c, m, cause)
	})
}

// failMotion closes a motion that could not be decided (for instance, one of
// its messages no longer decodes after an upgrade) as EXECUTION_FAILED, so it
// does not stay open for ever.
func (k *Keeper) failMotion(ctx sdk.Context, id uint64, cause error) error {
	return blockutil.Run(ctx, func(c sdk.Context) error {
		m, err := k.Motions.Get(c, id)
		if err != nil {
			return err
		}
		if err := k.MotionQueue.Remove(c, collutil.At(m.VotingEndTime, m.Id)); err != nil {
			return err
		}
		m.Status, m.FailureReason = types.MotionStatusExecutionFailed, textutil.ErrorText(cause)
		m.DecidedHeight, m.DecidedTime = c.BlockHeight(), c.HeaderInfo().Time
		if err := k.storeMotion(c, m); err != nil {
			return err
		}
		return k.emit(c, &types.EventMotionDecided{
			MotionId: m.Id, BodyId: m.BodyId, Status: m.Status, Tally: m.Tally,
			EligibleWeight: m.EligibleWeight, FailureReason: m.FailureReason,
		})
	})
}

// expireSeat vacates a seat whose term has ended.
func (k *Keeper) expireSeat(ctx sdk.Context, key collutil.QueueKey) {
	id := key.K2()
	err := blockutil.Run(ctx, func(c sdk.Context) error {
		seat, err := k.GetSeat(c, id)
		if err != nil {
			return err
		}
		if seat.Holder == "" {
			return k.SeatExpiry.Remove(c, expiryKey(seat))
		}
		return k.vacate(c, seat, "term_ended")
	})
	if err == nil {
		return
	}
	k.logger.Error("could not end a board term; dropping it from the queue", "seat", id, "err", err)
	k.dropFromQueue(ctx, "seat_expiry", k.SeatExpiry, key, err)
}

// validatorUpdates turns this block's changed validators into CometBFT
// updates, sending only powers that differ from what CometBFT last received.
func (k *Keeper) validatorUpdates(ctx context.Context) ([]abci.ValidatorUpdate, error) {
	iter, err := k.PendingValidators.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	pending, err := iter.Keys()
	if err != nil {
		return nil, err
	}
	var updates []abci.ValidatorUpdate
	for _, consAddr := range pending {
		if err := k.PendingValidators.Remove(ctx, consAddr); err != nil {
			return nil, err
		}
		v, err := k.Validators.Get(ctx, consAddr)
		if err != nil {
			return nil, err
		}
		want := int64(0)
		if v.Status == types.ValidatorActive {
			want = v.Power
		}
		last, err := k.CometPower.Get(ctx, consAddr)
		if err := collutil.NotFoundOK(err); err != nil {
			return nil, err
		}
		if want == last {
			continue
		}
		update, err := k.toValidatorUpdate(v, want)
		if err != nil {
			return nil, err
		}
		updates = append(updates, update)
		if want == 0 {
			err = k.CometPower.Remove(ctx, consAddr)
		} else {
			err = k.CometPower.Set(ctx, consAddr, want)
		}
		if err != nil {
			return nil, err
		}
	}
	return updates, nil
}

func (k *Keeper) toValidatorUpdate(v types.Validator, power int64) (abci.ValidatorUpdate, error) {
	pk, err := k.ConsPubKey(v)
	if err != nil {
		return abci.ValidatorUpdate{}, err
	}
	cmtPk, err := cryptocodec.ToCmtProtoPublicKey(pk)
	if err != nil {
		return abci.ValidatorUpdate{}, err
	}
	return abci.ValidatorUpdate{PubKey: cmtPk, Power: power}, nil
}

// dropFromQueue removes a broken record's queue entry and puts the failure on
// record with EventQueueItemFailed, logging anything that goes wrong.
func (k *Keeper) dropFromQueue(ctx sdk.Context, name string, queue collections.KeySet[collutil.QueueKey], key collutil.QueueKey, cause error) {
	id := key.K2()
	if err := queue.Remove(ctx, key); err != nil {
		k.logger.Error("could not drop queue entry", "queue", name, "id", id, "err", err)
	}
	k.emitQueueItemFailed(ctx, name, id, cause)
}

// emitQueueItemFailed puts a dropped queue entry on record with
// EventQueueItemFailed, logging a failure to emit it.
func (k *Keeper) emitQueueItemFailed(ctx sdk.Context, name string, id uint64, cause error) {
	ev := &types.EventQueueItemFailed{Queue: name, Id: id, Error: textutil.ErrorText(cause)}
	if err := k.emit(ctx, ev); err != nil {
		k.logger.Error("could not emit the failure event", "queue", name, "id", id, "err", err)
	}
}
