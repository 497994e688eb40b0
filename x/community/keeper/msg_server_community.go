package keeper

import (
	"context"

	"github.com/polity-chain/polity/x/community/types"
)

// AdmitMember admits a member (the community's motion).
func (s msgServer) AdmitMember(ctx context.Context, msg *types.MsgAdmitMember) (*types.MsgAdmitMemberResponse, error) {
	return &types.MsgAdmitMemberResponse{}, s.Keeper.AdmitMember(ctx, msg)
}

// RemoveMember removes a member (the community's motion).
func (s msgServer) RemoveMember(ctx context.Context, msg *types.MsgRemoveMember) (*types.MsgRemoveMemberResponse, error) {
	return &types.MsgRemoveMemberResponse{}, s.Keeper.RemoveMember(ctx, msg)
}

// SetMemberRoles elects roles (the community's motion).
func (s msgServer) SetMemberRoles(ctx context.Context, msg *types.MsgSetMemberRoles) (*types.MsgSetMemberRolesResponse, error) {
	return &types.MsgSetMemberRolesResponse{}, s.Keeper.SetMemberRoles(ctx, msg)
}

// AppointDirector fills a seat (the appointing community's motion).
func (s msgServer) AppointDirector(ctx context.Context, msg *types.MsgAppointDirector) (*types.MsgAppointDirectorResponse, error) {
	return &types.MsgAppointDirectorResponse{}, s.Keeper.AppointDirector(ctx, msg)
}

// VacateSeat removes a director (appointing community or governance).
func (s msgServer) VacateSeat(ctx context.Context, msg *types.MsgVacateSeat) (*types.MsgVacateSeatResponse, error) {
	return &types.MsgVacateSeatResponse{}, s.Keeper.VacateSeat(ctx, msg)
}

// AdmitValidator adds a validator (the community's motion).
func (s msgServer) AdmitValidator(ctx context.Context, msg *types.MsgAdmitValidator) (*types.MsgAdmitValidatorResponse, error) {
	addr, err := s.Keeper.AdmitValidator(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgAdmitValidatorResponse{ConsensusAddress: addr}, nil
}

// RemoveValidator removes a validator (the community's motion).
func (s msgServer) RemoveValidator(ctx context.Context, msg *types.MsgRemoveValidator) (*types.MsgRemoveValidatorResponse, error) {
	return &types.MsgRemoveValidatorResponse{}, s.Keeper.RemoveValidator(ctx, msg)
}

// SetBoardChair elects the Board chair (a Board motion).
func (s msgServer) SetBoardChair(ctx context.Context, msg *types.MsgSetBoardChair) (*types.MsgSetBoardChairResponse, error) {
	if msg.Authority != s.auth.Board {
		return nil, types.ErrUnauthorized.Wrapf("only a motion of the Board (signer %s) elects its chair, got %s", s.auth.Board, msg.Authority)
	}
	return &types.MsgSetBoardChairResponse{}, s.Keeper.SetBoardChair(ctx, msg.Director)
}

// UpdateProfile changes the signer's profile.
func (s msgServer) UpdateProfile(ctx context.Context, msg *types.MsgUpdateProfile) (*types.MsgUpdateProfileResponse, error) {
	return &types.MsgUpdateProfileResponse{}, s.Keeper.UpdateProfile(ctx, msg)
}

// Resign leaves a community.
func (s msgServer) Resign(ctx context.Context, msg *types.MsgResign) (*types.MsgResignResponse, error) {
	return &types.MsgResignResponse{}, s.Keeper.Resign(ctx, msg)
}

// SubmitMotion opens a motion.
func (s msgServer) SubmitMotion(ctx context.Context, msg *types.MsgSubmitMotion) (*types.MsgSubmitMotionResponse, error) {
	id, err := s.Keeper.SubmitMotion(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgSubmitMotionResponse{MotionId: id}, nil
}

// Vote casts a vote.
func (s msgServer) Vote(ctx context.Context, msg *types.MsgVote) (*types.MsgVoteResponse, error) {
	status, err := s.Keeper.Vote(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgVoteResponse{Status: status}, nil
}

// WithdrawMotion withdraws a motion.
func (s msgServer) WithdrawMotion(ctx context.Context, msg *types.MsgWithdrawMotion) (*types.MsgWithdrawMotionResponse, error) {
	return &types.MsgWithdrawMotionResponse{}, s.Keeper.WithdrawMotion(ctx, msg)
}

// SetMemberVoting makes a member voting or non-voting (the community's motion).
func (s msgServer) SetMemberVoting(ctx context.Context, msg *types.MsgSetMemberVoting) (*types.MsgSetMemberVotingResponse, error) {
	return &types.MsgSetMemberVotingResponse{}, s.Keeper.SetMemberVoting(ctx, msg)
}

// AppointMember places a member into another community (the appointer's motion).
func (s msgServer) AppointMember(ctx context.Context, msg *types.MsgAppointMember) (*types.MsgAppointMemberResponse, error) {
	return &types.MsgAppointMemberResponse{}, s.Keeper.AppointMember(ctx, msg)
}

// RemoveAppointee removes an appointee (the appointer's motion, or the
// governance authority: a ratified proposal, by default a FUNDAMENTAL_BYLAW
// that the Empowered Community must approve).
func (s msgServer) RemoveAppointee(ctx context.Context, msg *types.MsgRemoveAppointee) (*types.MsgRemoveAppointeeResponse, error) {
	return &types.MsgRemoveAppointeeResponse{}, s.Keeper.RemoveAppointee(ctx, msg, msg.Authority == s.auth.Governance)
}
