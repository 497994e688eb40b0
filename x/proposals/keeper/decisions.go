package keeper

import (
	"context"
	"time"

	"github.com/polity-chain/polity/x/proposals/types"
)

// WithdrawProposal lets the proposer withdraw a proposal in public comment.
func (k *Keeper) WithdrawProposal(ctx context.Context, msg *types.MsgWithdrawProposal) error {
	if _, err := k.parseAddr("proposer", msg.Proposer); err != nil {
		return err
	}
	p, err := k.GetProposal(ctx, msg.ProposalId)
	if err != nil {
		return err
	}
	if p.Proposer != msg.Proposer {
		return types.ErrNotOriginator.Wrapf("only %s may withdraw proposal %d", p.Proposer, p.Id)
	}
	if p.Status != types.StatusPublicComment {
		return types.ErrWrongPhase.Wrapf("proposal %d is %s: only proposals in public comment can be withdrawn", p.Id, p.Status)
	}
	if err := k.transition(ctx, &p, types.StatusWithdrawn, time.Time{}, "withdrawn by its originator"); err != nil {
		return err
	}
	return k.storeProposal(ctx, p)
}

// VetoProposal is the Empowered Community's rejection within the window. The
// msg server has checked the signer.
func (k *Keeper) VetoProposal(ctx context.Context, proposalID uint64, reason string) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := checkText("reason", reason, params.MaxTextLength, false); err != nil {
		return err
	}
	p, err := k.GetProposal(ctx, proposalID)
	if err != nil {
		return err
	}
	if p.Status != types.StatusECReview || p.Rule.EcTreatment != types.ECRejectionWindow {
		return types.ErrWrongPhase.Wrapf("proposal %d is %s (%s): no rejection window is open", p.Id, p.Status, p.Rule.EcTreatment)
	}
	if err := k.transition(ctx, &p, types.StatusVetoed, time.Time{}, "vetoed by the Empowered Community: "+reason); err != nil {
		return err
	}
	return k.storeProposal(ctx, p)
}

// ApproveProposal is the Empowered Community's approval: the proposal is
// QUEUED, its messages run at the end of the block (APPROVED while held). The
// msg server has checked the signer.
func (k *Keeper) ApproveProposal(ctx context.Context, proposalID uint64) (types.ProposalStatus, error) {
	p, err := k.GetProposal(ctx, proposalID)
	if err != nil {
		return 0, err
	}
	if p.Status != types.StatusECReview || p.Rule.EcTreatment != types.ECApprovalRequired {
		return p.Status, types.ErrWrongPhase.Wrapf("proposal %d is %s (%s): it awaits no approval", p.Id, p.Status, p.Rule.EcTreatment)
	}
	if err := k.ratify(ctx, &p); err != nil {
		return 0, err
	}
	return p.Status, k.storeProposal(ctx, p)
}

// AnnulProposal returns a proposal not yet executed to the Board (a QUEUED
// one too: it leaves the execution queue, as an APPROVED one would), on an
// upheld independent review (case irpID, when there is one). The msg server
// has checked the signer.
func (k *Keeper) AnnulProposal(ctx context.Context, proposalID uint64, reason string, irpID uint64) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := checkText("reason", reason, params.MaxTextLength, true); err != nil {
		return err
	}
	p, err := k.GetProposal(ctx, proposalID)
	if err != nil {
		return err
	}
	if p.Status.Terminal() {
		return types.ErrWrongPhase.Wrapf("proposal %d is %s: an executed or closed proposal cannot be returned", p.Id, p.Status)
	}
	p.ReturnedByIrp = irpID
	if err := k.transition(ctx, &p, types.StatusReturned, time.Time{}, "returned to the Board by independent review: "+reason); err != nil {
		return err
	}
	return k.storeProposal(ctx, p)
}
