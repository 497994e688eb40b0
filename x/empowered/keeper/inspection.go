package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/types"
)

// openInspection records an inspection request the Board must answer by the
// deadline (the effect of the inspection power).
func (k *Keeper) openInspection(ctx context.Context, a *types.Action) (uint64, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	id, err := k.InspectionID.Next(ctx)
	if err != nil {
		return 0, err
	}
	now, height := blockTime(ctx)
	in := types.Inspection{
		Id: id, ActionId: a.Id, Request: a.Rationale, Deadline: deadline(ctx, params.InspectionResponsePeriod),
		CreatedHeight: height, CreatedTime: now,
	}
	if err := k.storeInspection(ctx, in); err != nil {
		return 0, err
	}
	if err := k.InspectionQueue.Set(ctx, collutil.At(in.Deadline, id)); err != nil {
		return 0, err
	}
	return id, k.emit(ctx, &types.EventInspectionChanged{InspectionId: id})
}

// RespondInspection records the Board's answer (a ratified resolution). The
// msg server has checked the signer.
func (k *Keeper) RespondInspection(ctx context.Context, inspectionID uint64, response communitytypes.Document) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := checkDocument("response", response, params.MaxUriLength, true); err != nil {
		return err
	}
	in, err := k.Inspections.Get(ctx, inspectionID)
	if errors.Is(err, collections.ErrNotFound) {
		return types.ErrNotFound.Wrapf("inspection %d", inspectionID)
	} else if err != nil {
		return err
	}
	if in.Answered {
		return types.ErrAlreadyDone.Wrapf("inspection %d was answered", in.Id)
	}
	if !in.Overdue {
		if err := k.InspectionQueue.Remove(ctx, collutil.At(in.Deadline, in.Id)); err != nil {
			return err
		}
	}
	by, err := k.proposals.ExecutingProposal(ctx)
	if err != nil {
		return err
	}
	in.Answered, in.Response, in.AnsweredBy = true, response, by
	if err := k.storeInspection(ctx, in); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventInspectionChanged{InspectionId: in.Id, Answered: true, Overdue: in.Overdue})
}

// inspectionOverdue marks an inspection the Board did not answer in time.
func (k *Keeper) inspectionOverdue(ctx context.Context, id uint64) error {
	in, err := k.Inspections.Get(ctx, id)
	if err != nil {
		return err
	}
	if err := k.InspectionQueue.Remove(ctx, collutil.At(in.Deadline, in.Id)); err != nil {
		return err
	}
	if in.Answered {
		return nil
	}
	in.Overdue = true
	if err := k.storeInspection(ctx, in); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventInspectionChanged{InspectionId: in.Id, Overdue: true})
}
