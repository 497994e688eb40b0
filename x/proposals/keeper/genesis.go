package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/proposals/types"
)

// InitGenesis writes the state and rebuilds the queues and current-document
// pointers from the records. The state must have passed Validate.
func (k *Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	seqs := []struct {
		seq  collections.Sequence
		next uint64
	}{{k.ProposalID, gs.NextProposalId}, {k.AdviceID, gs.NextAdviceId}, {k.CommentID, gs.NextCommentId}}
	for _, s := range seqs {
		if err := s.seq.Set(ctx, max(s.next, 1)); err != nil {
			return err
		}
	}
	for _, p := range gs.Proposals {
		if err := k.importProposal(ctx, p); err != nil {
			return err
		}
		if queued(p) {
			if err := k.PhaseQueue.Set(ctx, collutil.At(p.Deadline, p.Id)); err != nil {
				return err
			}
		}
		if p.Status == types.StatusQueued {
			if err := k.ExecutionQueue.Set(ctx, p.Id); err != nil {
				return err
			}
		}
	}
	for _, v := range gs.Votes {
		addr, err := k.parseAddr("director", v.Director)
		if err != nil {
			return err
		}
		if err := k.Votes.Set(ctx, collections.Join(v.ProposalId, addr), v); err != nil {
			return err
		}
	}
	for _, c := range gs.Comments {
		if err := k.Comments.Set(ctx, collections.Join(c.ProposalId, c.Id), c); err != nil {
			return err
		}
	}
	for _, a := range gs.Advice {
		if err := k.Advice.Set(ctx, a.Id, a); err != nil {
			return err
		}
		if err := k.markAdvised(ctx, a); err != nil {
			return err
		}
		if a.Status == types.AdvicePending {
			if err := k.AdviceQueue.Set(ctx, collutil.At(a.Deadline, a.Id)); err != nil {
				return err
			}
		}
	}
	for _, c := range gs.CoolingOff {
		if err := k.CoolingOff.Set(ctx, c.MessageHash, c); err != nil {
			return err
		}
	}
	for _, h := range gs.Holds {
		if err := k.Holds.Set(ctx, collections.Join(h.ProposalId, h.Source), h); err != nil {
			return err
		}
	}
	for _, r := range gs.ReleasedHolds {
		if err := k.ReleasedHolds.Set(ctx, collections.Join(r.ProposalId, r.Sequence), r); err != nil {
			return err
		}
	}
	for _, t := range gs.DocumentTexts {
		if err := k.DocumentTexts.Set(ctx, t.ProposalId, t.Text); err != nil {
			return err
		}
	}
	for _, d := range gs.Documents {
		if err := k.Documents.Set(ctx, collections.Join(docKey(d.Kind, d.Scope), d.Version), d); err != nil {
			return err
		}
		key := docKey(d.Kind, d.Scope)
		current, err := k.CurrentDocument.Get(ctx, key)
		if err := collutil.NotFoundOK(err); err != nil {
			return err
		}
		if d.Version > current {
			if err := k.CurrentDocument.Set(ctx, key, d.Version); err != nil {
				return err
			}
		}
	}
	return k.initSettled(ctx, gs.Proposals)
}

// initSettled marks the Board votes whose outcome is already certain (a
// state exported with more settled votes than one block concludes), once
// the advice they may wait for is loaded; the first EndBlock concludes them.
func (k *Keeper) initSettled(ctx context.Context, proposals []types.Proposal) error {
	for _, p := range proposals {
		decided, _, err := k.settledOutcome(ctx, &p)
		if err != nil {
			return err
		}
		if decided {
			if err := k.SettledBoardVotes.Set(ctx, p.Id); err != nil {
				return err
			}
		}
	}
	return nil
}

// ExportGenesis writes out every record.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	if gs.Proposals, err = k.allProposals(ctx); err != nil {
		return nil, err
	}
	if gs.Votes, err = collutil.Values(ctx, k.Votes.Iterate); err != nil {
		return nil, err
	}
	if gs.Comments, err = collutil.Values(ctx, k.Comments.Iterate); err != nil {
		return nil, err
	}
	if gs.Advice, err = collutil.Values(ctx, k.Advice.Iterate); err != nil {
		return nil, err
	}
	if gs.Documents, err = collutil.Values(ctx, k.Documents.Iterate); err != nil {
		return nil, err
	}
	if gs.CoolingOff, err = collutil.Values(ctx, k.CoolingOff.Iterate); err != nil {
		return nil, err
	}
	if gs.Holds, err = collutil.Values(ctx, k.Holds.Iterate); err != nil {
		return nil, err
	}
	if gs.ReleasedHolds, err = collutil.Values(ctx, k.ReleasedHolds.Iterate); err != nil {
		return nil, err
	}
	if err := k.DocumentTexts.Walk(ctx, nil, func(id uint64, text string) (bool, error) {
		gs.DocumentTexts = append(gs.DocumentTexts, types.DocumentText{ProposalId: id, Text: text})
		return false, nil
	}); err != nil {
		return nil, err
	}
	if gs.NextProposalId, err = k.ProposalID.Peek(ctx); err != nil {
		return nil, err
	}
	if gs.NextAdviceId, err = k.AdviceID.Peek(ctx); err != nil {
		return nil, err
	}
	if gs.NextCommentId, err = k.CommentID.Peek(ctx); err != nil {
		return nil, err
	}
	return gs, nil
}
