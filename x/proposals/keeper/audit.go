package keeper

import (
	"context"

	"github.com/polity-chain/polity/x/proposals/types"
)

// Every record carries its creation and last-update height and time
// (ARCHITECTURE.md). Proposals and advice are created with their submit
// height and time, and change afterwards, so every write of them outside
// genesis import (which restores records exactly as exported) goes through
// the store helpers below, which stamp the update height and time from the
// block being finalised. Board votes and comments are written once, with
// their own height and time.

// storeProposal stamps and saves a proposal: on submission, each phase
// change, every Board vote (the tally), linked advice and its answers, a stay
// or its lift, a return and execution.
func (k *Keeper) storeProposal(ctx context.Context, p types.Proposal) error {
	sdkCtx, height := now(ctx)
	p.UpdatedHeight, p.UpdatedTime = height, sdkCtx.HeaderInfo().Time
	return k.Proposals.Set(ctx, p.Id, withoutBoardTally(p)) // the tally is kept apart (board_tally.go)
}

// storeAdvice stamps and saves advice: on submission, when it becomes overdue
// (EndBlock) and when the Board answers it.
func (k *Keeper) storeAdvice(ctx context.Context, a types.Advice) error {
	sdkCtx, height := now(ctx)
	a.UpdatedHeight, a.UpdatedTime = height, sdkCtx.HeaderInfo().Time
	return k.Advice.Set(ctx, a.Id, a)
}
