package keeper

import (
	"context"

	"github.com/polity-chain/polity/x/proposals/types"
)

// msgServer is the thin transaction layer over the keeper's rules, each of
// which checks its signer first.
type msgServer struct {
	*Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the x/proposals Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer { return msgServer{Keeper: k} }

// SubmitProposal opens a proposal.
func (s msgServer) SubmitProposal(ctx context.Context, msg *types.MsgSubmitProposal) (*types.MsgSubmitProposalResponse, error) {
	id, err := s.Keeper.SubmitProposal(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgSubmitProposalResponse{ProposalId: id}, nil
}

// Comment posts a comment.
func (s msgServer) Comment(ctx context.Context, msg *types.MsgComment) (*types.MsgCommentResponse, error) {
	id, err := s.Keeper.Comment(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgCommentResponse{CommentId: id}, nil
}

// SubmitAdvice gives advice.
func (s msgServer) SubmitAdvice(ctx context.Context, msg *types.MsgSubmitAdvice) (*types.MsgSubmitAdviceResponse, error) {
	id, err := s.Keeper.SubmitAdvice(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgSubmitAdviceResponse{AdviceId: id}, nil
}

// BoardVote casts a director's vote.
func (s msgServer) BoardVote(ctx context.Context, msg *types.MsgBoardVote) (*types.MsgBoardVoteResponse, error) {
	status, err := s.Keeper.BoardVote(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgBoardVoteResponse{Status: status}, nil
}

// WithdrawProposal withdraws a proposal.
func (s msgServer) WithdrawProposal(ctx context.Context, msg *types.MsgWithdrawProposal) (*types.MsgWithdrawProposalResponse, error) {
	return &types.MsgWithdrawProposalResponse{}, s.Keeper.WithdrawProposal(ctx, msg)
}

// RespondToAdvice answers advice.
func (s msgServer) RespondToAdvice(ctx context.Context, msg *types.MsgRespondToAdvice) (*types.MsgRespondToAdviceResponse, error) {
	if msg.Authority != s.auth.Governance {
		return nil, types.ErrUnauthorized.Wrapf("advice is answered by a ratified Board resolution (signer %s), got %s", s.auth.Governance, msg.Authority)
	}
	return &types.MsgRespondToAdviceResponse{}, s.Keeper.RespondToAdvice(ctx, msg.AdviceId, msg.Response, msg.Rationale)
}

// VetoProposal vetoes a proposal.
func (s msgServer) VetoProposal(ctx context.Context, msg *types.MsgVetoProposal) (*types.MsgVetoProposalResponse, error) {
	if msg.Authority != s.auth.Empowered {
		return nil, types.ErrUnauthorized.Wrapf("only the Empowered Community (%s) vetoes, got %s", s.auth.Empowered, msg.Authority)
	}
	return &types.MsgVetoProposalResponse{}, s.Keeper.VetoProposal(ctx, msg.ProposalId, msg.Reason)
}

// ApproveProposal approves a proposal.
func (s msgServer) ApproveProposal(ctx context.Context, msg *types.MsgApproveProposal) (*types.MsgApproveProposalResponse, error) {
	if msg.Authority != s.auth.Empowered {
		return nil, types.ErrUnauthorized.Wrapf("only the Empowered Community (%s) approves, got %s", s.auth.Empowered, msg.Authority)
	}
	status, err := s.Keeper.ApproveProposal(ctx, msg.ProposalId)
	if err != nil {
		return nil, err
	}
	return &types.MsgApproveProposalResponse{Status: status}, nil
}

// StayProposal stays or resumes a proposal.
func (s msgServer) StayProposal(ctx context.Context, msg *types.MsgStayProposal) (*types.MsgStayProposalResponse, error) {
	if msg.Authority != s.auth.Review {
		return nil, types.ErrUnauthorized.Wrapf("only independent review (%s) holds proposals, got %s", s.auth.Review, msg.Authority)
	}
	status, err := s.Keeper.StayProposal(ctx, msg.Authority, msg.ProposalId, msg.Source, msg.Stay, msg.Reason)
	if err != nil {
		return nil, err
	}
	return &types.MsgStayProposalResponse{Status: status}, nil
}

// AnnulProposal returns a proposal to the Board.
func (s msgServer) AnnulProposal(ctx context.Context, msg *types.MsgAnnulProposal) (*types.MsgAnnulProposalResponse, error) {
	if msg.Authority != s.auth.Review {
		return nil, types.ErrUnauthorized.Wrapf("only independent review (%s) annuls proposals, got %s", s.auth.Review, msg.Authority)
	}
	return &types.MsgAnnulProposalResponse{}, s.Keeper.AnnulProposal(ctx, msg.ProposalId, msg.Reason, msg.IrpId)
}

// UpdateParams replaces the params (governance).
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if msg.Authority != s.auth.Governance {
		return nil, types.ErrUnauthorized.Wrapf("only the governance authority %s may do this, got %s", s.auth.Governance, msg.Authority)
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	if err := s.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, s.emit(ctx, &types.EventParamsUpdated{Authority: msg.Authority})
}
