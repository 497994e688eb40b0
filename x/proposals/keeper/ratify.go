package keeper

import (
	"context"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/msgexec"
	"github.com/polity-chain/polity/internal/textutil"
	"github.com/polity-chain/polity/x/proposals/types"
)

// ratify executes an approved proposal: atomically, with the governance
// address as signer, and registers the document version it ratifies. A held
// proposal waits as APPROVED until its last hold is released.
func (k *Keeper) ratify(ctx context.Context, p *types.Proposal) error {
	if p.HoldCount > 0 {
		return k.transition(ctx, p, types.StatusApproved, time.Time{}, "approved; execution held until every hold is released")
	}
	if err := k.Executing.Set(ctx, p.Id); err != nil {
		return err
	}
	execErr := k.execute(sdk.UnwrapSDKContext(ctx), p)
	if err := k.Executing.Remove(ctx); err != nil {
		return err
	}
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
