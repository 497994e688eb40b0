package keeper

import (
	"context"
	"fmt"
	"slices"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// requirePanelist checks that the signer sits on a case under review.
func (k *Keeper) requirePanelist(ctx context.Context, id uint64, panelist string) (types.IRP, error) {
	c, err := k.GetIRP(ctx, id)
	if err != nil {
		return c, err
	}
	if !slices.Contains(c.Panel, panelist) {
		return c, types.ErrNotPanelist.Wrapf("%s does not sit on case %d", panelist, id)
	}
	if c.Status != types.IRPInReview {
		return c, types.ErrWrongPhase.Wrapf("case %d is %s", id, c.Status)
	}
	return c, nil
}

// Declare records a panelist's declaration; the second matching declaration
// decides the case.
func (k *Keeper) Declare(ctx context.Context, msg *types.MsgDeclare) error {
	c, err := k.requirePanelist(ctx, msg.IrpId, msg.Panelist)
	if err != nil {
		return err
	}
	if msg.Outcome != types.OutcomeUpheld && msg.Outcome != types.OutcomeDenied {
		return types.ErrInvalidKind.Wrapf("outcome %d", msg.Outcome)
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := checkDocument("reasoning", msg.Reasoning, params.MaxUriLength); err != nil {
		return err
	}
	addr, err := k.parseAddr("panelist", msg.Panelist)
	if err != nil {
		return err
	}
	key := collections.Join(c.Id, addr)
	if has, err := k.Declarations.Has(ctx, key); err != nil || has {
		if err == nil {
			err = types.ErrAlreadyDone.Wrapf("%s already declared on case %d", msg.Panelist, c.Id)
		}
		return err
	}
	now, height := blockTime(ctx)
	if err := k.Declarations.Set(ctx, key, types.PanelDeclaration{
		IrpId: c.Id, Panelist: msg.Panelist, Outcome: msg.Outcome, Reasoning: msg.Reasoning, Height: height, Time: now,
	}); err != nil {
		return err
	}
	if err := k.emit(ctx, &types.EventDeclarationRecorded{IrpId: c.Id, Panelist: msg.Panelist, Outcome: msg.Outcome}); err != nil {
		return err
	}
	same, err := k.countDeclarations(ctx, c, msg.Outcome)
	if err != nil {
		return err
	}
	if same >= 2 {
		if err := k.decide(ctx, &c, msg.Outcome, msg); err != nil {
			return err
		}
	}
	return k.storeIRP(ctx, c)
}

// countDeclarations counts the panel's declarations with an outcome (three reads).
func (k *Keeper) countDeclarations(ctx context.Context, c types.IRP, outcome types.Outcome) (int, error) {
	n := 0
	for _, p := range c.Panel {
		addr, err := k.parseAddr("panelist", p)
		if err != nil {
			return 0, err
		}
		d, err := k.Declarations.Get(ctx, collections.Join(c.Id, addr))
		if err := collutil.NotFoundOK(err); err != nil {
			return 0, err
		}
		if d.Outcome == outcome {
			n++
		}
	}
	return n, nil
}

// decide makes the panel's declaration binding. Upheld: a challenged proposal
// not yet executed is returned to the Board, and the Board must act by its
// deadline. Denied: any stay is lifted. Either way the deposit is refunded.
func (k *Keeper) decide(ctx context.Context, c *types.IRP, outcome types.Outcome, last *types.MsgDeclare) error {
	now, height := blockTime(ctx)
	c.Outcome, c.Reasoning, c.DeclaredHeight, c.DeclaredTime = outcome, last.Reasoning, height, now
	if err := k.refund(ctx, c); err != nil {
		return err
	}
	for _, p := range c.Panel {
		if err := k.addOpenCase(ctx, p, -1); err != nil {
			return err
		}
	}
	if outcome == types.OutcomeDenied {
		// the case's hold ends; if it was the last, the proposal may execute
		if err := k.setHold(ctx, c, false, "the panel denied the claim"); err != nil {
			return err
		}
		return k.setIRPStatus(ctx, c, types.IRPDenied, "the panel denied the claim")
	}
	if c.ProposalId != 0 {
		p, err := k.proposals.GetProposal(ctx, c.ProposalId)
		if err != nil {
			return err
		}
		if !p.Status.Terminal() {
			if err := k.dispatch(ctx, &proposalstypes.MsgAnnulProposal{
				Authority: k.auth.Review, ProposalId: p.Id, Reason: fmt.Sprintf("IRP %d upheld", c.Id), IrpId: c.Id,
			}); err != nil {
				return err
			}
		}
		// released only once the proposal is returned, so that it cannot
		// execute in between
		if err := k.setHold(ctx, c, false, "the panel upheld the claim"); err != nil {
			return err
		}
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	c.BoardDeadline = deadline(ctx, params.BoardActionPeriod)
	if err := k.BoardQueue.Set(ctx, collutil.At(c.BoardDeadline, c.Id)); err != nil {
		return err
	}
	return k.setIRPStatus(ctx, c, types.IRPUpheld, "the panel upheld the claim; the Board must act by "+c.BoardDeadline.UTC().String())
}

// refund returns the filing deposit.
func (k *Keeper) refund(ctx context.Context, c *types.IRP) error {
	if c.Deposit.IsZero() {
		return nil
	}
	addr, err := k.parseAddr("claimant", c.Claimant)
	if err != nil {
		return err
	}
	return k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, addr, c.Deposit)
}

// RecordBoardAction records the Board's action on an upheld declaration (a
// ratified resolution), late or not.
//
// The msg server has checked the signer.
func (k *Keeper) RecordBoardAction(ctx context.Context, irpID uint64, action communitytypes.Document) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := checkDocument("action", action, params.MaxUriLength); err != nil {
		return err
	}
	c, err := k.GetIRP(ctx, irpID)
	if err != nil {
		return err
	}
	switch c.Status {
	case types.IRPUpheld:
		if err := k.BoardQueue.Remove(ctx, collutil.At(c.BoardDeadline, c.Id)); err != nil {
			return err
		}
	case types.IRPBoardDeadlineMissed:
	default:
		return types.ErrWrongPhase.Wrapf("case %d is %s: the Board acts only on upheld declarations", c.Id, c.Status)
	}
	by, err := k.resolution(ctx)
	if err != nil {
		return err
	}
	c.BoardAction, c.BoardActionProposal = action, by
	if err := k.setIRPStatus(ctx, &c, types.IRPBoardActed, "the Board recorded its action"); err != nil {
		return err
	}
	return k.storeIRP(ctx, c)
}

// boardDeadlinePassed records a missed Board deadline (EndBlock).
func (k *Keeper) boardDeadlinePassed(ctx context.Context, id uint64) error {
	c, err := k.GetIRP(ctx, id)
	if err != nil {
		return err
	}
	if err := k.BoardQueue.Remove(ctx, collutil.At(c.BoardDeadline, c.Id)); err != nil {
		return err
	}
	if c.Status != types.IRPUpheld {
		return nil
	}
	c.DeadlineMissed = true
	if err := k.setIRPStatus(ctx, &c, types.IRPBoardDeadlineMissed, "the Board did not act by its deadline"); err != nil {
		return err
	}
	return k.storeIRP(ctx, c)
}

// pickDeadlinePassed closes the choices of a case whose sides did not both
// choose in time: its seed blocks are announced and the draw fills the seats.
func (k *Keeper) pickDeadlinePassed(ctx context.Context, id uint64) error {
	c, err := k.GetIRP(ctx, id)
	if err != nil {
		return err
	}
	if err := k.PickQueue.Remove(ctx, collutil.At(c.PickDeadline, c.Id)); err != nil {
		return err
	}
	if c.Status != types.IRPPanelForming || len(c.SeedHeights) > 0 {
		return nil
	}
	if err := k.announceSeed(ctx, &c, "the pick deadline passed"); err != nil {
		return err
	}
	return k.storeIRP(ctx, c)
}
