package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/empowered/types"
)

// InitGenesis writes the state and rebuilds the queues.
func (k *Keeper) InitGenesis(ctx context.Context, gs types.GenesisState) error {
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, s := range []struct {
		seq  collections.Sequence
		next uint64
	}{{k.ActionID, gs.NextActionId}, {k.StatementID, gs.NextStatementId}, {k.InspectionID, gs.NextInspectionId}} {
		if err := s.seq.Set(ctx, max(s.next, 1)); err != nil {
			return err
		}
	}
	for _, a := range gs.Actions {
		if err := k.Actions.Set(ctx, a.Id, a); err != nil {
			return err
		}
		if a.Stage.Open() {
			if err := k.ActionQueue.Set(ctx, queueKey(a)); err != nil {
				return err
			}
		}
	}
	for _, s := range gs.Statements {
		if err := k.Statements.Set(ctx, joinStatement(s.ActionId, s.Id), s); err != nil {
			return err
		}
	}
	for _, d := range gs.Decisions {
		if err := k.Decisions.Set(ctx, collections.Join(d.ActionId, d.CommunityId), d); err != nil {
			return err
		}
	}
	for _, in := range gs.Inspections {
		if err := k.Inspections.Set(ctx, in.Id, in); err != nil {
			return err
		}
		if !in.Answered && !in.Overdue {
			if err := k.InspectionQueue.Set(ctx, collutil.At(in.Deadline, in.Id)); err != nil {
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
	if gs.Actions, err = collutil.Values(ctx, k.Actions.Iterate); err != nil {
		return nil, err
	}
	if gs.Statements, err = collutil.Values(ctx, k.Statements.Iterate); err != nil {
		return nil, err
	}
	if gs.Decisions, err = collutil.Values(ctx, k.Decisions.Iterate); err != nil {
		return nil, err
	}
	if gs.Inspections, err = collutil.Values(ctx, k.Inspections.Iterate); err != nil {
		return nil, err
	}
	if gs.NextActionId, err = k.ActionID.Peek(ctx); err != nil {
		return nil, err
	}
	if gs.NextStatementId, err = k.StatementID.Peek(ctx); err != nil {
		return nil, err
	}
	if gs.NextInspectionId, err = k.InspectionID.Peek(ctx); err != nil {
		return nil, err
	}
	return gs, nil
}
