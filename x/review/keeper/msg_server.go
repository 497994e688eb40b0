package keeper

import (
	"context"

	"github.com/polity-chain/polity/x/review/types"
)

// msgServer is the thin transaction layer. A handler whose signer must be a
// fixed authority (governance, the Empowered Community, the secretariat)
// checks it here, first, and calls a keeper method on plain arguments; a
// signer that depends on the message or on state (a community's own motion,
// the Board chair, the ombudsman in office, a panelist of the case, a team
// member, a party with standing) is checked by the keeper rule.
type msgServer struct {
	*Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the x/review Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer { return msgServer{Keeper: k} }

// RegisterParty handles MsgRegisterParty.
func (s msgServer) RegisterParty(ctx context.Context, msg *types.MsgRegisterParty) (*types.MsgRegisterPartyResponse, error) {
	if msg.Authority != s.auth.Secretariat {
		return nil, types.ErrUnauthorized.Wrapf("parties are registered by a motion of the secretariat (signer %s), got %s", s.auth.Secretariat, msg.Authority)
	}
	return &types.MsgRegisterPartyResponse{}, s.Keeper.RegisterParty(ctx, msg.Address, msg.Name, msg.Profile)
}

// DeregisterParty handles MsgDeregisterParty.
func (s msgServer) DeregisterParty(ctx context.Context, msg *types.MsgDeregisterParty) (*types.MsgDeregisterPartyResponse, error) {
	if msg.Authority != s.auth.Secretariat {
		return nil, types.ErrUnauthorized.Wrapf("parties are deregistered by a motion of the secretariat (signer %s), got %s", s.auth.Secretariat, msg.Authority)
	}
	return &types.MsgDeregisterPartyResponse{}, s.Keeper.DeregisterParty(ctx, msg.Address)
}

// AppointPanelist handles MsgAppointPanelist.
func (s msgServer) AppointPanelist(ctx context.Context, msg *types.MsgAppointPanelist) (*types.MsgAppointPanelistResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgAppointPanelistResponse{}, s.Keeper.AppointPanelist(ctx, msg.Address, msg.Name)
}

// RemovePanelist handles MsgRemovePanelist.
func (s msgServer) RemovePanelist(ctx context.Context, msg *types.MsgRemovePanelist) (*types.MsgRemovePanelistResponse, error) {
	// The panel reviews the Board, so the Board's own majority may not thin it:
	// the Empowered Community, or governance through a FUNDAMENTAL_BYLAW.
	if msg.Authority != s.auth.Empowered {
		if err := s.requireGovernance(msg.Authority); err != nil {
			return nil, err
		}
	}
	return &types.MsgRemovePanelistResponse{}, s.Keeper.RemovePanelist(ctx, msg.Address)
}

// ConfirmPanelist handles MsgConfirmPanelist.
func (s msgServer) ConfirmPanelist(ctx context.Context, msg *types.MsgConfirmPanelist) (*types.MsgConfirmPanelistResponse, error) {
	if msg.Authority != s.auth.Empowered {
		return nil, types.ErrUnauthorized.Wrapf("only the Empowered Community (%s) confirms panelists, got %s", s.auth.Empowered, msg.Authority)
	}
	return &types.MsgConfirmPanelistResponse{}, s.Keeper.ConfirmPanelist(ctx, msg.Address)
}

// FileIRP handles MsgFileIRP.
func (s msgServer) FileIRP(ctx context.Context, msg *types.MsgFileIRP) (*types.MsgFileIRPResponse, error) {
	id, err := s.Keeper.FileIRP(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgFileIRPResponse{IrpId: id}, nil
}

// ChoosePanelist handles MsgChoosePanelist.
func (s msgServer) ChoosePanelist(ctx context.Context, msg *types.MsgChoosePanelist) (*types.MsgChoosePanelistResponse, error) {
	return &types.MsgChoosePanelistResponse{}, s.Keeper.ChoosePanelist(ctx, msg)
}

// PanelStay handles MsgPanelStay.
func (s msgServer) PanelStay(ctx context.Context, msg *types.MsgPanelStay) (*types.MsgPanelStayResponse, error) {
	return &types.MsgPanelStayResponse{}, s.Keeper.PanelStay(ctx, msg)
}

// Declare handles MsgDeclare.
func (s msgServer) Declare(ctx context.Context, msg *types.MsgDeclare) (*types.MsgDeclareResponse, error) {
	return &types.MsgDeclareResponse{}, s.Keeper.Declare(ctx, msg)
}

// RecordBoardAction handles MsgRecordBoardAction.
func (s msgServer) RecordBoardAction(ctx context.Context, msg *types.MsgRecordBoardAction) (*types.MsgRecordBoardActionResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgRecordBoardActionResponse{}, s.Keeper.RecordBoardAction(ctx, msg.IrpId, msg.Action)
}

// FileReconsideration handles MsgFileReconsideration.
func (s msgServer) FileReconsideration(ctx context.Context, msg *types.MsgFileReconsideration) (*types.MsgFileReconsiderationResponse, error) {
	id, err := s.Keeper.FileReconsideration(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgFileReconsiderationResponse{ReconsiderationId: id}, nil
}

// EvaluateReconsideration handles MsgEvaluateReconsideration.
func (s msgServer) EvaluateReconsideration(ctx context.Context, msg *types.MsgEvaluateReconsideration) (*types.MsgEvaluateReconsiderationResponse, error) {
	return &types.MsgEvaluateReconsiderationResponse{}, s.Keeper.EvaluateReconsideration(ctx, msg)
}

// DecideReconsideration handles MsgDecideReconsideration.
func (s msgServer) DecideReconsideration(ctx context.Context, msg *types.MsgDecideReconsideration) (*types.MsgDecideReconsiderationResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgDecideReconsiderationResponse{}, s.Keeper.DecideReconsideration(ctx, msg.ReconsiderationId, msg.Grant, msg.Decision, msg.Frivolous)
}

// AppointOmbudsman handles MsgAppointOmbudsman.
func (s msgServer) AppointOmbudsman(ctx context.Context, msg *types.MsgAppointOmbudsman) (*types.MsgAppointOmbudsmanResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgAppointOmbudsmanResponse{}, s.Keeper.AppointOmbudsman(ctx, msg.Address)
}

// FileComplaint handles MsgFileComplaint.
func (s msgServer) FileComplaint(ctx context.Context, msg *types.MsgFileComplaint) (*types.MsgFileComplaintResponse, error) {
	id, err := s.Keeper.FileComplaint(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgFileComplaintResponse{ComplaintId: id}, nil
}

// AcknowledgeComplaint handles MsgAcknowledgeComplaint.
func (s msgServer) AcknowledgeComplaint(ctx context.Context, msg *types.MsgAcknowledgeComplaint) (*types.MsgAcknowledgeComplaintResponse, error) {
	return &types.MsgAcknowledgeComplaintResponse{}, s.Keeper.AcknowledgeComplaint(ctx, msg)
}

// ReportComplaint handles MsgReportComplaint.
func (s msgServer) ReportComplaint(ctx context.Context, msg *types.MsgReportComplaint) (*types.MsgReportComplaintResponse, error) {
	return &types.MsgReportComplaintResponse{}, s.Keeper.ReportComplaint(ctx, msg)
}

// NominateReviewer handles MsgNominateReviewer.
func (s msgServer) NominateReviewer(ctx context.Context, msg *types.MsgNominateReviewer) (*types.MsgNominateReviewerResponse, error) {
	return &types.MsgNominateReviewerResponse{}, s.Keeper.NominateReviewer(ctx, msg)
}

// AppointReviewTeam handles MsgAppointReviewTeam.
func (s msgServer) AppointReviewTeam(ctx context.Context, msg *types.MsgAppointReviewTeam) (*types.MsgAppointReviewTeamResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgAppointReviewTeamResponse{}, s.Keeper.AppointReviewTeam(ctx, msg.ReviewId, msg.Members)
}

// FileReviewReport handles MsgFileReviewReport.
func (s msgServer) FileReviewReport(ctx context.Context, msg *types.MsgFileReviewReport) (*types.MsgFileReviewReportResponse, error) {
	return &types.MsgFileReviewReportResponse{}, s.Keeper.FileReviewReport(ctx, msg)
}

// DecideRecommendation handles MsgDecideRecommendation.
func (s msgServer) DecideRecommendation(ctx context.Context, msg *types.MsgDecideRecommendation) (*types.MsgDecideRecommendationResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgDecideRecommendationResponse{}, s.Keeper.DecideRecommendation(ctx, msg.ReviewId, msg.Index, msg.Approve)
}

// RecordImplementation handles MsgRecordImplementation.
func (s msgServer) RecordImplementation(ctx context.Context, msg *types.MsgRecordImplementation) (*types.MsgRecordImplementationResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgRecordImplementationResponse{}, s.Keeper.RecordImplementation(ctx, msg.ReviewId, msg.Index, msg.Evidence)
}

// TakeEmergencyAction handles MsgTakeEmergencyAction.
func (s msgServer) TakeEmergencyAction(ctx context.Context, msg *types.MsgTakeEmergencyAction) (*types.MsgTakeEmergencyActionResponse, error) {
	id, err := s.Keeper.TakeEmergencyAction(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgTakeEmergencyActionResponse{EmergencyId: id}, nil
}

// RecordConsultation handles MsgRecordConsultation.
func (s msgServer) RecordConsultation(ctx context.Context, msg *types.MsgRecordConsultation) (*types.MsgRecordConsultationResponse, error) {
	return &types.MsgRecordConsultationResponse{}, s.Keeper.RecordConsultation(ctx, msg)
}

// AddMinutes handles MsgAddMinutes.
func (s msgServer) AddMinutes(ctx context.Context, msg *types.MsgAddMinutes) (*types.MsgAddMinutesResponse, error) {
	return &types.MsgAddMinutesResponse{}, s.Keeper.AddMinutes(ctx, msg)
}

// RatifyEmergency handles MsgRatifyEmergency.
func (s msgServer) RatifyEmergency(ctx context.Context, msg *types.MsgRatifyEmergency) (*types.MsgRatifyEmergencyResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	return &types.MsgRatifyEmergencyResponse{}, s.Keeper.RatifyEmergency(ctx, msg.EmergencyId)
}

// LiftEmergency handles MsgLiftEmergency.
func (s msgServer) LiftEmergency(ctx context.Context, msg *types.MsgLiftEmergency) (*types.MsgLiftEmergencyResponse, error) {
	return &types.MsgLiftEmergencyResponse{}, s.Keeper.LiftEmergency(ctx, msg)
}

// UpdateParams replaces the params (governance).
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := s.requireGovernance(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	if err := s.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, s.emit(ctx, &types.EventParamsUpdated{Authority: msg.Authority})
}
