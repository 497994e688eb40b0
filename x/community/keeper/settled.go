package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/blockutil"
	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// A vote that makes a motion's outcome certain does not close the motion:
// it marks it settled, and EndBlock decides it. Every vote in that block is
// then recorded and counted, the same block closes the motion as closing it
// at the vote would, and the next block's CheckTx (and the mempool's
// recheck) refuses later votes, so a decided motion's votes take no block
// space. The motion's record, tally and events are those of the end of the
// block.

// DecideSettledMotions decides the motions settled in this block, at most
// max_queue_items_per_block of them, as EndBlocker does first. It is
// exported for test fixtures; on a chain only EndBlocker calls it.
func (k *Keeper) DecideSettledMotions(ctx context.Context) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	return k.decideSettled(sdk.UnwrapSDKContext(ctx), int(params.MaxQueueItemsPerBlock))
}

// decideSettled decides up to limit settled motions in id order; the rest
// wait a block (still VOTING, and still settled: more votes cannot change
// their outcome).
func (k *Keeper) decideSettled(ctx sdk.Context, limit int) error {
	ids, err := collutil.First(ctx, k.SettledMotions, limit)
	if err != nil {
		return err
	}
	for _, id := range ids {
		k.queueRunner().Do(ctx, blockutil.Item{
			Queue: "settled_motion", ID: id,
			Run:   func(c sdk.Context) error { return k.decideSettledMotion(c, id) },
			Drop:  func(c sdk.Context) error { return k.SettledMotions.Remove(c, id) },
			Close: func(c sdk.Context, cause error) error { return k.failMotion(c, id, cause) },
		})
	}
	return nil
}

// decideSettledMotion closes one settled motion with the outcome of its
// tally at the end of the block. An entry whose motion is no longer voting,
// or (never, while the invariants hold) not settled, is only dropped.
func (k *Keeper) decideSettledMotion(ctx sdk.Context, id uint64) error {
	if err := k.SettledMotions.Remove(ctx, id); err != nil {
		return err
	}
	m, err := k.GetMotion(ctx, id)
	if err != nil {
		return err
	}
	if m.Status != types.MotionStatusVoting {
		return nil
	}
	if decided, passed := m.Rule.Outcome(m.Tally, m.EligibleWeight, m.HouseTallies); decided {
		return k.finish(ctx, m, passed)
	}
	return nil
}

// settled reports whether a motion is still voting but its outcome is certain.
func settled(m types.Motion) bool {
	if m.Status != types.MotionStatusVoting {
		return false
	}
	decided, _ := m.Rule.Outcome(m.Tally, m.EligibleWeight, m.HouseTallies)
	return decided
}
