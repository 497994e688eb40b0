package msgexec

import (
	"fmt"

	"github.com/cosmos/cosmos-sdk/baseapp"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// noHandler is the error for a message no module handles.
func noHandler(msg sdk.Msg) error {
	return fmt.Errorf("no handler for %s", sdk.MsgTypeURL(msg))
}

// call runs a message's handler in ctx. The router gives each
// handler its own event manager and returns the events in the result, so they
// are emitted into ctx here (as x/gov does): without this, the typed events
// of what a decision did (a member admitted, a validator added) would be
// lost.
func call(ctx sdk.Context, handler baseapp.MsgServiceHandler, msg sdk.Msg) (*sdk.Result, error) {
	res, err := safeCall(ctx, handler, msg)
	if err != nil {
		return nil, err
	}
	for _, ev := range res.GetEvents() {
		ctx.EventManager().EmitEvent(sdk.Event(ev))
	}
	return res, nil
}

// safeCall turns a handler panic into an error, so that a faulty message
// fails its decision instead of the transaction or the block. Out-of-gas
// panics are re-raised: they must fail the transaction that ran out, not be
// recorded as the decision's failure.
func safeCall(ctx sdk.Context, handler baseapp.MsgServiceHandler, msg sdk.Msg) (res *sdk.Result, err error) {
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
