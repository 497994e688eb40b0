package keeper

import (
	"context"

	abci "github.com/cometbft/cometbft/abci/types"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/blockutil"
	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/textutil"
	"github.com/polity-chain/polity/x/community/types"
)

// EndBlocker decides motions settled by this block's votes and those whose
// voting ended, runs the messages of passed
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

	// Settled motions first: a motion settled by a vote closes with that
	// outcome even when its deadline falls in the same block.
	if err := k.decideSettled(sdkCtx, limit); err != nil {
		return nil, err
	}
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

// endMotion decides one motion whose voting period is over. A motion that
// cannot be decided (for instance, one of its messages no longer decodes
// after an upgrade) is closed as EXECUTION_FAILED, so it does not stay open
// for ever.
func (k *Keeper) endMotion(ctx sdk.Context, key collutil.QueueKey) {
	id := key.K2()
	k.queueRunner().Do(ctx, blockutil.Item{
		Queue: "motion", ID: id,
		Run: func(c sdk.Context) error {
			m, err := k.GetMotion(c, id)
			if err != nil {
				return err
			}
			if m.Status != types.MotionStatusVoting {
				return k.MotionQueue.Remove(c, collutil.At(m.VotingEndTime, m.Id))
			}
			return k.finish(c, m, m.Rule.Passes(m.Tally, m.EligibleWeight, m.HouseTallies))
		},
		Drop:  func(c sdk.Context) error { return k.MotionQueue.Remove(c, key) },
		Close: func(c sdk.Context, cause error) error { return k.failMotion(c, id, cause) },
	})
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
// order; the rest wait for the next block. A failing message is the motion's
// outcome (EXECUTION_FAILED), recorded by runQueued; anything else (a record
// that no longer decodes, a panic outside the messages) closes the motion as
// failed, or at worst drops the entry, so the queue never stalls.
func (k *Keeper) runExecutionQueue(ctx sdk.Context, limit int) error {
	queued, err := collutil.First(ctx, k.ExecutionQueue, limit)
	if err != nil {
		return err
	}
	for _, id := range queued {
		k.queueRunner().Do(ctx, blockutil.Item{
			Queue: "motion_execution", ID: id,
			Run:  func(c sdk.Context) error { return k.runQueued(c, id) },
			Drop: func(c sdk.Context) error { return k.ExecutionQueue.Remove(c, id) },
			Close: func(c sdk.Context, cause error) error {
				m, err := k.GetMotion(c, id)
				if err != nil {
					return err
				}
				return k.recordExecution(c, m, cause)
			},
		})
	}
	return nil
}

// failMotion closes a motion that could not be decided as EXECUTION_FAILED.
func (k *Keeper) failMotion(ctx sdk.Context, id uint64, cause error) error {
	m, err := k.GetMotion(ctx, id)
	if err != nil {
		return err
	}
	m.Status, m.FailureReason = types.MotionStatusExecutionFailed, textutil.ErrorText(cause)
	m.DecidedHeight, m.DecidedTime = ctx.BlockHeight(), ctx.HeaderInfo().Time
	if err := k.storeMotion(ctx, m); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventMotionDecided{
		MotionId: m.Id, BodyId: m.BodyId, Status: m.Status, Tally: m.Tally,
		EligibleWeight: m.EligibleWeight, FailureReason: m.FailureReason,
	})
}

// expireSeat vacates a seat whose term has ended.
func (k *Keeper) expireSeat(ctx sdk.Context, key collutil.QueueKey) {
	id := key.K2()
	k.queueRunner().Do(ctx, blockutil.Item{
		Queue: "seat_expiry", ID: id,
		Run: func(c sdk.Context) error {
			seat, err := k.GetSeat(c, id)
			if err != nil {
				return err
			}
			if seat.Holder == "" {
				return k.SeatExpiry.Remove(c, expiryKey(seat))
			}
			return k.vacate(c, seat, "term_ended")
		},
		Drop: func(c sdk.Context) error { return k.SeatExpiry.Remove(c, key) },
	})
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

// queueRunner runs this module's EndBlock queue items (blockutil.Runner).
func (k *Keeper) queueRunner() blockutil.Runner {
	return blockutil.Runner{Logger: k.logger, Report: func(ctx sdk.Context, queue string, id uint64, cause error) error {
		return k.emit(ctx, &types.EventQueueItemFailed{Queue: queue, Id: id, Error: textutil.ErrorText(cause)})
	}}
}
