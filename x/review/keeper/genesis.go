package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/review/types"
)

// InitGenesis writes the state and rebuilds the queues from the records.
func (k *Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	seqs := []struct {
		seq  collections.Sequence
		next uint64
	}{
		{k.IRPID, gs.NextIrpId}, {k.ReconsiderationID, gs.NextReconsiderationId}, {k.ComplaintID, gs.NextComplaintId},
		{k.ReviewID, gs.NextReviewId}, {k.EmergencyID, gs.NextEmergencyId},
	}
	for _, s := range seqs {
		if err := s.seq.Set(ctx, max(s.next, 1)); err != nil {
			return err
		}
	}
	for _, p := range gs.Parties {
		addr, err := k.parseAddr("party", p.Address)
		if err != nil {
			return err
		}
		if err := k.Parties.Set(ctx, addr, p); err != nil {
			return err
		}
	}
	for _, p := range gs.Panelists {
		addr, err := k.parseAddr("panelist", p.Address)
		if err != nil {
			return err
		}
		if err := k.Panelists.Set(ctx, addr, p); err != nil {
			return err
		}
	}
	if err := k.initCases(ctx, gs); err != nil {
		return err
	}
	if err := k.initReviews(ctx, gs); err != nil {
		return err
	}
	if err := k.initEmergencies(ctx, gs); err != nil {
		return err
	}
	return k.checkHolds(ctx, gs)
}

func (k *Keeper) initCases(ctx context.Context, gs types.GenesisState) error {
	for _, c := range gs.Irps {
		if err := k.IRPs.Set(ctx, c.Id, c); err != nil {
			return err
		}
		switch c.Status {
		case types.IRPPanelForming:
			// choices open until the pick deadline; once closed, the next
			// announced seed block (a height already past re-announces)
			if len(c.SeedHeights) == 0 {
				if err := k.PickQueue.Set(ctx, collutil.At(c.PickDeadline, c.Id)); err != nil {
					return err
				}
			} else if int(c.SeedBlocksMixed) >= len(c.SeedHeights) {
				return types.ErrInvalidGenesis.Wrapf("irp %d: forming with a complete seed", c.Id)
			} else if err := k.SeedQueue.Set(ctx, collections.Join(c.SeedHeights[c.SeedBlocksMixed], c.Id)); err != nil {
				return err
			}
		case types.IRPUpheld:
			if err := k.BoardQueue.Set(ctx, collutil.At(c.BoardDeadline, c.Id)); err != nil {
				return err
			}
		}
	}
	for _, d := range gs.Declarations {
		addr, err := k.parseAddr("panelist", d.Panelist)
		if err != nil {
			return err
		}
		if err := k.Declarations.Set(ctx, collections.Join(d.IrpId, addr), d); err != nil {
			return err
		}
	}
	for _, r := range gs.Reconsiderations {
		if err := k.Reconsiderations.Set(ctx, r.Id, r); err != nil {
			return err
		}
		open := r.Status == types.ReconsiderationFiled || r.Status == types.ReconsiderationEvaluated
		if open && !r.Overdue {
			if err := k.ReconsiderationQueue.Set(ctx, collutil.At(r.Deadline, r.Id)); err != nil {
				return err
			}
		}
	}
	if gs.Ombudsman != nil {
		if err := k.Ombudsman.Set(ctx, *gs.Ombudsman); err != nil {
			return err
		}
	}
	for _, c := range gs.Complaints {
		if err := k.Complaints.Set(ctx, c.Id, c); err != nil {
			return err
		}
		if c.Status != types.ComplaintReported && !c.Overdue {
			if err := k.ComplaintQueue.Set(ctx, collutil.At(c.Deadline, c.Id)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (k *Keeper) initReviews(ctx context.Context, gs types.GenesisState) error {
	for _, r := range gs.Reviews {
		if err := k.Reviews.Set(ctx, r.Id, r); err != nil {
			return err
		}
		if (r.Status == types.ReviewOpen || r.Status == types.ReviewInProgress) && !r.Overdue {
			if err := k.ReviewQueue.Set(ctx, collutil.At(r.ReportDue, r.Id)); err != nil {
				return err
			}
		}
	}
	for _, rec := range gs.Recommendations {
		if err := k.Recommendations.Set(ctx, collections.Join(rec.ReviewId, rec.Index), rec); err != nil {
			return err
		}
		if rec.Status == types.RecommendationApproved && !rec.Overdue {
			if err := k.RecommendationQueue.Set(ctx, collutil.At(rec.Due, packRec(rec.ReviewId, rec.Index))); err != nil {
				return err
			}
		}
	}
	for _, s := range gs.Schedule {
		if err := k.Schedule.Set(ctx, int32(s.Type), s.DueUnix); err != nil {
			return err
		}
	}
	for _, cr := range gs.CommunityReviews {
		if err := k.CommunityReviews.Set(ctx, cr.CommunityId, cr.Due.Unix()); err != nil {
			return err
		}
		if err := k.CommunityReviewQueue.Set(ctx, collections.Join(cr.Due.Unix(), cr.CommunityId)); err != nil {
			return err
		}
	}
	if gs.CommunityReviewCursor != "" {
		if err := k.CommunityReviewCursor.Set(ctx, gs.CommunityReviewCursor); err != nil {
			return err
		}
	}
	if gs.OrganisationalCursor != "" {
		return k.Cursor.Set(ctx, gs.OrganisationalCursor)
	}
	return nil
}

func (k *Keeper) initEmergencies(ctx context.Context, gs types.GenesisState) error {
	for _, e := range gs.Emergencies {
		if err := k.Emergencies.Set(ctx, e.Id, e); err != nil {
			return err
		}
		inForce := e.Status == types.EmergencyActive || e.Status == types.EmergencyRatified
		// The consultation deadline stays queued after an action ends (lifting
		// or lapsing does not cancel it), so it is rebuilt whatever the status.
		if e.ConsultedCommunity == "" && !e.ConsultationMissed {
			if err := k.ConsultationQueue.Set(ctx, collutil.At(e.ConsultationDeadline, e.Id)); err != nil {
				return err
			}
		}
		if inForce {
			if err := k.ExpiryQueue.Set(ctx, collutil.At(expiryOf(e), e.Id)); err != nil {
				return err
			}
		}
		// emergencies are imported in id order, so the last one per
		// (kind, target) wins
		if e.Target != "" {
			if err := k.LastEmergency.Set(ctx, collections.Join(int32(e.Kind), e.Target), e.Id); err != nil {
				return err
			}
		}
		if inForce && e.Kind == types.EmergencyPauseMessage {
			n, err := k.Paused.Get(ctx, e.Target)
			if err := collutil.NotFoundOK(err); err != nil {
				return err
			}
			if err := k.Paused.Set(ctx, e.Target, n+1); err != nil {
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
	if gs.Parties, err = collutil.Values(ctx, k.Parties.Iterate); err != nil {
		return nil, err
	}
	if gs.Panelists, err = collutil.Values(ctx, k.Panelists.Iterate); err != nil {
		return nil, err
	}
	if gs.Irps, err = collutil.Values(ctx, k.IRPs.Iterate); err != nil {
		return nil, err
	}
	if gs.Declarations, err = collutil.Values(ctx, k.Declarations.Iterate); err != nil {
		return nil, err
	}
	if gs.Reconsiderations, err = collutil.Values(ctx, k.Reconsiderations.Iterate); err != nil {
		return nil, err
	}
	if o, err := k.Ombudsman.Get(ctx); err == nil {
		gs.Ombudsman = &o
	} else if err := collutil.NotFoundOK(err); err != nil {
		return nil, err
	}
	if gs.Complaints, err = collutil.Values(ctx, k.Complaints.Iterate); err != nil {
		return nil, err
	}
	if gs.Reviews, err = collutil.Values(ctx, k.Reviews.Iterate); err != nil {
		return nil, err
	}
	if gs.Recommendations, err = collutil.Values(ctx, k.Recommendations.Iterate); err != nil {
		return nil, err
	}
	if gs.Emergencies, err = collutil.Values(ctx, k.Emergencies.Iterate); err != nil {
		return nil, err
	}
	iter, err := k.Schedule.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	kvs, err := iter.KeyValues()
	if err != nil {
		return nil, err
	}
	for _, kv := range kvs {
		gs.Schedule = append(gs.Schedule, types.ScheduledReview{Type: types.ReviewType(kv.Key), DueUnix: kv.Value})
	}
	if gs.OrganisationalCursor, err = k.Cursor.Get(ctx); collutil.NotFoundOK(err) != nil {
		return nil, err
	}
	if gs.CommunityReviews, err = k.communityReviewSchedule(ctx); err != nil {
		return nil, err
	}
	if gs.CommunityReviewCursor, err = k.CommunityReviewCursor.Get(ctx); collutil.NotFoundOK(err) != nil {
		return nil, err
	}
	for _, s := range []struct {
		seq collections.Sequence
		out *uint64
	}{
		{k.IRPID, &gs.NextIrpId}, {k.ReconsiderationID, &gs.NextReconsiderationId}, {k.ComplaintID, &gs.NextComplaintId},
		{k.ReviewID, &gs.NextReviewId}, {k.EmergencyID, &gs.NextEmergencyId},
	} {
		if *s.out, err = s.seq.Peek(ctx); err != nil {
			return nil, err
		}
	}
	return gs, nil
}
