// Package simulation holds x/proposals' part of the app simulation: the
// proposals, advice and answers that communities and the Board decide by
// motion or resolution, and the weighted operations of directors and of
// anyone commenting. Randomness comes only from the simulation's seeded
// source.
//
// MsgVetoProposal and MsgApproveProposal are signed only by the Empowered
// Community's address, and MsgStayProposal and MsgAnnulProposal only by
// x/review's module account: x/empowered and x/review send them when an
// action or a case decides so. No account or body can sign them, so the
// simulation reaches them through those modules' operations, never
// directly.
package simulation

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/simutil"
	"github.com/polity-chain/polity/x/proposals/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// ProposalsIn lists the proposals in the given statuses.
func ProposalsIn(ctx sdk.Context, k *keeper.Keeper, statuses ...types.ProposalStatus) []types.Proposal {
	return simutil.ByIndex(ctx, k.Proposals.Indexes.Status, k.GetProposal, simutil.Refs(statuses)...)
}

// Open lists the proposals not yet decided or not yet executed (QUEUED ones
// until the end of their block).
func Open(ctx sdk.Context, k *keeper.Keeper) []types.Proposal {
	return ProposalsIn(ctx, k, types.StatusPublicComment, types.StatusBoardVote, types.StatusECReview, types.StatusApproved, types.StatusQueued)
}

// PendingAdvice lists advice awaiting the Board's answer (pending or
// overdue).
func PendingAdvice(ctx sdk.Context, k *keeper.Keeper) []types.Advice {
	return simutil.ByIndex(ctx, k.Advice.Indexes.Status, k.Advice.Get, int32(types.AdvicePending), int32(types.AdviceOverdue))
}
