package keeper

import (
	"context"
	"slices"

	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// The interim relief rules. A case holds its challenged proposal (the hold
// "irp/<id>" in x/proposals) while a request for interim relief made at
// filing awaits the panel's ruling, or while a panel majority is for a stay.
// The request keeps the decision from executing before the panel can even
// sit (ICANN: a claimant may ask for interim relief pending the IRP), so no
// filing has to race the challenged decision's window; a panel majority
// against the request releases it. Deciding the case releases the hold.

// checkReliefRequest checks, before a filing writes anything, that its
// request for interim relief can be met: a challenged proposal not yet
// executed or closed.
func (k *Keeper) checkReliefRequest(ctx context.Context, proposalID uint64) error {
	if proposalID == 0 {
		return types.ErrWrongPhase.Wrap("interim relief stays a challenged proposal: an inaction has nothing to stay")
	}
	p, err := k.proposals.GetProposal(ctx, proposalID)
	if err != nil {
		return err
	}
	if p.Status.Terminal() {
		return types.ErrWrongPhase.Wrapf("proposal %d is %s: interim relief comes too late", p.Id, p.Status)
	}
	return nil
}

// requestRelief places the hold a request for interim relief asks for at
// filing (checked by checkReliefRequest).
func (k *Keeper) requestRelief(ctx context.Context, c *types.IRP) error {
	c.ReliefRequested = true
	return k.setHold(ctx, c, true, "interim relief requested at filing: held until the panel rules")
}

// PanelStay records a panelist's vote on interim relief: for a stay
// (stay=true) or against it. A panelist's latest vote counts. The case holds
// the proposal while a majority is for a stay, or while a request made at
// filing has not met a majority against it.
func (k *Keeper) PanelStay(ctx context.Context, msg *types.MsgPanelStay) error {
	c, err := k.requirePanelist(ctx, msg.IrpId, msg.Panelist)
	if err != nil {
		return err
	}
	if c.ProposalId == 0 {
		return types.ErrWrongPhase.Wrapf("case %d challenges an inaction: there is nothing to stay", c.Id)
	}
	inFavour, against := slices.Contains(c.StayVotes, msg.Panelist), slices.Contains(c.ReliefObjections, msg.Panelist)
	if (msg.Stay && inFavour) || (!msg.Stay && against) {
		return types.ErrAlreadyDone.Wrapf("%s already voted so on case %d", msg.Panelist, c.Id)
	}
	if !msg.Stay && !inFavour && !c.ReliefRequested {
		return types.ErrAlreadyDone.Wrapf("%s has not voted for a stay on case %d, which has no request to vote against", msg.Panelist, c.Id)
	}
	drop := func(p string) bool { return p == msg.Panelist }
	c.StayVotes, c.ReliefObjections = slices.DeleteFunc(c.StayVotes, drop), slices.DeleteFunc(c.ReliefObjections, drop)
	if msg.Stay {
		c.StayVotes = append(c.StayVotes, msg.Panelist)
	} else if c.ReliefRequested {
		c.ReliefObjections = append(c.ReliefObjections, msg.Panelist)
	}
	if want := c.HoldsProposal(); want != c.Stayed {
		note := "a panel majority granted a stay"
		if !want {
			note = "a panel majority is against interim relief"
		}
		if err := k.setHold(ctx, &c, want, note); err != nil {
			return err
		}
	}
	return k.storeIRP(ctx, c)
}

// setHold places or releases the case's own hold on its proposal. Placing
// needs a proposal not yet executed; releasing works whatever the proposal's
// status, so that a case always clears its own hold, and never touches
// another source's (an emergency suspension or another case).
func (k *Keeper) setHold(ctx context.Context, c *types.IRP, hold bool, note string) error {
	if c.Stayed == hold {
		return nil
	}
	if hold {
		if err := k.checkReliefRequest(ctx, c.ProposalId); err != nil {
			return err
		}
	}
	if err := k.dispatch(ctx, &proposalstypes.MsgStayProposal{
		Authority: k.auth.Review, ProposalId: c.ProposalId, Stay: hold, Reason: note,
		Source: proposalstypes.HoldSource("irp", c.Id),
	}); err != nil {
		return err
	}
	c.Stayed = hold
	return k.emit(ctx, &types.EventInterimRelief{IrpId: c.Id, ProposalId: c.ProposalId, Stayed: hold, Note: note})
}
