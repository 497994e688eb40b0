// Package simulation holds x/proposals' part of the app simulation: the
// proposals, advice and answers that communities and the Board decide by
// motion or resolution, and the weighted operations of directors and of
// anyone commenting. Randomness comes only from the simulation's seeded
// source.
package simulation

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/proposals/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// ProposalsIn lists the proposals in the given statuses.
func ProposalsIn(ctx sdk.Context, k *keeper.Keeper, statuses ...types.ProposalStatus) []types.Proposal {
	var out []types.Proposal
	for _, s := range statuses {
		iter, err := k.Proposals.Indexes.Status.MatchExact(ctx, int32(s))
		if err != nil {
			continue
		}
		ids, err := iter.PrimaryKeys()
		if err != nil {
			continue
		}
		for _, id := range ids {
			if p, err := k.Proposals.Get(ctx, id); err == nil {
				out = append(out, p)
			}
		}
	}
	return out
}

// Open lists the proposals not yet decided or not yet executed (QUEUED ones
// until the end of their block).
func Open(ctx sdk.Context, k *keeper.Keeper) []types.Proposal {
	return ProposalsIn(ctx, k, types.StatusPublicComment, types.StatusBoardVote, types.StatusECReview, types.StatusApproved, types.StatusQueued)
}

// PendingAdvice lists advice awaiting the Board's answer.
func PendingAdvice(ctx sdk.Context, k *keeper.Keeper) []types.Advice {
	iter, err := k.Advice.Iterate(ctx, nil)
	if err != nil {
		return nil
	}
	all, err := iter.Values()
	if err != nil {
		return nil
	}
	var out []types.Advice
	for _, a := range all {
		if a.Status != types.AdviceAnswered {
			out = append(out, a)
		}
	}
	return out
}
