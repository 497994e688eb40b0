package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/blockutil"
	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/proposals/types"
)

// A Board vote that makes the outcome certain does not conclude the vote: it
// marks the proposal settled, and EndBlock concludes it. The block's later
// Board votes are recorded and counted rather than failing against a
// proposal that moved on under them, and the next block's CheckTx (and the
// mempool's recheck) refuses any after that. x/community decides its
// motions the same way.

// ConcludeSettledBoardVotes concludes the Board votes settled in this block,
// as EndBlocker does first. It is exported for test fixtures; on a chain only
// EndBlocker calls it.
func (k *Keeper) ConcludeSettledBoardVotes(ctx context.Context) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	return k.concludeSettled(sdk.UnwrapSDKContext(ctx), int(params.MaxQueueItemsPerBlock))
}

// concludeSettled concludes up to limit settled Board votes in id order; the
// rest wait a block, still settled.
func (k *Keeper) concludeSettled(ctx sdk.Context, limit int) error {
	ids, err := collutil.First(ctx, k.SettledBoardVotes, limit)
	if err != nil {
		return err
	}
	for _, id := range ids {
		k.queueRunner().Do(ctx, blockutil.Item{
			Queue: "settled_board_vote", ID: id,
			Run:  func(c sdk.Context) error { return k.concludeSettledBoardVote(c, id) },
			Drop: func(c sdk.Context) error { return k.SettledBoardVotes.Remove(c, id) },
			Close: func(c sdk.Context, cause error) error {
				return k.closeFailed(c, id, "could not conclude the Board vote: ", cause)
			},
		})
	}
	return nil
}

// concludeSettledBoardVote concludes one settled Board vote with the outcome
// of its tally at the end of the block. An entry whose proposal has left its
// Board vote, or now waits for linked advice, is only dropped: the deadline
// or the advice's answer concludes it then.
func (k *Keeper) concludeSettledBoardVote(ctx sdk.Context, id uint64) error {
	if err := k.SettledBoardVotes.Remove(ctx, id); err != nil {
		return err
	}
	p, err := k.GetProposal(ctx, id)
	if err != nil {
		return err
	}
	decided, passed, err := k.settledOutcome(ctx, &p)
	if err != nil || !decided {
		return err
	}
	if err := k.concludeBoardVote(ctx, &p, passed); err != nil {
		return err
	}
	return k.storeProposal(ctx, p)
}

// settledOutcome is the outcome of a proposal's Board vote when it can be
// concluded before its deadline: the proposal is in its Board vote, waits
// for no linked advice, and its tally is certain.
func (k *Keeper) settledOutcome(ctx context.Context, p *types.Proposal) (decided, passed bool, err error) {
	if p.Status != types.StatusBoardVote || p.PendingAdvice != 0 {
		return false, false, nil
	}
	return k.boardOutcome(ctx, p)
}
