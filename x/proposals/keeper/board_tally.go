package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// A proposal's Board tally lives apart from it (BoardTallies): a Board vote
// rewrites a record of a few dozen bytes instead of the whole proposal with
// its documents, rule and messages (whose write gas made a Board vote cost
// half as much again as a motion vote). Everything outside the store
// (queries, genesis, hooks, invariants) sees the proposal with its tally
// merged in; a proposal nobody has voted on has no tally record, which reads
// as a zero tally.

// withBoardTally merges a stored proposal with its tally record.
func (k *Keeper) withBoardTally(ctx context.Context, p types.Proposal) (types.Proposal, error) {
	t, err := k.BoardTallies.Get(ctx, p.Id)
	if errors.Is(err, collections.ErrNotFound) {
		return p, nil
	}
	if err != nil {
		return p, err
	}
	p.BoardTally = t.Tally
	if t.UpdatedHeight > p.UpdatedHeight {
		p.UpdatedHeight, p.UpdatedTime = t.UpdatedHeight, t.UpdatedTime
	}
	return p, nil
}

// withBoardTallies merges each proposal of a list with its tally record.
func (k *Keeper) withBoardTallies(ctx context.Context, list []types.Proposal) ([]types.Proposal, error) {
	return collutil.Each(ctx, list, k.withBoardTally)
}

// allProposals reads every proposal with its Board tally, for genesis export
// and the invariants.
func (k *Keeper) allProposals(ctx context.Context) ([]types.Proposal, error) {
	list, err := collutil.Values(ctx, k.Proposals.Iterate)
	if err != nil {
		return nil, err
	}
	return k.withBoardTallies(ctx, list)
}

// storeBoardTally stamps and saves a proposal's Board tally alone: a Board
// vote.
func (k *Keeper) storeBoardTally(ctx context.Context, p types.Proposal) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	return k.BoardTallies.Set(ctx, p.Id, types.BoardTallyRecord{
		Tally: p.BoardTally, UpdatedHeight: sdkCtx.BlockHeight(), UpdatedTime: sdkCtx.HeaderInfo().Time,
	})
}

// importProposal writes an exported proposal back as it was: the proposal
// without its tally, and the tally, when there is one, with the proposal's
// stamp.
func (k *Keeper) importProposal(ctx context.Context, p types.Proposal) error {
	if err := k.Proposals.Set(ctx, p.Id, withoutBoardTally(p)); err != nil {
		return err
	}
	if p.BoardTally == (communitytypes.Tally{}) {
		return nil
	}
	return k.BoardTallies.Set(ctx, p.Id, types.BoardTallyRecord{
		Tally: p.BoardTally, UpdatedHeight: p.UpdatedHeight, UpdatedTime: p.UpdatedTime,
	})
}

// withoutBoardTally is the proposal as stored: its tally is kept apart.
func withoutBoardTally(p types.Proposal) types.Proposal {
	p.BoardTally = communitytypes.Tally{}
	return p
}
