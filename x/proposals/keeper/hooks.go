package keeper

import (
	"context"
	"time"

	"github.com/polity-chain/polity/x/proposals/types"
)

// SetHooks installs the Empowered Community's hooks (x/empowered). Like
// x/gov, wiring them twice is a programming error, never a silent swap, so
// it panics.
func (k *Keeper) SetHooks(h types.EmpoweredHooks) {
	if k.hooks != nil {
		panic("x/proposals: hooks already set")
	}
	k.hooks = h
}

// The rules never ask whether the hooks are wired: they call these helpers,
// for which a missing listener is one that has nothing to say. The outcome of
// a proposal is therefore the same with no hooks as with hooks that report no
// Empowered Community action.

// afterBoardApproval tells the listener, if any, that the Board approved a
// proposal that now enters its EC phase.
func (k *Keeper) afterBoardApproval(ctx context.Context, p types.Proposal) error {
	if k.hooks == nil {
		return nil
	}
	return k.hooks.AfterBoardApproval(ctx, p)
}

// challenge reports whether an Empowered Community action on the proposal is
// under way, and until when its stage runs. With no listener, none is.
func (k *Keeper) challenge(ctx context.Context, proposalID uint64) (time.Time, bool, error) {
	if k.hooks == nil {
		return time.Time{}, false, nil
	}
	return k.hooks.Challenge(ctx, proposalID)
}
