package keeper

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/invariantutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// BoardTallyInvariant checks that every proposal's Board tally equals its
// stored Board votes (one vote per voting director), that no vote or tally
// record belongs to a missing proposal, and that no stored proposal carries
// the tally it keeps apart.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func BoardTallyInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "board-tallies", func(ctx sdk.Context) ([]string, error) {
		votes, err := collutil.Values(ctx, k.Votes.Iterate)
		if err != nil {
			return nil, err
		}
		counted := map[uint64]communitytypes.Tally{}
		for _, v := range votes {
			counted[v.ProposalId] = counted[v.ProposalId].Add(v.Option, 1)
		}
		proposals, err := k.allProposals(ctx)
		if err != nil {
			return nil, err
		}
		var problems []string
		seen := map[uint64]bool{}
		for _, p := range proposals {
			seen[p.Id] = true
			if counted[p.Id] != p.BoardTally {
				problems = append(problems, fmt.Sprintf("proposal %d: Board tally %v, its votes sum to %v", p.Id, p.BoardTally, counted[p.Id]))
			}
		}
		for _, id := range invariantutil.SortedKeys(counted) {
			if !seen[id] {
				problems = append(problems, fmt.Sprintf("Board votes stored for missing proposal %d", id))
			}
		}
		// the tally lives apart: a stored proposal carries none, and every
		// tally record belongs to a proposal
		stored, err := collutil.Values(ctx, k.Proposals.Iterate)
		if err != nil {
			return nil, err
		}
		for _, p := range stored {
			if p.BoardTally != (communitytypes.Tally{}) {
				problems = append(problems, fmt.Sprintf("proposal %d is stored with a Board tally %v (kept apart in board_tallies)", p.Id, p.BoardTally))
			}
		}
		if err := k.BoardTallies.Walk(ctx, nil, func(id uint64, _ types.BoardTallyRecord) (bool, error) {
			if !seen[id] {
				problems = append(problems, fmt.Sprintf("Board tally stored for missing proposal %d", id))
			}
			return false, nil
		}); err != nil {
			return nil, err
		}
		return problems, nil
	})
}

// PhaseQueueInvariant checks that every open proposal in a timed stage has
// exactly one phase-queue entry, at its deadline, and that every entry points
// at such a proposal.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func PhaseQueueInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "phase-queue", func(ctx sdk.Context) ([]string, error) {
		proposals, err := k.allProposals(ctx)
		if err != nil {
			return nil, err
		}
		want := map[uint64]int64{}
		for _, p := range proposals {
			if queued(p) {
				want[p.Id] = p.Deadline.Unix()
			}
		}
		return invariantutil.Queue(ctx, "phase_queue", k.PhaseQueue, want)
	})
}

// AdviceQueueInvariant checks that every unanswered advice has exactly one
// advice-queue entry at its response deadline, that each open proposal's
// pending_advice counts its unanswered linked advice, and that the advised
// proposals are exactly those some advice is linked to.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func AdviceQueueInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "advice-queue", func(ctx sdk.Context) ([]string, error) {
		advice, err := collutil.Values(ctx, k.Advice.Iterate)
		if err != nil {
			return nil, err
		}
		want := map[uint64]int64{}
		pending := map[uint64]uint32{}
		linked := map[uint64]bool{}
		for _, a := range advice {
			if a.Status == types.AdvicePending {
				want[a.Id] = a.Deadline.Unix()
			}
			if a.ProposalId != 0 && a.Status != types.AdviceAnswered {
				pending[a.ProposalId]++
			}
			if a.ProposalId != 0 {
				linked[a.ProposalId] = true
			}
		}
		problems, err := invariantutil.Queue(ctx, "advice_queue", k.AdviceQueue, want)
		if err != nil {
			return nil, err
		}
		marks, err := invariantutil.IDSet(ctx, "advised_proposals", "proposal with linked advice", k.AdvisedProposals, linked)
		if err != nil {
			return nil, err
		}
		problems = append(problems, marks...)
		proposals, err := k.allProposals(ctx)
		if err != nil {
			return nil, err
		}
		for _, p := range proposals {
			if !p.Status.Terminal() && p.PendingAdvice != pending[p.Id] {
				problems = append(problems, fmt.Sprintf("proposal %d: pending_advice %d, %d linked advice unanswered", p.Id, p.PendingAdvice, pending[p.Id]))
			}
		}
		return problems, nil
	})
}

// HoldsInvariant checks that each proposal's hold_count equals its holds in
// force, that it is stayed exactly when held, and that no hold names a
// missing proposal.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func HoldsInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "holds", func(ctx sdk.Context) ([]string, error) {
		holds, err := collutil.Values(ctx, k.Holds.Iterate)
		if err != nil {
			return nil, err
		}
		count := map[uint64]uint32{}
		for _, h := range holds {
			count[h.ProposalId]++
		}
		proposals, err := k.allProposals(ctx)
		if err != nil {
			return nil, err
		}
		var problems []string
		seen := map[uint64]bool{}
		for _, p := range proposals {
			seen[p.Id] = true
			if p.HoldCount != count[p.Id] || p.Stayed != (count[p.Id] > 0) {
				problems = append(problems, fmt.Sprintf("proposal %d: hold_count %d, stayed %t, %d holds in force", p.Id, p.HoldCount, p.Stayed, count[p.Id]))
			}
		}
		for _, id := range invariantutil.SortedKeys(count) {
			if !seen[id] {
				problems = append(problems, fmt.Sprintf("holds on missing proposal %d", id))
			}
		}
		return problems, nil
	})
}

// ExecutionQueueInvariant checks that every QUEUED proposal has exactly one
// execution-queue entry, that every entry is a QUEUED proposal, and that
// every settled Board vote entry is a proposal still in its Board vote.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func ExecutionQueueInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "execution-queue", func(ctx sdk.Context) ([]string, error) {
		proposals, err := k.allProposals(ctx)
		if err != nil {
			return nil, err
		}
		status := map[uint64]types.ProposalStatus{}
		var problems []string
		for _, p := range proposals {
			status[p.Id] = p.Status
			has, err := k.ExecutionQueue.Has(ctx, p.Id)
			if err != nil {
				return nil, err
			}
			if (p.Status == types.StatusQueued) != has {
				problems = append(problems, fmt.Sprintf("proposal %d: %s, execution queue entry %t", p.Id, p.Status, has))
			}
		}
		iter, err := k.ExecutionQueue.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		defer iter.Close()
		for ; iter.Valid(); iter.Next() {
			id, err := iter.Key()
			if err != nil {
				return nil, err
			}
			if _, ok := status[id]; !ok {
				problems = append(problems, fmt.Sprintf("execution queue entry for missing proposal %d", id))
			}
		}
		iterSettled, err := k.SettledBoardVotes.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		settled, err := iterSettled.Keys()
		if err != nil {
			return nil, err
		}
		for _, id := range settled {
			if status[id] != types.StatusBoardVote {
				problems = append(problems, fmt.Sprintf("settled Board vote entry %d: proposal is %s, not in its Board vote", id, status[id]))
			}
		}
		return problems, nil
	})
}
