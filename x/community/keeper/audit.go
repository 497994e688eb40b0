package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/community/types"
)

// Every record carries its creation and last-update height and time
// (ARCHITECTURE.md). Records with an Audit are stamped with newAudit and
// touch; motions keep their creation in submit_height/submit_time and
// director records get theirs at the first appointment. Every write of these
// two outside genesis import (which restores records exactly as exported)
// goes through the store helpers below, which stamp the update height and
// time from the block being finalised.

// storeMotion stamps and saves a motion without its tallies: on submission,
// its decision, execution failure or withdrawal. A vote saves the tallies
// alone, stamped with the vote's block (storeTally); a motion read back shows
// the later of the two stamps.
func (k *Keeper) storeMotion(ctx context.Context, m types.Motion) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	m.UpdatedHeight, m.UpdatedTime = sdkCtx.BlockHeight(), sdkCtx.HeaderInfo().Time
	return k.Motions.Set(ctx, m.Id, withoutTally(m))
}

// storeDirector stamps and saves a person's service record: at each
// appointment and when a term is cut short. Its creation is stamped by
// nextTerm at the person's first appointment.
func (k *Keeper) storeDirector(ctx context.Context, addr sdk.AccAddress, d types.DirectorRecord) error {
	touch(ctx, &d.Audit)
	return k.Directors.Set(ctx, addr, d)
}
