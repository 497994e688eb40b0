package keeper

import (
	"context"
	"fmt"
	"time"

	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/baseapp"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

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
		return k.transition(ctx, p, types.StatusExecutionFailed, time.Time{}, textutil.Truncate(execErr.Error(), maxFailureNote))
	}
	if err := k.register(ctx, p); err != nil {
		return err
	}
	return k.transition(ctx, p, types.StatusRatified, time.Time{}, "")
}

// execute runs the messages in a cache context, writing it (and re-emitting
// the handlers' events) only when every message succeeds.
func (k *Keeper) execute(ctx sdk.Context, p *types.Proposal) error {
	cacheCtx, write := ctx.CacheContext()
	for i, a := range p.Messages {
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
	write()
	return nil
}

// safeExecute turns a handler panic into an error, except out-of-gas, which
// must fail the transaction that ran out.
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
