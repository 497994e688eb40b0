package keeper

import (
	"context"

	"github.com/polity-chain/polity/x/review/types"
)

// SetHooks installs the Empowered Community's hooks (x/empowered). Like
// x/gov, wiring them twice is a programming error, never a silent swap, so
// it panics.
func (k *Keeper) SetHooks(h types.EmpoweredHooks) {
	if k.hooks != nil {
		panic("x/review: hooks already set")
	}
	k.hooks = h
}

// afterPanelistAppointed tells the listener, if any, that a standing
// panelist was appointed. The rules never ask whether hooks are wired: a
// missing listener is one that has nothing to do.
func (k *Keeper) afterPanelistAppointed(ctx context.Context, panelist string) error {
	if k.hooks == nil {
		return nil
	}
	return k.hooks.AfterPanelistAppointed(ctx, panelist)
}
