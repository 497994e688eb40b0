package keeper

import (
	"context"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// checkConsensus lets advice claim consensus, and so deference, only when
// the constitution grants the community advice deference (ICANN: the GAC
// alone) and the motion carrying it met no objection (ICANN GAC consensus:
// general agreement in the absence of any formal objection), checked here
// rather than taken on the community's word.
func (k *Keeper) checkConsensus(ctx context.Context, c communitytypes.Community) error {
	if !c.AdviceDeference {
		return types.ErrNotConsensus.Wrapf("%s has no advice deference in the constitution: its advice cannot claim consensus", c.Id)
	}
	m, running, err := k.community.RunningMotion(ctx)
	if err != nil {
		return err
	}
	if !running || m.BodyId != c.Id {
		return types.ErrNotConsensus.Wrapf("consensus advice of %s comes from its own motion", c.Id)
	}
	if m.Tally.No > 0 {
		return types.ErrNotConsensus.Wrapf("motion %d of %s met %d formal objection(s): its advice is not consensus", m.Id, c.Id, m.Tally.No)
	}
	return nil
}

// SubmitAdvice records an advisory community's advice (its motion), on an open
// proposal or on a topic. Linked advice holds the proposal's Board vote open
// until the Board answers it; a community links at most one piece of advice to
// a proposal, so a proposal waits on at most one per advisory community.
func (k *Keeper) SubmitAdvice(ctx context.Context, msg *types.MsgSubmitAdvice) (uint64, error) {
	if want := communitytypes.BodyAddress(msg.CommunityId).String(); msg.Authority != want {
		return 0, types.ErrUnauthorized.Wrapf("advice of %s must come from its motion (signer %s), got %s", msg.CommunityId, want, msg.Authority)
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	c, err := k.community.GetCommunity(ctx, msg.CommunityId)
	if err != nil {
		return 0, types.ErrUnknownCommunity.Wrapf("%s: %v", msg.CommunityId, err)
	}
	if c.Kind != communitytypes.KindAdvisory {
		return 0, types.ErrNotAdvisory.Wrapf("%s is a %s community", c.Id, c.Kind)
	}
	if err := checkText("title", msg.Title, params.MaxTitleLength, true); err != nil {
		return 0, err
	}
	if err := checkText("topic", msg.Topic, params.MaxTitleLength, msg.ProposalId == 0); err != nil {
		return 0, err
	}
	if err := checkDocument("document", msg.Document, params.MaxUriLength); err != nil {
		return 0, err
	}
	if msg.Consensus {
		if err := k.checkConsensus(ctx, c); err != nil {
			return 0, err
		}
	}
	var p types.Proposal
	marked := false // advice already linked to the proposal set its mark
	if msg.ProposalId != 0 {
		if p, err = k.GetProposal(ctx, msg.ProposalId); err != nil {
			return 0, err
		}
		if p.Status != types.StatusPublicComment && p.Status != types.StatusBoardVote {
			return 0, types.ErrWrongPhase.Wrapf("proposal %d is %s: advice can be linked only before the Board decides", p.Id, p.Status)
		}
		linked, err := k.LinkedAdvice(ctx, p.Id)
		if err != nil {
			return 0, err
		}
		for _, a := range linked {
			if a.CommunityId == c.Id {
				return 0, types.ErrDuplicateAdvice.Wrapf("%s already gave advice %d on proposal %d", c.Id, a.Id, p.Id)
			}
		}
		marked = len(linked) > 0
	}

	sdkCtx, height := now(ctx)
	id, err := k.AdviceID.Next(ctx)
	if err != nil {
		return 0, err
	}
	a := types.Advice{
		Id: id, CommunityId: c.Id, ProposalId: msg.ProposalId, Topic: msg.Topic, Title: msg.Title,
		Document: msg.Document, Consensus: msg.Consensus, Status: types.AdvicePending,
		Deadline:     sdkCtx.HeaderInfo().Time.Add(params.AdviceResponsePeriod).Truncate(time.Second),
		SubmitHeight: height, SubmitTime: sdkCtx.HeaderInfo().Time,
	}
	if err := k.storeAdvice(ctx, a); err != nil {
		return 0, err
	}
	if err := k.AdviceQueue.Set(ctx, collutil.At(a.Deadline, id)); err != nil {
		return 0, err
	}
	if msg.ProposalId != 0 {
		p.PendingAdvice++
		if err := k.storeProposal(ctx, p); err != nil {
			return 0, err
		}
		if !marked {
			if err := k.markAdvised(ctx, a); err != nil {
				return 0, err
			}
		}
	}
	return id, k.emit(ctx, &types.EventAdviceSubmitted{AdviceId: id, CommunityId: c.Id, ProposalId: msg.ProposalId, Consensus: msg.Consensus})
}

// markAdvised records that advice a is linked to its proposal, if any: when
// the advice is given, and when InitGenesis or the version 3 migration
// derives the set from the stored advice.
func (k *Keeper) markAdvised(ctx context.Context, a types.Advice) error {
	if a.ProposalId == 0 {
		return nil
	}
	return k.AdvisedProposals.Set(ctx, a.ProposalId)
}

// LinkedAdvice lists the advice linked to a proposal; at most one per
// advisory community. Every Board vote asks (its rule depends on the answers
// to consensus advice), and most proposals have none: a point read says so,
// where the index scan's iterator costs several times more inside a block
// (it sorts the block's pending writes to merge them).
func (k *Keeper) LinkedAdvice(ctx context.Context, proposalID uint64) ([]types.Advice, error) {
	if advised, err := k.AdvisedProposals.Has(ctx, proposalID); err != nil || !advised {
		return nil, err
	}
	iter, err := k.Advice.Indexes.Proposal.MatchExact(ctx, proposalID)
	if err != nil {
		return nil, err
	}
	ids, err := iter.PrimaryKeys()
	if err != nil {
		return nil, err
	}
	out := make([]types.Advice, 0, len(ids))
	for _, id := range ids {
		a, err := k.Advice.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// RespondToAdvice records the Board's answer. It is signed by the governance
// address, so it only ever runs inside a ratified Board resolution, whose id is
// recorded with the answer. When the last linked advice of a finished Board
// vote is answered, the vote concludes in the next EndBlock.
// The msg server has checked the signer.
func (k *Keeper) RespondToAdvice(ctx context.Context, adviceID uint64, response types.AdviceResponse, rationale communitytypes.Document) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if response < types.ResponseAccepted || response > types.ResponsePartiallyAccepted {
		return types.ErrInvalidResponse.Wrapf("%d", response)
	}
	if err := checkDocument("rationale", rationale, params.MaxUriLength); err != nil {
		return err
	}
	a, err := k.GetAdvice(ctx, adviceID)
	if err != nil {
		return err
	}
	if a.Status == types.AdviceAnswered {
		return types.ErrAdviceAnswered.Wrapf("advice %d was answered at height %d", a.Id, a.ResponseHeight)
	}
	if a.Status == types.AdvicePending {
		if err := k.AdviceQueue.Remove(ctx, collutil.At(a.Deadline, a.Id)); err != nil {
			return err
		}
	}
	executing, err := k.Executing.Get(ctx)
	if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	sdkCtx, height := now(ctx)
	a.Status, a.Response, a.ResponseRationale = types.AdviceAnswered, response, rationale
	a.ResponseProposalId, a.ResponseHeight, a.ResponseTime = executing, height, sdkCtx.HeaderInfo().Time
	if err := k.storeAdvice(ctx, a); err != nil {
		return err
	}
	if err := k.emit(ctx, &types.EventAdviceAnswered{AdviceId: a.Id, Response: a.Response, ResponseProposalId: executing}); err != nil {
		return err
	}
	if a.ProposalId == 0 {
		return nil
	}
	return k.adviceAnswered(ctx, a.ProposalId)
}

// adviceAnswered releases one linked advice of a proposal; a finished Board
// vote that no longer waits is rescheduled to conclude in the next EndBlock.
func (k *Keeper) adviceAnswered(ctx context.Context, proposalID uint64) error {
	p, err := k.GetProposal(ctx, proposalID)
	if err != nil {
		return err
	}
	if p.Status.Terminal() || p.PendingAdvice == 0 {
		return nil
	}
	p.PendingAdvice--
	if p.PendingAdvice == 0 && p.Status == types.StatusBoardVote {
		blockTime := sdk.UnwrapSDKContext(ctx).HeaderInfo().Time
		ended := !blockTime.Before(p.BoardVoteEndTime)
		decided, _, err := k.boardOutcome(ctx, &p)
		if err != nil {
			return err
		}
		if ended || decided {
			// the vote was only waiting for the answers: conclude it in the next EndBlock
			if err := k.transition(ctx, &p, types.StatusBoardVote, blockTime, "linked advice answered; the Board vote concludes"); err != nil {
				return err
			}
		}
	}
	return k.storeProposal(ctx, p)
}

// againstConsensus lists the consensus advice a Board approval of p would act
// against: consensus advice linked to p that the Board did not accept, and
// consensus advice that p itself answers with anything but acceptance.
func (k *Keeper) againstConsensus(ctx context.Context, p *types.Proposal) ([]types.Advice, error) {
	linked, err := k.LinkedAdvice(ctx, p.Id)
	if err != nil {
		return nil, err
	}
	var out []types.Advice
	for _, a := range linked {
		if a.Consensus && a.Status == types.AdviceAnswered && a.Response != types.ResponseAccepted {
			out = append(out, a)
		}
	}
	for _, any := range p.Messages {
		if any.TypeUrl != sdk.MsgTypeURL(&types.MsgRespondToAdvice{}) {
			continue
		}
		var msg types.MsgRespondToAdvice
		if err := k.cdc.Unmarshal(any.Value, &msg); err != nil {
			return nil, err
		}
		if msg.Response == types.ResponseAccepted {
			continue
		}
		a, err := k.GetAdvice(ctx, msg.AdviceId)
		if err != nil {
			continue // an unknown advice id fails at execution, not here
		}
		if a.Consensus {
			out = append(out, a)
		}
	}
	return out, nil
}

// markOverdue flags advice whose response deadline passed unanswered.
func (k *Keeper) markOverdue(ctx context.Context, id uint64) error {
	a, err := k.GetAdvice(ctx, id)
	if err != nil {
		return err
	}
	if err := k.AdviceQueue.Remove(ctx, collutil.At(a.Deadline, a.Id)); err != nil {
		return err
	}
	if a.Status != types.AdvicePending {
		return nil
	}
	a.Status = types.AdviceOverdue
	if err := k.storeAdvice(ctx, a); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventAdviceOverdue{AdviceId: a.Id, CommunityId: a.CommunityId})
}
