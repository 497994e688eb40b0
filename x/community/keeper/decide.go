package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/msgexec"
	"github.com/polity-chain/polity/internal/textutil"
	"github.com/polity-chain/polity/x/community/types"
)

// finish takes a motion out of voting. A rejected motion is closed here; a
// passed one becomes QUEUED and enters the execution queue, and EndBlock runs
// its messages (runQueued). Nothing executes in the transaction that decided
// the motion: the last voter pays only for the vote, and a failing message
// is the motion's failure, never the vote's.
func (k *Keeper) finish(ctx context.Context, m types.Motion, passed bool) error {
	if err := k.MotionQueue.Remove(ctx, collutil.At(m.VotingEndTime, m.Id)); err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	m.DecidedHeight, m.DecidedTime = sdkCtx.BlockHeight(), sdkCtx.HeaderInfo().Time
	m.Status = types.MotionStatusRejected
	if passed {
		m.Status = types.MotionStatusQueued
		if err := k.ExecutionQueue.Set(ctx, m.Id); err != nil {
			return err
		}
	}
	if err := k.storeMotion(ctx, m); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventMotionDecided{
		MotionId: m.Id, BodyId: m.BodyId, Status: m.Status, Tally: m.Tally,
		EligibleWeight: m.EligibleWeight, FailureReason: m.FailureReason,
	})
}

// runQueued runs a QUEUED motion's messages and records the outcome: PASSED
// when every message applied, EXECUTION_FAILED (nothing applied) otherwise.
// The motion leaves the execution queue either way. Only a storage error is
// returned.
func (k *Keeper) runQueued(ctx sdk.Context, id uint64) error {
	m, err := k.GetMotion(ctx, id)
	if err != nil {
		return err
	}
	if err := k.ExecutionQueue.Remove(ctx, id); err != nil {
		return err
	}
	// A stale entry (the invariants rule it out) is only dropped.
	if m.Status != types.MotionStatusQueued {
		return nil
	}
	return k.recordExecution(ctx, m, k.execute(ctx, m))
}

// recordExecution closes a queued motion as PASSED, or EXECUTION_FAILED with
// the reason when execErr is set, at this block, and announces it.
func (k *Keeper) recordExecution(ctx sdk.Context, m types.Motion, execErr error) error {
	m.Status = types.MotionStatusPassed
	if execErr != nil {
		m.Status, m.FailureReason = types.MotionStatusExecutionFailed, textutil.ErrorText(execErr)
	}
	m.ExecutedHeight, m.ExecutedTime = ctx.BlockHeight(), ctx.HeaderInfo().Time
	if err := k.storeMotion(ctx, m); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventMotionExecuted{
		MotionId: m.Id, BodyId: m.BodyId, Status: m.Status, FailureReason: m.FailureReason,
	})
}

// execute runs the motion's messages through msgexec: atomically, with the
// handlers' events re-emitted only when all succeed. ExecutingMotion is set
// and cleared inside the run's cache context, so nothing of it is written.
func (k *Keeper) execute(ctx sdk.Context, m types.Motion) error {
	_, err := msgexec.RunAny(ctx, k.router, k.cdc, m.Messages, msgexec.Hooks{
		Before: func(c sdk.Context) error { return k.ExecutingMotion.Set(c, m.Id) },
		After: func(c sdk.Context) error {
			if err := k.ExecutingMotion.Remove(c); err != nil {
				return err
			}
			if hasValidatorMessages(m) {
				// the power rules hold on the motion's result (motion_powers.go),
				// and CometBFT keeps power (evidence.go)
				if err := k.checkPowerResult(c, nil); err != nil {
					return err
				}
				return k.checkConsensusRemains(c, 0)
			}
			return nil
		},
	})
	return err
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
