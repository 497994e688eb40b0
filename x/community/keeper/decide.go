package keeper

import (
	"context"
	"fmt"

	errorsmod "cosmossdk.io/errors"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/textutil"
	"github.com/polity-chain/polity/x/community/types"
)

// finish takes a motion out of voting. A passed motion's messages execute
// atomically with the body's address as signer: all apply, or none do and the
// failure is recorded as EXECUTION_FAILED.
func (k *Keeper) finish(ctx context.Context, m types.Motion, passed bool) error {
	if err := k.MotionQueue.Remove(ctx, collutil.At(m.VotingEndTime, m.Id)); err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	m.DecidedHeight, m.DecidedTime = sdkCtx.BlockHeight(), sdkCtx.HeaderInfo().Time
	m.Status = types.MotionStatusRejected
	if passed {
		m.Status = types.MotionStatusPassed
	}
	// Record the status before executing, so a message cannot vote on or
	// re-decide the motion that carries it.
	if err := k.storeMotion(ctx, m); err != nil {
		return err
	}
	if passed {
		if err := k.execute(sdkCtx, m); err != nil {
			m.Status, m.FailureReason = types.MotionStatusExecutionFailed, textutil.Truncate(err.Error(), maxFailureText)
			if err := k.storeMotion(ctx, m); err != nil {
				return err
			}
		}
	}
	return k.emit(ctx, &types.EventMotionDecided{
		MotionId: m.Id, BodyId: m.BodyId, Status: m.Status, Tally: m.Tally,
		EligibleWeight: m.EligibleWeight, FailureReason: m.FailureReason,
	})
}

// execute runs the messages in a cache context and writes it only when all of
// them succeed. The router gives each handler its own event manager and
// returns the events in the result, so they are collected here and emitted
// with the writes (as x/gov does): without this, the typed events of what a
// motion did (a member admitted, a validator added) would be lost.
func (k *Keeper) execute(ctx sdk.Context, m types.Motion) error {
	cacheCtx, write := ctx.CacheContext()
	// set and cleared inside the cache context: nothing of it is written
	if err := k.ExecutingMotion.Set(cacheCtx, m.Id); err != nil {
		return err
	}
	for i, a := range m.Messages {
		var msg sdk.Msg
		if err := k.cdc.UnpackAny(a, &msg); err != nil {
			return fmt.Errorf("message %d: %w", i, err)
		}
		handler := k.router.Handler(msg)
		if handler == nil {
			return fmt.Errorf("message %d: no handler for %s", i, sdk.MsgTypeURL(msg))
		}
		res, err := safeExecute(cacheCtx, handler, msg)
		if err != nil {
			return errorsmod.Wrapf(err, "message %d (%s)", i, sdk.MsgTypeURL(msg))
		}
		for _, ev := range res.GetEvents() {
			cacheCtx.EventManager().EmitEvent(sdk.Event(ev))
		}
	}
	if err := k.ExecutingMotion.Remove(cacheCtx); err != nil {
		return err
	}
	// write also re-emits cacheCtx's events into ctx.
	write()
	return nil
}

// RunningMotion returns the motion whose messages are running, if any.
func (k *Keeper) RunningMotion(ctx context.Context) (types.Motion, bool, error) {
	id, err := k.ExecutingMotion.Get(ctx)
	if err != nil {
		return types.Motion{}, false, collutil.NotFoundOK(err)
	}
	m, err := k.GetMotion(ctx, id)
	return m, err == nil, err
}

// safeExecute turns a handler panic into an error, so a faulty message fails
// its motion instead of the block. Out-of-gas panics are re-raised: they must
// fail the transaction that ran out, not be recorded as a motion failure.
func safeExecute(ctx sdk.Context, handler baseapp.MsgServiceHandler, msg sdk.Msg) (res *sdk.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			if _, oog := r.(storetypes.ErrorOutOfGas); oog {
				panic(r)
			}
			res, err = nil, fmt.Errorf("panic: %v", r)
		}
	}()
	return handler(ctx, msg)
}
