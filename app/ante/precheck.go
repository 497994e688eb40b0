package ante

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// MsgPrecheck refuses a message that is certain to fail when it runs. It
// reports handled = false for message types it does not know.
type MsgPrecheck func(ctx context.Context, msg sdk.Msg) (handled bool, err error)

// PrecheckOf turns a keeper's read-only check for one message type (the one its
// Msg handler also runs) into a MsgPrecheck.
func PrecheckOf[M sdk.Msg](check func(context.Context, M) error) MsgPrecheck {
	return func(ctx context.Context, msg sdk.Msg) (bool, error) {
		m, ok := msg.(M)
		if !ok {
			return false, nil
		}
		return true, check(ctx, m)
	}
}

// PrecheckDecorator runs, in CheckTx and ReCheckTx only, the keepers' read-only
// checks of messages that would certainly fail in FinalizeBlock (a vote on a
// decided motion, a second vote, a vote by a non-member), so that such a
// transaction is refused at the mempool and, once a motion is decided, dropped
// from it on recheck, instead of taking block space and gas. FinalizeBlock
// does not run it: the Msg handlers run the same checks there, so no rule
// depends on this decorator.
type PrecheckDecorator struct {
	checks []MsgPrecheck
}

// NewPrecheckDecorator builds the decorator from the keepers' checks.
func NewPrecheckDecorator(checks ...MsgPrecheck) PrecheckDecorator {
	return PrecheckDecorator{checks: checks}
}

// AnteHandle implements sdk.AnteDecorator.
func (d PrecheckDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	if !ctx.IsCheckTx() && !ctx.IsReCheckTx() {
		return next(ctx, tx, simulate)
	}
	for _, msg := range tx.GetMsgs() {
		for _, check := range d.checks {
			handled, err := check(ctx, msg)
			if err != nil {
				return ctx, err
			}
			if handled {
				break
			}
		}
	}
	return next(ctx, tx, simulate)
}
