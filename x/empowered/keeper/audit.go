package keeper

import (
	"context"

	"github.com/polity-chain/polity/x/empowered/types"
)

// Every record carries its creation and last-update height and time
// (ARCHITECTURE.md). Statements and decisions are written once, with their
// own height and time; actions and inspections change, so every write of them
// outside genesis import (which restores records exactly as exported) goes
// through the store helpers below, which stamp the update height and time from
// the block being finalised.

// storeAction stamps and saves an action: on opening, support, each decision
// (the tally), every stage change and its close.
func (k *Keeper) storeAction(ctx context.Context, a types.Action) error {
	a.UpdatedTime, a.UpdatedHeight = blockTime(ctx)
	return k.Actions.Set(ctx, a.Id, a)
}

// storeInspection stamps and saves an inspection request.
func (k *Keeper) storeInspection(ctx context.Context, in types.Inspection) error {
	in.UpdatedTime, in.UpdatedHeight = blockTime(ctx)
	return k.Inspections.Set(ctx, in.Id, in)
}
