package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/msgexec"
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
			m.Status, m.FailureReason = types.MotionStatusExecutionFailed, textutil.ErrorText(err)
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

// execute runs the motion's messages through msgexec: atomically, with the
// handlers' events re-emitted only when all succeed. ExecutingMotion is set
// and cleared inside the run's cache context, so nothing of it is written.
func (k *Keeper) execute(ctx sdk.Context, m types.Motion) error {
	_, err := msgexec.RunAny(ctx, k.router, k.cdc, m.Messages, msgexec.Hooks{
		Before: func(c sdk.Context) error { return k.ExecutingMotion.Set(c, m.Id) },
		After:  func(c sdk.Context) error { return k.ExecutingMotion.Remove(c) },
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
