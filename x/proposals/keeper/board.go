package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// BoardVote records a voting director's vote and updates the tally, which is
// kept apart from the proposal (board_tally.go).
// Only directors appointed before the vote opened vote, one vote each. When
// its outcome is certain and no linked advice is waiting for an answer, the
// vote is settled and concludes at the end of the block (settled.go), so the
// block's later Board votes still count.
func (k *Keeper) BoardVote(ctx context.Context, msg *types.MsgBoardVote) (types.ProposalStatus, error) {
	addr, err := k.parseAddr("director", msg.Director)
	if err != nil {
		return 0, err
	}
	if msg.Option < communitytypes.OptionYes || msg.Option > communitytypes.OptionAbstain {
		return 0, types.ErrInvalidVoteOption.Wrapf("%d", msg.Option)
	}
	if err := k.checkRationale(ctx, msg.Rationale); err != nil {
		return 0, err
	}
	p, err := k.checkBoardVoteAllowed(ctx, msg.ProposalId, msg.Director, addr)
	if err != nil {
		return p.Status, err
	}
	sdkCtx, height := now(ctx)
	key := collections.Join(p.Id, addr)
	vote := types.BoardVote{ProposalId: p.Id, Director: msg.Director, Option: msg.Option, Rationale: msg.Rationale, Height: height, Time: sdkCtx.HeaderInfo().Time}
	if err := k.Votes.Set(ctx, key, vote); err != nil {
		return 0, err
	}
	p.BoardTally = p.BoardTally.Add(msg.Option, 1)
	if err := k.emit(ctx, &types.EventBoardVoteCast{ProposalId: p.Id, Director: msg.Director, Option: msg.Option}); err != nil {
		return 0, err
	}
	threshold := p.BoardThreshold
	if err := k.settleIfCertain(ctx, &p); err != nil {
		return 0, err
	}
	if p.BoardThreshold != threshold {
		// the threshold shown on the proposal follows the rule the vote
		// applied (raised against consensus advice): a rare rewrite
		if err := k.storeProposal(ctx, p); err != nil {
			return 0, err
		}
	}
	return p.Status, k.storeBoardTally(ctx, p)
}

// checkRationale holds a Board vote's rationale to the params' limit. An
// empty rationale is within any limit, so only a vote with one reads the
// params (a read, its decoding and its gas saved otherwise, on every node).
func (k *Keeper) checkRationale(ctx context.Context, rationale string) error {
	if rationale == "" {
		return nil
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	return checkText("rationale", rationale, params.MaxTextLength, false)
}

// settleIfCertain marks the proposal settled when no linked advice waits and
// its tally makes the outcome certain (EndBlock then concludes it). A vote
// after the settling one in the same block finds it set and writes nothing.
func (k *Keeper) settleIfCertain(ctx context.Context, p *types.Proposal) error {
	decided, _, err := k.settledOutcome(ctx, p)
	if err != nil || !decided {
		return err
	}
	if settled, err := k.SettledBoardVotes.Has(ctx, p.Id); err != nil || settled {
		return err
	}
	return k.SettledBoardVotes.Set(ctx, p.Id)
}

// PrecheckBoardVote says, without writing, whether a director's vote would be
// refused: the proposal is not in its Board vote or the vote's time is up, the
// signer held no voting seat when the vote opened (a seat gained later never
// counts), or the director has already voted. The ante handler runs it in
// CheckTx so that such votes take no block space; BoardVote runs the same
// checks. A proposal not found or still in public comment is let through: it
// may be submitted, or its Board vote opened, before the block runs the vote.
func (k *Keeper) PrecheckBoardVote(ctx context.Context, msg *types.MsgBoardVote) error {
	addr, err := k.parseAddr("director", msg.Director)
	if err != nil {
		return err
	}
	p, err := k.checkBoardVoteAllowed(ctx, msg.ProposalId, msg.Director, addr)
	if errors.Is(err, types.ErrProposalNotFound) || (errors.Is(err, types.ErrWrongPhase) && p.Status == types.StatusPublicComment) {
		return nil
	}
	return err
}

// checkBoardVoteAllowed reads the proposal and the director's seat and
// refuses a vote outside the Board vote, by a director without a voting seat
// from before the vote opened, or a second vote. In CheckTx the time is the
// last block's, and block times only grow.
func (k *Keeper) checkBoardVoteAllowed(ctx context.Context, proposalID uint64, director string, addr sdk.AccAddress) (types.Proposal, error) {
	p, err := k.GetProposal(ctx, proposalID)
	if err != nil {
		return types.Proposal{}, err
	}
	if p.Status != types.StatusBoardVote || !sdk.UnwrapSDKContext(ctx).HeaderInfo().Time.Before(p.BoardVoteEndTime) {
		return p, types.ErrWrongPhase.Wrapf("proposal %d is %s; the Board vote ends %s", p.Id, p.Status, p.BoardVoteEndTime)
	}
	seat, held, err := k.community.BoardSeatOf(ctx, addr)
	if err != nil {
		return types.Proposal{}, err
	}
	if !held || !seat.Voting || seat.AppointedHeight >= p.BoardVoteStartHeight {
		return types.Proposal{}, types.ErrNotDirector.Wrapf("%s held no voting seat when the vote on proposal %d opened", director, p.Id)
	}
	if has, err := k.Votes.Has(ctx, collections.Join(p.Id, addr)); err != nil || has {
		if err == nil {
			err = types.ErrAlreadyVoted.Wrapf("%s on proposal %d", director, p.Id)
		}
		return types.Proposal{}, err
	}
	return p, nil
}

// boardRule is the Board's rule for this proposal: the kind's rule, with the
// threshold raised to the supermajority when the Board would act against
// consensus advice.
func (k *Keeper) boardRule(ctx context.Context, p *types.Proposal) (communitytypes.DecisionRule, []types.Advice, error) {
	rule := p.Rule.BoardRule
	against, err := k.againstConsensus(ctx, p)
	if err != nil || len(against) == 0 {
		return rule, nil, err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return rule, nil, err
	}
	base, err1 := math.LegacyNewDecFromStr(rule.Threshold)
	super, err2 := math.LegacyNewDecFromStr(params.AgainstAdviceThreshold)
	if err1 == nil && err2 == nil && super.GT(base) {
		rule.Threshold = params.AgainstAdviceThreshold
	}
	return rule, against, nil
}

// boardOutcome applies the early-decision rule of x/community to the tally.
func (k *Keeper) boardOutcome(ctx context.Context, p *types.Proposal) (decided, passed bool, err error) {
	rule, _, err := k.boardRule(ctx, p)
	if err != nil {
		return false, false, err
	}
	p.BoardThreshold = rule.Threshold
	decided, passed = rule.Outcome(p.BoardTally, p.BoardEligibleWeight, nil)
	return decided, passed, nil
}

// boardPasses decides a finished Board vote.
func (k *Keeper) boardPasses(ctx context.Context, p *types.Proposal) (bool, error) {
	rule, _, err := k.boardRule(ctx, p)
	if err != nil {
		return false, err
	}
	p.BoardThreshold = rule.Threshold
	return rule.Passes(p.BoardTally, p.BoardEligibleWeight, nil), nil
}

// concludeBoardVote records the Board's decision and moves the proposal on:
// rejected; or approved and, by its kind, ratified at once or handed to the
// Empowered Community. Acting against consensus advice records a consultation
// for each such advice.
func (k *Keeper) concludeBoardVote(ctx context.Context, p *types.Proposal, approved bool) error {
	sdkCtx, height := now(ctx)
	p.BoardDecidedHeight, p.BoardDecidedTime = height, sdkCtx.HeaderInfo().Time
	if err := k.emit(ctx, &types.EventBoardVoteConcluded{
		ProposalId: p.Id, Approved: approved, Tally: p.BoardTally, EligibleWeight: p.BoardEligibleWeight, Threshold: p.BoardThreshold,
	}); err != nil {
		return err
	}
	if !approved {
		return k.transition(ctx, p, types.StatusRejected, time.Time{}, "the Board did not approve it")
	}
	_, against, err := k.boardRule(ctx, p)
	if err != nil {
		return err
	}
	for _, a := range against {
		p.Consultations = append(p.Consultations, a.Id)
		if err := k.emit(ctx, &types.EventConsultationRecorded{ProposalId: p.Id, AdviceId: a.Id, CommunityId: a.CommunityId}); err != nil {
			return err
		}
	}
	if p.Rule.EcTreatment == types.ECNone || types.AnswersOnly(p.Kind, p.Messages) {
		return k.ratify(ctx, p)
	}
	p.EcDeadline = sdkCtx.HeaderInfo().Time.Add(p.Rule.EcPeriod).Truncate(time.Second)
	if err := k.transition(ctx, p, types.StatusECReview, p.EcDeadline, ""); err != nil {
		return err
	}
	return k.afterBoardApproval(ctx, *p)
}
