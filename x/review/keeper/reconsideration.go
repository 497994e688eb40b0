package keeper

import (
	"context"

	"github.com/polity-chain/polity/internal/collutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/review/types"
)

// filingReconsideration names reconsideration requests in deposit events.
const filingReconsideration = "reconsideration"

// FileReconsideration asks the Board to reconsider one of its decisions,
// within the window after it (any account: an open-door message), paying the
// refundable reconsideration_deposit. The Board must decide by the deadline;
// until it does, a decision not yet in effect is held
// (reconsideration_hold.go).
func (k *Keeper) FileReconsideration(ctx context.Context, msg *types.MsgFileReconsideration) (uint64, error) {
	requester, err := k.parseAddr("requester", msg.Requester)
	if err != nil {
		return 0, err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	if err := checkText("grounds", msg.Grounds, params.MaxTextLength, true); err != nil {
		return 0, err
	}
	if err := checkDocument("request", msg.Request, params.MaxUriLength); err != nil {
		return 0, err
	}
	p, err := k.proposals.GetProposal(ctx, msg.ProposalId)
	if err != nil {
		return 0, err
	}
	decided, ok := boardDecisionTime(p)
	if !ok {
		return 0, types.ErrWrongPhase.Wrapf("proposal %d is %s: there is no Board decision to reconsider", p.Id, p.Status)
	}
	now, height := blockTime(ctx)
	if now.Sub(decided) > params.ReconsiderationWindow {
		return 0, types.ErrOutOfWindow.Wrapf("the Board decided proposal %d at %s; requests are due within %s", p.Id, decided, params.ReconsiderationWindow)
	}
	// the Empowered Community's community request is decided by its
	// participants, not sent at will: it pays no deposit
	deposit := params.ReconsiderationDeposit
	if msg.Requester == k.auth.Empowered {
		deposit = nil
	}
	deposit, held, err := k.payDeposit(ctx, requester, deposit, filingReconsideration)
	if err != nil {
		return 0, err
	}
	id, err := k.ReconsiderationID.Next(ctx)
	if err != nil {
		return 0, err
	}
	r := types.Reconsideration{
		Id: id, Requester: msg.Requester, ProposalId: msg.ProposalId, Grounds: msg.Grounds, Request: msg.Request,
		Status: types.ReconsiderationFiled, Deadline: deadline(ctx, params.ReconsiderationPeriod),
		FiledHeight: height, FiledTime: now, Deposit: deposit, DepositStatus: held,
	}
	if err := k.storeReconsideration(ctx, r); err != nil {
		return 0, err
	}
	if err := k.ReconsiderationQueue.Set(ctx, collutil.At(r.Deadline, id)); err != nil {
		return 0, err
	}
	if err := k.paidEvent(ctx, filingReconsideration, id, r.Requester, r.Deposit, r.DepositStatus); err != nil {
		return 0, err
	}
	if err := k.holdForReconsideration(ctx, r); err != nil {
		return 0, err
	}
	return id, k.emit(ctx, &types.EventReconsiderationChanged{ReconsiderationId: id, Status: r.Status})
}

// EvaluateReconsideration records the ombudsman's evaluation. An evaluation
// that does not find the request frivolous refunds its deposit at once; one
// that does keeps it held for the Board, which alone may dismiss the request
// as frivolous (ICANN §4.2: the BAMC summarily dismisses frivolous requests).
func (k *Keeper) EvaluateReconsideration(ctx context.Context, msg *types.MsgEvaluateReconsideration) error {
	if err := k.requireOmbudsman(ctx, msg.Ombudsman); err != nil {
		return err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := checkDocument("evaluation", msg.Evaluation, params.MaxUriLength); err != nil {
		return err
	}
	r, err := get(ctx, k.Reconsiderations, msg.ReconsiderationId, "reconsideration")
	if err != nil {
		return err
	}
	if r.Status != types.ReconsiderationFiled {
		return types.ErrWrongPhase.Wrapf("reconsideration %d is %s", r.Id, r.Status)
	}
	r.Status, r.Evaluation, r.EvaluatedFrivolous = types.ReconsiderationEvaluated, msg.Evaluation, msg.Frivolous
	if !msg.Frivolous {
		if err := k.settleDeposit(ctx, filingReconsideration, r.Id, r.Requester, r.Deposit, &r.DepositStatus, false); err != nil {
			return err
		}
	}
	if err := k.storeReconsideration(ctx, r); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventReconsiderationChanged{ReconsiderationId: r.Id, Status: r.Status, Overdue: r.Overdue, Frivolous: r.EvaluatedFrivolous})
}

// DecideReconsideration records the Board's decision (a ratified resolution),
// after the ombudsman's evaluation or, without one, after the deadline; a late
// decision stays marked overdue. A denial may dismiss the request as
// frivolous, keeping a deposit still held, only on the ombudsman's finding
// that it is: neither the respondent Board nor the ombudsman alone can take a
// requester's deposit.
//
// The msg server has checked the signer.
func (k *Keeper) DecideReconsideration(ctx context.Context, reconsiderationID uint64, grant bool, decision communitytypes.Document, frivolous bool) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := checkDocument("decision", decision, params.MaxUriLength); err != nil {
		return err
	}
	r, err := get(ctx, k.Reconsiderations, reconsiderationID, "reconsideration")
	if err != nil {
		return err
	}
	// after the ombudsman's evaluation, or without it once the deadline has
	// passed, so that a silent ombudsman cannot block the Board
	if r.Status != types.ReconsiderationEvaluated && !(r.Status == types.ReconsiderationFiled && r.Overdue) {
		return types.ErrWrongPhase.Wrapf("reconsideration %d is %s: the Board decides after the ombudsman's evaluation, or without it after the deadline", r.Id, r.Status)
	}
	if frivolous && (grant || !r.EvaluatedFrivolous) {
		return types.ErrNotFrivolous.Wrapf("reconsideration %d: only a denial, on the ombudsman's evaluation finding it frivolous, dismisses it as frivolous", r.Id)
	}
	if !r.Overdue {
		if err := k.ReconsiderationQueue.Remove(ctx, collutil.At(r.Deadline, r.Id)); err != nil {
			return err
		}
	}
	r.Status = types.ReconsiderationDenied
	if grant {
		r.Status = types.ReconsiderationGranted
	}
	by, err := k.resolution(ctx)
	if err != nil {
		return err
	}
	r.Decision, r.DecidedBy, r.DismissedFrivolous = decision, by, frivolous
	if err := k.settleDeposit(ctx, filingReconsideration, r.Id, r.Requester, r.Deposit, &r.DepositStatus, frivolous); err != nil {
		return err
	}
	if err := k.storeReconsideration(ctx, r); err != nil {
		return err
	}
	if err := k.releaseForReconsideration(ctx, r); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventReconsiderationChanged{ReconsiderationId: r.Id, Status: r.Status, Overdue: r.Overdue, Frivolous: r.DismissedFrivolous})
}

// reconsiderationOverdue marks a request the Board has not decided in time
// and refunds a deposit still held: a missed deadline costs the institution,
// never the requester, so a late dismissal keeps nothing.
func (k *Keeper) reconsiderationOverdue(ctx context.Context, id uint64) error {
	r, err := get(ctx, k.Reconsiderations, id, "reconsideration")
	if err != nil {
		return err
	}
	if err := k.ReconsiderationQueue.Remove(ctx, collutil.At(r.Deadline, r.Id)); err != nil {
		return err
	}
	if r.Status == types.ReconsiderationGranted || r.Status == types.ReconsiderationDenied {
		return nil
	}
	r.Overdue = true
	if err := k.settleDeposit(ctx, filingReconsideration, r.Id, r.Requester, r.Deposit, &r.DepositStatus, false); err != nil {
		return err
	}
	if err := k.storeReconsideration(ctx, r); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventReconsiderationChanged{ReconsiderationId: r.Id, Status: r.Status, Overdue: true})
}
