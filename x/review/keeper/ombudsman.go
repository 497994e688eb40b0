package keeper

import (
	"context"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/review/types"
)

// AppointOmbudsman appoints the ombudsman for a term (a ratified resolution,
// which needs 3/4 of the Board's voting seats: x/proposals' board_thresholds;
// an appointment mid-term removes the ombudsman in office). A director or a
// panelist may not be the ombudsman.
//
// The msg server has checked the signer.
func (k *Keeper) AppointOmbudsman(ctx context.Context, address string) error {
	addr, err := k.parseAddr("address", address)
	if err != nil {
		return err
	}
	if err := k.checkIndependent(ctx, addr, officeOmbudsman); err != nil {
		return err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	by, err := k.resolution(ctx)
	if err != nil {
		return err
	}
	now, height := blockTime(ctx)
	o := types.Ombudsman{
		Address: address, TermEnd: deadline(ctx, params.OmbudsmanTerm), AppointedBy: by,
		AppointedTime: now, AppointedHeight: height,
	}
	if err := k.Ombudsman.Set(ctx, o); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventOmbudsmanAppointed{Address: address})
}

// requireOmbudsman checks that the signer is the ombudsman in office.
func (k *Keeper) requireOmbudsman(ctx context.Context, signer string) error {
	o, err := k.Ombudsman.Get(ctx)
	if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	now, _ := blockTime(ctx)
	if o.Address == "" || o.Address != signer || !now.Before(o.TermEnd) {
		return types.ErrNotOmbudsman.Wrapf("%s is not the ombudsman in office", signer)
	}
	return nil
}

// filingComplaint names complaints in deposit events.
const filingComplaint = "complaint"

// FileComplaint files a complaint of unfair treatment (any account: an
// open-door message), paying the refundable complaint_deposit. The ombudsman
// reports by the deadline.
func (k *Keeper) FileComplaint(ctx context.Context, msg *types.MsgFileComplaint) (uint64, error) {
	complainant, err := k.parseAddr("complainant", msg.Complainant)
	if err != nil {
		return 0, err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	if err := checkText("subject", msg.Subject, params.MaxTextLength, true); err != nil {
		return 0, err
	}
	if err := checkDocument("complaint", msg.Complaint, params.MaxUriLength); err != nil {
		return 0, err
	}
	deposit, held, err := k.payDeposit(ctx, complainant, params.ComplaintDeposit, filingComplaint)
	if err != nil {
		return 0, err
	}
	id, err := k.ComplaintID.Next(ctx)
	if err != nil {
		return 0, err
	}
	now, height := blockTime(ctx)
	c := types.Complaint{
		Id: id, Complainant: msg.Complainant, Subject: msg.Subject, Complaint: msg.Complaint, Status: types.ComplaintFiled,
		Deadline: deadline(ctx, params.ComplaintPeriod), FiledHeight: height, FiledTime: now, Deposit: deposit, DepositStatus: held,
	}
	if err := k.storeComplaint(ctx, c); err != nil {
		return 0, err
	}
	if err := k.ComplaintQueue.Set(ctx, collutil.At(c.Deadline, id)); err != nil {
		return 0, err
	}
	if err := k.paidEvent(ctx, filingComplaint, id, c.Complainant, c.Deposit, c.DepositStatus); err != nil {
		return 0, err
	}
	return id, k.emit(ctx, &types.EventComplaintChanged{ComplaintId: id, Status: c.Status})
}

// AcknowledgeComplaint acknowledges a complaint.
func (k *Keeper) AcknowledgeComplaint(ctx context.Context, msg *types.MsgAcknowledgeComplaint) error {
	if err := k.requireOmbudsman(ctx, msg.Ombudsman); err != nil {
		return err
	}
	c, err := get(ctx, k.Complaints, msg.ComplaintId, "complaint")
	if err != nil {
		return err
	}
	if c.Status != types.ComplaintFiled {
		return types.ErrWrongPhase.Wrapf("complaint %d is %s", c.Id, c.Status)
	}
	c.Status = types.ComplaintAcknowledged
	if err := k.storeComplaint(ctx, c); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventComplaintChanged{ComplaintId: c.Id, Status: c.Status, Overdue: c.Overdue})
}

// ReportComplaint issues the ombudsman's report; it changes no decision. The
// report settles a deposit still held: refunded, or kept when the report
// dismisses the complaint as frivolous.
func (k *Keeper) ReportComplaint(ctx context.Context, msg *types.MsgReportComplaint) error {
	if err := k.requireOmbudsman(ctx, msg.Ombudsman); err != nil {
		return err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := checkDocument("report", msg.Report, params.MaxUriLength); err != nil {
		return err
	}
	c, err := get(ctx, k.Complaints, msg.ComplaintId, "complaint")
	if err != nil {
		return err
	}
	if c.Status == types.ComplaintReported {
		return types.ErrAlreadyDone.Wrapf("complaint %d is reported", c.Id)
	}
	if !c.Overdue {
		if err := k.ComplaintQueue.Remove(ctx, collutil.At(c.Deadline, c.Id)); err != nil {
			return err
		}
	}
	c.Status, c.Report, c.DismissedFrivolous = types.ComplaintReported, msg.Report, msg.Frivolous
	if err := k.settleDeposit(ctx, filingComplaint, c.Id, c.Complainant, c.Deposit, &c.DepositStatus, msg.Frivolous); err != nil {
		return err
	}
	if err := k.storeComplaint(ctx, c); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventComplaintChanged{ComplaintId: c.Id, Status: c.Status, Overdue: c.Overdue, Frivolous: c.DismissedFrivolous})
}

// complaintOverdue marks a complaint not reported in time and refunds a
// deposit still held: the ombudsman's delay never costs the complainant.
func (k *Keeper) complaintOverdue(ctx context.Context, id uint64) error {
	c, err := get(ctx, k.Complaints, id, "complaint")
	if err != nil {
		return err
	}
	if err := k.ComplaintQueue.Remove(ctx, collutil.At(c.Deadline, c.Id)); err != nil {
		return err
	}
	if c.Status == types.ComplaintReported {
		return nil
	}
	c.Overdue = true
	if err := k.settleDeposit(ctx, filingComplaint, c.Id, c.Complainant, c.Deposit, &c.DepositStatus, false); err != nil {
		return err
	}
	if err := k.storeComplaint(ctx, c); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventComplaintChanged{ComplaintId: c.Id, Status: c.Status, Overdue: true})
}
