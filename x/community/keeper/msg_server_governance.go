package keeper

import (
	"context"

	"github.com/polity-chain/polity/x/community/types"
)

// UpdateParams replaces the bylaws. Bootstrap mode can only be switched off,
// and only when every community is already within the power cap.
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	current, err := s.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if msg.Params.Bootstrap && !current.Bootstrap {
		return nil, types.ErrBootstrapLocked
	}
	if current.Bootstrap && !msg.Params.Bootstrap {
		if err := s.CheckAllPowers(ctx); err != nil {
			return nil, err
		}
		s.Logger().Info("bootstrap mode switched off: the 1/3 validator power cap now holds")
	}
	if err := s.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, s.emit(ctx, &types.EventParamsUpdated{Authority: msg.Authority, Bootstrap: msg.Params.Bootstrap})
}

// CreateCommunity founds a community.
func (s msgServer) CreateCommunity(ctx context.Context, msg *types.MsgCreateCommunity) (*types.MsgCreateCommunityResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	c, err := s.Keeper.CreateCommunity(ctx, types.Community{
		Id: msg.Id, Name: msg.Name, Kind: msg.Kind, ParentId: msg.ParentId, Charter: msg.Charter, Seats: msg.Seats,
	}, msg.Rule)
	if err != nil {
		return nil, err
	}
	return &types.MsgCreateCommunityResponse{Address: c.Address}, nil
}

// UpdateCommunityCharter renames a community or replaces its charter.
func (s msgServer) UpdateCommunityCharter(ctx context.Context, msg *types.MsgUpdateCommunityCharter) (*types.MsgUpdateCommunityCharterResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgUpdateCommunityCharterResponse{}, s.UpdateCharter(ctx, msg.CommunityId, msg.Name, msg.Charter)
}

// SetSeatAllocation changes a community's allocation.
func (s msgServer) SetSeatAllocation(ctx context.Context, msg *types.MsgSetSeatAllocation) (*types.MsgSetSeatAllocationResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgSetSeatAllocationResponse{}, s.Keeper.SetSeatAllocation(ctx, msg.CommunityId, msg.Seats)
}

// SetAppointments changes what a community appoints into others.
func (s msgServer) SetAppointments(ctx context.Context, msg *types.MsgSetAppointments) (*types.MsgSetAppointmentsResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgSetAppointmentsResponse{}, s.Keeper.SetAppointments(ctx, msg.CommunityId, msg.Appointments)
}

// SetDecisionRule changes a body's rule.
func (s msgServer) SetDecisionRule(ctx context.Context, msg *types.MsgSetDecisionRule) (*types.MsgSetDecisionRuleResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgSetDecisionRuleResponse{}, s.Keeper.SetDecisionRule(ctx, msg.BodyId, msg.Rule)
}

// SetCommunityPrivileges sets a community's advice deference and carve-out
// eligibility.
func (s msgServer) SetCommunityPrivileges(ctx context.Context, msg *types.MsgSetCommunityPrivileges) (*types.MsgSetCommunityPrivilegesResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgSetCommunityPrivilegesResponse{}, s.SetPrivileges(ctx, msg.CommunityId, msg.AdviceDeference, msg.CarveOutEligible)
}

// SetDecisionalParticipant sets the decisional-participant flag.
func (s msgServer) SetDecisionalParticipant(ctx context.Context, msg *types.MsgSetDecisionalParticipant) (*types.MsgSetDecisionalParticipantResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgSetDecisionalParticipantResponse{}, s.SetDecisional(ctx, msg.CommunityId, msg.Decisional)
}
