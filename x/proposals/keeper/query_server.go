package keeper

import (
	"context"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/polity-chain/polity/internal/queryutil"
	"github.com/polity-chain/polity/x/proposals/types"
)

// queryServer is the read-only gRPC service.
type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServer returns the x/proposals Query service.
func NewQueryServer(k *Keeper) types.QueryServer { return queryServer{k: k} }

var errNilRequest = queryutil.ErrNilRequest

// grpcError maps a keeper error to its gRPC status (REST 404, 400 or 500).
var grpcError = queryutil.Statuses{
	NotFound: []error{types.ErrProposalNotFound, types.ErrAdviceNotFound, types.ErrUnknownCommunity},
	Invalid:  []error{types.ErrInvalidAddress},
}.Of

// Params returns the module parameters.
func (q queryServer) Params(ctx context.Context, req *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	p, err := q.k.GetParams(ctx)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// Proposals lists proposals through the most selective index given
// (originator, then status, then kind), checking the other filters.
func (q queryServer) Proposals(ctx context.Context, req *types.QueryProposalsRequest) (*types.QueryProposalsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	keep := func(p types.Proposal) bool {
		return (req.Status == types.StatusUnspecified || p.Status == req.Status) &&
			(req.Kind == types.KindUnspecified || p.Kind == req.Kind) &&
			(req.Originator == "" || p.Originator == req.Originator)
	}
	var (
		out  []types.Proposal
		resp *query.PageResponse
		err  error
	)
	switch {
	case req.Originator != "":
		out, resp, err = queryutil.ByIndex(ctx, q.k.Proposals.Indexes.Originator, req.Originator, req.Pagination, q.k.Proposals, keep)
	case req.Status != types.StatusUnspecified:
		out, resp, err = queryutil.ByIndex(ctx, q.k.Proposals.Indexes.Status, int32(req.Status), req.Pagination, q.k.Proposals, keep)
	case req.Kind != types.KindUnspecified:
		out, resp, err = queryutil.ByIndex(ctx, q.k.Proposals.Indexes.Kind, int32(req.Kind), req.Pagination, q.k.Proposals, keep)
	default:
		out, resp, err = queryutil.All(ctx, q.k.Proposals, req.Pagination, nil)
	}
	if err == nil {
		out, err = q.k.withBoardTallies(ctx, out)
	}
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryProposalsResponse{Proposals: out, Pagination: resp}, nil
}

// Proposal returns one proposal.
func (q queryServer) Proposal(ctx context.Context, req *types.QueryProposalRequest) (*types.QueryProposalResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	p, err := q.k.GetProposal(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryProposalResponse{Proposal: p}, nil
}

// ProposalVotes lists the Board's votes on a proposal.
func (q queryServer) ProposalVotes(ctx context.Context, req *types.QueryProposalVotesRequest) (*types.QueryProposalVotesResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if _, err := q.k.GetProposal(ctx, req.Id); err != nil {
		return nil, grpcError(err)
	}
	out, resp, err := queryutil.Under(ctx, q.k.Votes, req.Id, req.Pagination)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryProposalVotesResponse{Votes: out, Pagination: resp}, nil
}

// ProposalComments lists the comments on a proposal in posting order.
func (q queryServer) ProposalComments(ctx context.Context, req *types.QueryProposalCommentsRequest) (*types.QueryProposalCommentsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if _, err := q.k.GetProposal(ctx, req.Id); err != nil {
		return nil, grpcError(err)
	}
	out, resp, err := queryutil.Under(ctx, q.k.Comments, req.Id, req.Pagination)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryProposalCommentsResponse{Comments: out, Pagination: resp}, nil
}

// ProposalHolds lists the holds in force on a proposal, by source.
func (q queryServer) ProposalHolds(ctx context.Context, req *types.QueryProposalHoldsRequest) (*types.QueryProposalHoldsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if _, err := q.k.GetProposal(ctx, req.Id); err != nil {
		return nil, grpcError(err)
	}
	out, resp, err := queryutil.Under(ctx, q.k.Holds, req.Id, req.Pagination)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryProposalHoldsResponse{Holds: out, Pagination: resp}, nil
}

// ProposalReleasedHolds lists the holds released from a proposal, in
// release order.
func (q queryServer) ProposalReleasedHolds(ctx context.Context, req *types.QueryProposalReleasedHoldsRequest) (*types.QueryProposalReleasedHoldsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if _, err := q.k.GetProposal(ctx, req.Id); err != nil {
		return nil, grpcError(err)
	}
	out, resp, err := queryutil.Under(ctx, q.k.ReleasedHolds, req.Id, req.Pagination)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryProposalReleasedHoldsResponse{ReleasedHolds: out, Pagination: resp}, nil
}

// ProposalText returns the full text a proposal carried with its document.
func (q queryServer) ProposalText(ctx context.Context, req *types.QueryProposalTextRequest) (*types.QueryProposalTextResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	p, err := q.k.GetProposal(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	text, err := q.k.DocumentText(ctx, p.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryProposalTextResponse{ProposalId: p.Id, Document: p.Document, Text: text}, nil
}

// AdviceList lists advice through the most selective index given (proposal,
// then community, then status).
func (q queryServer) AdviceList(ctx context.Context, req *types.QueryAdviceListRequest) (*types.QueryAdviceListResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	keep := func(a types.Advice) bool {
		return (req.Status == types.AdviceUnspecified || a.Status == req.Status) &&
			(req.CommunityId == "" || a.CommunityId == req.CommunityId) &&
			(req.ProposalId == 0 || a.ProposalId == req.ProposalId)
	}
	var (
		out  []types.Advice
		resp *query.PageResponse
		err  error
	)
	switch {
	case req.ProposalId != 0:
		out, resp, err = queryutil.ByIndex(ctx, q.k.Advice.Indexes.Proposal, req.ProposalId, req.Pagination, q.k.Advice, keep)
	case req.CommunityId != "":
		out, resp, err = queryutil.ByIndex(ctx, q.k.Advice.Indexes.Community, req.CommunityId, req.Pagination, q.k.Advice, keep)
	case req.Status != types.AdviceUnspecified:
		out, resp, err = queryutil.ByIndex(ctx, q.k.Advice.Indexes.Status, int32(req.Status), req.Pagination, q.k.Advice, keep)
	default:
		out, resp, err = queryutil.All(ctx, q.k.Advice, req.Pagination, nil)
	}
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryAdviceListResponse{Advice: out, Pagination: resp}, nil
}

// Advice returns one piece of advice.
func (q queryServer) Advice(ctx context.Context, req *types.QueryAdviceRequest) (*types.QueryAdviceResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	a, err := q.k.GetAdvice(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryAdviceResponse{Advice: a}, nil
}

// documents returns a registered document's current version and a page of
// its history.
func (q queryServer) documents(ctx context.Context, kind types.DocumentKind, scope string, pageReq *query.PageRequest) (
	*types.DocumentVersion, []types.DocumentVersion, *query.PageResponse, error,
) {
	current, ok, err := q.k.CurrentVersion(ctx, kind, scope)
	if err != nil {
		return nil, nil, nil, grpcError(err)
	}
	history, resp, err := queryutil.Under(ctx, q.k.Documents, docKey(kind, scope), pageReq)
	if err != nil {
		return nil, nil, nil, grpcError(err)
	}
	if !ok {
		return nil, history, resp, nil
	}
	return &current, history, resp, nil
}

// Bylaws returns the bylaws in force and their history.
func (q queryServer) Bylaws(ctx context.Context, req *types.QueryBylawsRequest) (*types.QueryBylawsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	current, history, resp, err := q.documents(ctx, types.DocumentBylaws, "", req.Pagination)
	if err != nil {
		return nil, err
	}
	out := &types.QueryBylawsResponse{History: history, Pagination: resp}
	if current != nil {
		out.Current = *current
	}
	return out, nil
}

// Policies returns a supporting community's policy and its history.
func (q queryServer) Policies(ctx context.Context, req *types.QueryPoliciesRequest) (*types.QueryPoliciesResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if _, err := q.k.community.GetCommunity(ctx, req.CommunityId); err != nil {
		return nil, grpcError(types.ErrUnknownCommunity.Wrapf("%s: %v", req.CommunityId, err))
	}
	current, history, resp, err := q.documents(ctx, types.DocumentPolicy, req.CommunityId, req.Pagination)
	if err != nil {
		return nil, err
	}
	return &types.QueryPoliciesResponse{Current: current, History: history, Pagination: resp}, nil
}

// Budgets returns the budget in force and its history.
func (q queryServer) Budgets(ctx context.Context, req *types.QueryBudgetsRequest) (*types.QueryBudgetsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	current, history, resp, err := q.documents(ctx, types.DocumentBudget, "", req.Pagination)
	if err != nil {
		return nil, err
	}
	return &types.QueryBudgetsResponse{Current: current, History: history, Pagination: resp}, nil
}
