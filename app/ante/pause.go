package ante

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// PauseChecker says whether an emergency action pauses a message type.
type PauseChecker interface {
	IsPaused(ctx context.Context, typeURL string) (bool, error)
}

// PauseDecorator refuses transactions carrying a message type that an
// emergency action in force has paused (x/review). Messages a body runs
// through its motions are not transactions and are not paused.
type PauseDecorator struct {
	paused PauseChecker
}

// NewPauseDecorator builds the decorator.
func NewPauseDecorator(p PauseChecker) PauseDecorator { return PauseDecorator{paused: p} }

// AnteHandle implements sdk.AnteDecorator.
func (d PauseDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	for _, msg := range tx.GetMsgs() {
		typeURL := sdk.MsgTypeURL(msg)
		paused, err := d.paused.IsPaused(ctx, typeURL)
		if err != nil {
			return ctx, err
		}
		if paused {
			return ctx, reviewtypes.ErrPaused.Wrapf("%s is paused by an emergency action (see polityd query review paused-messages)", typeURL)
		}
	}
	return next(ctx, tx, simulate)
}
