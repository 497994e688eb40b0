package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// A motion's tallies live apart from it (MotionTallies): a vote rewrites a
// record of a few dozen bytes instead of the whole motion with its messages,
// rule and text, and never touches the motion's indexes. Everything outside
// the store (queries, genesis, events, invariants) sees the motion with its
// tallies merged in; a motion nobody has voted on and without houses has no
// tally record, which reads as a zero tally.

// withTally merges a stored motion with its tally record.
func (k *Keeper) withTally(ctx context.Context, m types.Motion) (types.Motion, error) {
	t, err := k.MotionTallies.Get(ctx, m.Id)
	if errors.Is(err, collections.ErrNotFound) {
		return m, nil
	}
	if err != nil {
		return m, err
	}
	m.Tally, m.HouseTallies = t.Tally, t.HouseTallies
	if t.UpdatedHeight > m.UpdatedHeight {
		m.UpdatedHeight, m.UpdatedTime = t.UpdatedHeight, t.UpdatedTime
	}
	return m, nil
}

// withTallies merges each motion of a list with its tally record.
func (k *Keeper) withTallies(ctx context.Context, list []types.Motion) ([]types.Motion, error) {
	return collutil.Each(ctx, list, k.withTally)
}

// allMotions reads every motion with its tallies, for genesis export and the
// invariants.
func (k *Keeper) allMotions(ctx context.Context) ([]types.Motion, error) {
	list, err := collutil.Values(ctx, k.Motions.Iterate)
	if err != nil {
		return nil, err
	}
	return k.withTallies(ctx, list)
}

// storeTally stamps and saves a motion's tallies alone: a vote.
func (k *Keeper) storeTally(ctx context.Context, m types.Motion) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	return k.MotionTallies.Set(ctx, m.Id, types.MotionTally{
		Tally: m.Tally, HouseTallies: m.HouseTallies,
		UpdatedHeight: sdkCtx.BlockHeight(), UpdatedTime: sdkCtx.HeaderInfo().Time,
	})
}

// importMotion writes an exported motion back as it was: the motion without
// its tallies, and the tallies, when there are any, with the motion's stamp.
func (k *Keeper) importMotion(ctx context.Context, m types.Motion) error {
	if err := k.Motions.Set(ctx, m.Id, withoutTally(m)); err != nil {
		return err
	}
	if m.Tally == (types.Tally{}) && len(m.HouseTallies) == 0 {
		return nil
	}
	return k.MotionTallies.Set(ctx, m.Id, types.MotionTally{
		Tally: m.Tally, HouseTallies: m.HouseTallies, UpdatedHeight: m.UpdatedHeight, UpdatedTime: m.UpdatedTime,
	})
}

// withoutTally is the motion as stored: its tallies are kept apart.
func withoutTally(m types.Motion) types.Motion {
	m.Tally, m.HouseTallies = types.Tally{}, nil
	return m
}
