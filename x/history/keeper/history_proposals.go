package keeper

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/history/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

const proposalsModule = proposalstypes.ModuleName

func msgURL(msg sdk.Msg) string { return sdk.MsgTypeURL(msg) }

// proposalSteps adds the proposal's own record: submission, comments, linked
// advice and its answer, the Board's vote, holds in force, the outcome and
// execution.
func (k *Keeper) proposalSteps(ctx context.Context, p proposalstypes.Proposal, s *story) error {
	ref := fmt.Sprintf("proposal/%d", p.Id)
	s.add(proposalsModule, types.StepSubmitted, p.SubmitHeight, p.SubmitTime, p.Proposer,
		fmt.Sprintf("%s %q submitted by %s", p.Kind, p.Title, p.Originator), ref, msgURL(&proposalstypes.MsgSubmitProposal{}))

	var last proposalstypes.Comment
	more, err := firstUnder(ctx, k.proposals.Comments, p.Id, MaxListedComments, func(c proposalstypes.Comment) {
		last = c
		s.add(proposalsModule, types.StepComment, c.Height, c.Time, c.Author,
			fmt.Sprintf("%s comment: %s", strings.TrimPrefix(c.Role.String(), "COMMENT_ROLE_"), c.Text),
			fmt.Sprintf("comment/%d", c.Id), msgURL(&proposalstypes.MsgComment{}))
	})
	if err != nil {
		return err
	}
	if more {
		s.add(proposalsModule, types.StepComment, last.Height, last.Time, "",
			fmt.Sprintf("more comments follow the first %d: page through /polity/proposals/v1/proposals/%d/comments", MaxListedComments, p.Id),
			fmt.Sprintf("proposal/%d/comments", p.Id), "")
	}
	if err := k.adviceSteps(ctx, p, s); err != nil {
		return err
	}
	if p.BoardVoteStartHeight > 0 {
		s.add(proposalsModule, types.StepBoardVoteOpened, p.BoardVoteStartHeight, p.BoardVoteStartTime, "board",
			fmt.Sprintf("the Board's vote opened (%d voting seats), ending %s", p.BoardEligibleWeight, p.BoardVoteEndTime.UTC().Format("2006-01-02 15:04:05 MST")),
			ref, "")
	}
	votes := collections.NewPrefixedPairRange[uint64, sdk.AccAddress](p.Id)
	if err := k.proposals.Votes.Walk(ctx, votes, func(_ collections.Pair[uint64, sdk.AccAddress], v proposalstypes.BoardVote) (bool, error) {
		detail := "director voted " + strings.TrimPrefix(v.Option.String(), "VOTE_OPTION_")
		if v.Rationale != "" {
			detail += ": " + v.Rationale
		}
		s.add(proposalsModule, types.StepBoardVote, v.Height, v.Time, v.Director, detail, "vote/"+v.Director, msgURL(&proposalstypes.MsgBoardVote{}))
		return false, nil
	}); err != nil {
		return err
	}
	if p.BoardDecidedHeight > 0 {
		t := p.BoardTally
		s.add(proposalsModule, types.StepBoardDecided, p.BoardDecidedHeight, p.BoardDecidedTime, "board",
			fmt.Sprintf("the Board's vote concluded: %d yes, %d no, %d abstain of %d seats (threshold %s)",
				t.Yes, t.No, t.Abstain, p.BoardEligibleWeight, p.BoardThreshold), ref, "")
	}
	if err := k.holdSteps(ctx, p, s); err != nil {
		return err
	}
	if p.DecidedHeight > 0 {
		detail := "final status " + strings.TrimPrefix(p.Status.String(), "PROPOSAL_STATUS_")
		if p.Note != "" {
			detail += ": " + p.Note
		}
		if p.ReturnedByIrp != 0 {
			detail += fmt.Sprintf(" (returned by IRP %d)", p.ReturnedByIrp)
		}
		s.add(proposalsModule, types.StepDecided, p.DecidedHeight, p.DecidedTime, "", detail, ref, "")
	}
	if p.ExecutedHeight > 0 {
		detail := fmt.Sprintf("its %d message(s) ran: %s", len(p.Messages), strings.TrimPrefix(p.Status.String(), "PROPOSAL_STATUS_"))
		if len(p.RegistryVersions) > 0 {
			detail += fmt.Sprintf("; registry versions %v", p.RegistryVersions)
		}
		s.add(proposalsModule, types.StepExecuted, p.ExecutedHeight, p.ExecutedTime, "", detail, ref, "")
	}
	return nil
}

// adviceSteps adds the advice linked to the proposal (through the advice's
// proposal index) and its answers, and the advice this proposal answers (a
// Board resolution carrying MsgRespondToAdvice).
func (k *Keeper) adviceSteps(ctx context.Context, p proposalstypes.Proposal, s *story) error {
	linked, err := collutil.ByRef(ctx, k.proposals.Advice.Indexes.Proposal, p.Id, k.proposals.Advice.Get)
	if err != nil {
		return err
	}
	for _, a := range linked {
		ref := fmt.Sprintf("advice/%d", a.Id)
		kind := "advice"
		if a.Consensus {
			kind = "consensus advice"
		}
		s.add(proposalsModule, types.StepAdvice, a.SubmitHeight, a.SubmitTime, a.CommunityId,
			fmt.Sprintf("%s from %s: %s", kind, a.CommunityId, a.Title), ref, msgURL(&proposalstypes.MsgSubmitAdvice{}))
		if a.ResponseHeight > 0 {
			s.add(proposalsModule, types.StepAdviceAnswered, a.ResponseHeight, a.ResponseTime, "board",
				fmt.Sprintf("the Board answered advice %d: %s (resolution %d)", a.Id,
					strings.TrimPrefix(a.Response.String(), "ADVICE_RESPONSE_"), a.ResponseProposalId), ref, "")
		}
	}
	for _, id := range answeredAdvice(p) {
		a, err := k.proposals.Advice.Get(ctx, id)
		if errors.Is(err, collections.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if a.ResponseProposalId != p.Id || a.ProposalId == p.Id || a.ResponseHeight == 0 {
			continue
		}
		s.add(proposalsModule, types.StepAnswersAdvice, a.ResponseHeight, a.ResponseTime, "board",
			fmt.Sprintf("this resolution answered advice %d from %s: %s", a.Id, a.CommunityId,
				strings.TrimPrefix(a.Response.String(), "ADVICE_RESPONSE_")), fmt.Sprintf("advice/%d", a.Id), "")
	}
	return nil
}

// answeredAdvice lists the advice ids a proposal's MsgRespondToAdvice
// messages answer (bounded by the proposal's message count).
func answeredAdvice(p proposalstypes.Proposal) []uint64 {
	url := msgURL(&proposalstypes.MsgRespondToAdvice{})
	var ids []uint64
	for _, a := range p.Messages {
		if a == nil || a.TypeUrl != url {
			continue
		}
		var m proposalstypes.MsgRespondToAdvice
		if err := m.Unmarshal(a.Value); err == nil {
			ids = append(ids, m.AdviceId)
		}
	}
	return ids
}
