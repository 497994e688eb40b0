package keeper

import (
	"context"

	"github.com/polity-chain/polity/x/empowered/types"
)

// msgServer is the thin transaction layer. The governance authority (the
// Board's ratified resolutions) is checked here, first; a signer that
// depends on state (a member acting for a decisional participant) is checked
// by the keeper rule.
type msgServer struct{ *Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the x/empowered Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer { return msgServer{Keeper: k} }

// Petition handles MsgPetition.
func (s msgServer) Petition(ctx context.Context, msg *types.MsgPetition) (*types.MsgPetitionResponse, error) {
	id, err := s.Keeper.Petition(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgPetitionResponse{ActionId: id}, nil
}

// SupportPetition handles MsgSupportPetition.
func (s msgServer) SupportPetition(ctx context.Context, msg *types.MsgSupportPetition) (*types.MsgSupportPetitionResponse, error) {
	return &types.MsgSupportPetitionResponse{}, s.Keeper.SupportPetition(ctx, msg)
}

// PostStatement handles MsgPostStatement.
func (s msgServer) PostStatement(ctx context.Context, msg *types.MsgPostStatement) (*types.MsgPostStatementResponse, error) {
	id, err := s.Keeper.PostStatement(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgPostStatementResponse{StatementId: id}, nil
}

// Decide handles MsgDecide.
func (s msgServer) Decide(ctx context.Context, msg *types.MsgDecide) (*types.MsgDecideResponse, error) {
	stage, err := s.Keeper.Decide(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgDecideResponse{Stage: stage}, nil
}

// RespondInspection handles MsgRespondInspection.
func (s msgServer) RespondInspection(ctx context.Context, msg *types.MsgRespondInspection) (*types.MsgRespondInspectionResponse, error) {
	if msg.Authority != s.governance {
		return nil, types.ErrUnauthorized.Wrapf("the Board answers by a ratified resolution (signer %s), got %s", s.governance, msg.Authority)
	}
	return &types.MsgRespondInspectionResponse{}, s.Keeper.RespondInspection(ctx, msg.InspectionId, msg.Response)
}

// UpdateParams replaces the params (governance).
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if msg.Authority != s.governance {
		return nil, types.ErrUnauthorized.Wrapf("only the governance authority %s may do this, got %s", s.governance, msg.Authority)
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	if err := s.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, s.emit(ctx, &types.EventParamsUpdated{Authority: msg.Authority})
}
