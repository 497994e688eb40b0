package msgexec

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Run executes msgs in order, atomically, and returns their results. See the
// package documentation.
func Run(ctx sdk.Context, router Router, msgs []sdk.Msg, hooks Hooks) ([]*sdk.Result, error) {
	return run(ctx, router, len(msgs), func(i int) (sdk.Msg, error) { return msgs[i], nil }, hooks)
}

// RunAny is Run for messages packed in Any, as motions and proposals keep
// them. Each is unpacked just before it runs, so the error reported is that
// of the first message that fails, whether to unpack or to execute.
func RunAny(ctx sdk.Context, router Router, cdc codectypes.AnyUnpacker, msgs []*codectypes.Any, hooks Hooks) ([]*sdk.Result, error) {
	return run(ctx, router, len(msgs), func(i int) (sdk.Msg, error) {
		var msg sdk.Msg
		if err := cdc.UnpackAny(msgs[i], &msg); err != nil {
			return nil, err
		}
		return msg, nil
	}, hooks)
}

// Dispatch executes one message, atomically, as a module acting on its own
// authority does. Its error is the handler's (text bounded), without the
// position Run adds.
func Dispatch(ctx sdk.Context, router Router, msg sdk.Msg) (*sdk.Result, error) {
	handler := router.Handler(msg)
	if handler == nil {
		return nil, bound(noHandler(msg))
	}
	cacheCtx, write := ctx.CacheContext()
	res, err := call(cacheCtx, handler, msg)
	if err != nil {
		return nil, bound(err)
	}
	// write also re-emits cacheCtx's events into ctx
	write()
	return res, nil
}

func run(ctx sdk.Context, router Router, n int, msgAt func(int) (sdk.Msg, error), hooks Hooks) ([]*sdk.Result, error) {
	cacheCtx, write := ctx.CacheContext()
	if hooks.Before != nil {
		if err := hooks.Before(cacheCtx); err != nil {
			return nil, bound(err)
		}
	}
	results := make([]*sdk.Result, 0, n)
	for i := range n {
		msg, err := msgAt(i)
		if err != nil {
			return nil, bound(fmt.Errorf("message %d: %w", i, err))
		}
		handler := router.Handler(msg)
		if handler == nil {
			return nil, bound(fmt.Errorf("message %d: %w", i, noHandler(msg)))
		}
		res, err := call(cacheCtx, handler, msg)
		if err != nil {
			return nil, bound(errorsmod.Wrapf(err, "message %d (%s)", i, sdk.MsgTypeURL(msg)))
		}
		results = append(results, res)
	}
	if hooks.After != nil {
		if err := hooks.After(cacheCtx); err != nil {
			return nil, bound(err)
		}
	}
	// write also re-emits cacheCtx's events into ctx
	write()
	return results, nil
}
