package keeper

import (
	"context"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/msgexec"
	"github.com/polity-chain/polity/internal/textutil"
	"github.com/polity-chain/polity/x/proposals/types"
)

// ratify records that every approval of a proposal is in. A held proposal
// waits as APPROVED until its last hold is released; an unheld one becomes
// QUEUED, and its messages run in EndBlock (executeQueued), never inside the
// transaction or block step that decided it: the last director to vote does
// not pay for the execution, and a failing handler is the proposal's failure,
// not the vote's.
func (k *Keeper) ratify(ctx context.Context, p *types.Proposal) error {
	if p.HoldCount > 0 {
		return k.transition(ctx, p, types.StatusApproved, time.Time{}, "approved; execution held until every hold is released")
	}
	return k.transition(ctx, p, types.StatusQueued, time.Time{}, "approved; its messages run at the end of the block")
}

// executeQueued runs a QUEUED proposal's messages atomically, with the
// governance address as signer, registers the document version it ratifies
// on success, and ends it RATIFIED or EXECUTION_FAILED with the reason. The
// transition takes it out of the execution queue. The caller writes the
// proposal.
func (k *Keeper) executeQueued(ctx context.Context, p *types.Proposal) error {
	if err := k.Executing.Set(ctx, p.Id); err != nil {
		return err
	}
	sdkCtx, height := now(ctx)
	execErr := k.execute(sdkCtx, p)
	if err := k.Executing.Remove(ctx); err != nil {
		return err
	}
	p.ExecutedHeight, p.ExecutedTime = height, sdkCtx.HeaderInfo().Time
	if execErr != nil {
		return k.transition(ctx, p, types.StatusExecutionFailed, time.Time{}, textutil.ErrorText(execErr))
	}
	if err := k.register(ctx, p); err != nil {
		return err
	}
	return k.transition(ctx, p, types.StatusRatified, time.Time{}, "")
}

// execute runs the proposal's messages through msgexec: atomically, with
// the handlers' events re-emitted only when all succeed.
func (k *Keeper) execute(ctx sdk.Context, p *types.Proposal) error {
	_, err := msgexec.RunAny(ctx, k.router, k.cdc, p.Messages, msgexec.Hooks{})
	return err
}
