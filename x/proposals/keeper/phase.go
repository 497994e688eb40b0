package keeper

import (
	"context"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/proposals/types"
)

// queued reports whether a proposal has an entry in the phase queue: every
// open phase has one, except APPROVED, which waits for a stay to be lifted,
// and QUEUED, which waits in the execution queue instead.
func queued(p types.Proposal) bool {
	return !p.Status.Terminal() && !p.Deadline.IsZero()
}

// transition moves a proposal to a new status and keeps the queues in step:
// the old deadline leaves the phase queue, an open status with a deadline
// enters it; QUEUED enters the execution queue and any move out of QUEUED
// (execution, a hold, an annulment) leaves it; and a final status records
// when the proposal was decided. The caller writes the proposal.
func (k *Keeper) transition(ctx context.Context, p *types.Proposal, to types.ProposalStatus, deadline time.Time, note string) error {
	if queued(*p) {
		if err := k.PhaseQueue.Remove(ctx, collutil.At(p.Deadline, p.Id)); err != nil {
			return err
		}
	}
	from := p.Status
	if from == types.StatusQueued && to != types.StatusQueued {
		if err := k.ExecutionQueue.Remove(ctx, p.Id); err != nil {
			return err
		}
	}
	p.Status, p.Deadline = to, deadline.Truncate(time.Second)
	if note != "" {
		p.Note = note
	}
	if to.Terminal() {
		sdkCtx, height := now(ctx)
		p.DecidedHeight, p.DecidedTime, p.Deadline = height, sdkCtx.HeaderInfo().Time, time.Time{}
		// what was vetoed or returned does not come straight back
		if to == types.StatusVetoed || to == types.StatusReturned {
			if err := k.coolOff(ctx, p); err != nil {
				return err
			}
		}
	} else if queued(*p) {
		if err := k.PhaseQueue.Set(ctx, collutil.At(p.Deadline, p.Id)); err != nil {
			return err
		}
	} else if to == types.StatusQueued {
		if err := k.ExecutionQueue.Set(ctx, p.Id); err != nil {
			return err
		}
	}
	if from == types.StatusUnspecified {
		return nil // a new proposal's first phase is announced by EventProposalSubmitted
	}
	return k.emit(ctx, &types.EventProposalStatusChanged{ProposalId: p.Id, Kind: p.Kind, From: from, Status: to, Note: note})
}

// openBoardVote starts the Board vote: thresholds count every voting seat
// (held or vacant), and only directors appointed before this height may vote.
func (k *Keeper) openBoardVote(ctx context.Context, p *types.Proposal) error {
	seats, err := k.community.ElectorateWeight(ctx, types.BoardOriginator)
	if err != nil {
		return err
	}
	sdkCtx, height := now(ctx)
	start := sdkCtx.HeaderInfo().Time
	p.BoardVoteStartTime, p.BoardVoteStartHeight = start, height
	p.BoardVoteEndTime = start.Add(p.Rule.BoardRule.VotingPeriod).Truncate(time.Second)
	p.BoardEligibleWeight = seats
	p.BoardThreshold = p.Rule.BoardRule.Threshold
	return k.transition(ctx, p, types.StatusBoardVote, p.BoardVoteEndTime, "")
}

// advance handles a proposal whose deadline has come (EndBlock).
func (k *Keeper) advance(ctx context.Context, p *types.Proposal) error {
	switch p.Status {
	case types.StatusPublicComment:
		return k.openBoardVote(ctx, p)
	case types.StatusBoardVote:
		return k.endBoardVote(ctx, p)
	case types.StatusECReview:
		until, pending, err := k.challenge(ctx, p.Id)
		if err != nil {
			return err
		}
		if pending {
			// an Empowered Community action is under way: wait for its stage to end
			return k.transition(ctx, p, types.StatusECReview, maxTime(until, sdk.UnwrapSDKContext(ctx).HeaderInfo().Time.Add(time.Second)),
				"an Empowered Community action is under way")
		}
		if p.Rule.EcTreatment == types.ECRejectionWindow {
			return k.ratify(ctx, p)
		}
		return k.transition(ctx, p, types.StatusExpired, time.Time{}, "the Empowered Community did not approve it before the deadline")
	}
	return nil
}

// endBoardVote concludes a Board vote whose deadline has come: the end of its
// period, or earlier once the last linked advice was answered and the outcome
// was already certain. While linked advice is unanswered the vote cannot
// conclude: the proposal waits up to advice_wait for the Board's answers, then
// expires.
func (k *Keeper) endBoardVote(ctx context.Context, p *types.Proposal) error {
	if p.PendingAdvice == 0 {
		passed, err := k.boardPasses(ctx, p)
		if err != nil {
			return err
		}
		return k.concludeBoardVote(ctx, p, passed)
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	// Wait only while the wait's end lies beyond the deadline that has just
	// come. (Fix: the check used to be "the deadline is not past the vote's
	// end", which with advice_wait = 0 — allowed by the params — re-queued the
	// proposal at the same deadline in every block, for ever.)
	until := p.BoardVoteEndTime.Add(params.AdviceWait).Truncate(time.Second)
	if until.After(p.Deadline) {
		return k.transition(ctx, p, types.StatusBoardVote, until,
			"the Board vote cannot conclude until its linked advice is answered; waiting until "+until.UTC().Format(time.RFC3339))
	}
	return k.transition(ctx, p, types.StatusExpired, time.Time{}, "linked advice was not answered in time")
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
