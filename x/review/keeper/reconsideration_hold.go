package keeper

import (
	"context"
	"fmt"

	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// A reconsideration request filed before the challenged decision takes
// effect holds it (source "reconsideration/<id>") until the Board decides the
// request: denied, the hold is released (and the decision, if nothing else
// holds it, takes effect); granted, the decision is returned to the Board
// first, so that it never executes. A request on a decision already in
// effect holds nothing.

func reconsiderationSource(id uint64) string { return proposalstypes.HoldSource("reconsideration", id) }

// holdForReconsideration places the request's hold when its proposal has not
// yet taken effect.
func (k *Keeper) holdForReconsideration(ctx context.Context, r types.Reconsideration) error {
	p, err := k.proposals.GetProposal(ctx, r.ProposalId)
	if err != nil {
		return err
	}
	if p.Status.Terminal() {
		return nil
	}
	return k.dispatch(ctx, &proposalstypes.MsgStayProposal{
		Authority: k.auth.Review, ProposalId: r.ProposalId, Stay: true, Source: reconsiderationSource(r.Id),
		Reason: fmt.Sprintf("reconsideration %d requested", r.Id),
	})
}

// releaseForReconsideration ends the request's hold once the Board has
// decided it, returning the decision first when the request was granted.
func (k *Keeper) releaseForReconsideration(ctx context.Context, r types.Reconsideration) error {
	source := reconsiderationSource(r.Id)
	_, held, err := k.proposals.GetHold(ctx, r.ProposalId, source)
	if err != nil || !held {
		return err
	}
	if r.Status == types.ReconsiderationGranted {
		p, err := k.proposals.GetProposal(ctx, r.ProposalId)
		if err != nil {
			return err
		}
		if !p.Status.Terminal() {
			if err := k.dispatch(ctx, &proposalstypes.MsgAnnulProposal{
				Authority: k.auth.Review, ProposalId: r.ProposalId, Reason: fmt.Sprintf("reconsideration %d granted", r.Id),
			}); err != nil {
				return err
			}
		}
	}
	return k.dispatch(ctx, &proposalstypes.MsgStayProposal{
		Authority: k.auth.Review, ProposalId: r.ProposalId, Stay: false, Source: source,
		Reason: fmt.Sprintf("reconsideration %d decided: %s", r.Id, r.Status),
	})
}
