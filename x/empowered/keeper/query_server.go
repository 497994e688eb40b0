package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/polity-chain/polity/internal/queryutil"
	"github.com/polity-chain/polity/x/empowered/types"
)

type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServer returns the x/empowered Query service.
func NewQueryServer(k *Keeper) types.QueryServer { return queryServer{k: k} }

var errNilRequest = queryutil.ErrNilRequest

// grpcError maps a keeper error to its gRPC status (REST 404 or 500).
var grpcError = queryutil.Statuses{NotFound: []error{types.ErrNotFound}}.Of

// Params returns the module parameters.
func (q queryServer) Params(ctx context.Context, req *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	p, err := q.k.GetParams(ctx)
	return &types.QueryParamsResponse{Params: p}, grpcError(err)
}

// Participants lists the decisional participants.
func (q queryServer) Participants(ctx context.Context, req *types.QueryParticipantsRequest) (*types.QueryParticipantsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	ps, err := q.k.community.DecisionalParticipants(ctx)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryParticipantsResponse{Participants: ps}, nil
}

// actions pages through actions (by stage when given), keeping those that pass.
func (q queryServer) actions(ctx context.Context, stage types.Stage, pageReq *query.PageRequest, keep func(types.Action) bool) ([]types.Action, *query.PageResponse, error) {
	if stage == types.StageUnspecified {
		return queryutil.All(ctx, q.k.Actions, pageReq, keep)
	}
	return queryutil.ByIndex(ctx, q.k.Actions.Indexes.Stage, int32(stage), pageReq, q.k.Actions, keep)
}

// Petitions lists petitioned actions by power, stage or participant.
func (q queryServer) Petitions(ctx context.Context, req *types.QueryPetitionsRequest) (*types.QueryPetitionsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	out, resp, err := q.actions(ctx, req.Stage, req.Pagination, func(a types.Action) bool {
		return !types.IsApproval(a.Power) && (req.Power == types.PowerUnspecified || a.Power == req.Power) &&
			(req.Participant == "" || a.Petitioner == req.Participant || a.Supporter == req.Participant)
	})
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryPetitionsResponse{Petitions: out, Pagination: resp}, nil
}

// Petition returns one action.
func (q queryServer) Petition(ctx context.Context, req *types.QueryPetitionRequest) (*types.QueryPetitionResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	a, err := q.k.GetAction(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryPetitionResponse{Petition: a}, nil
}

// Statements lists an action's forum statements.
func (q queryServer) Statements(ctx context.Context, req *types.QueryStatementsRequest) (*types.QueryStatementsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if _, err := q.k.GetAction(ctx, req.Id); err != nil {
		return nil, grpcError(err)
	}
	out, resp, err := queryutil.Under(ctx, q.k.Statements, req.Id, req.Pagination)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryStatementsResponse{Statements: out, Pagination: resp}, nil
}

// Decisions lists an action's decisions (at most one per participant).
func (q queryServer) Decisions(ctx context.Context, req *types.QueryDecisionsRequest) (*types.QueryDecisionsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if _, err := q.k.GetAction(ctx, req.Id); err != nil {
		return nil, grpcError(err)
	}
	iter, err := q.k.Decisions.Iterate(ctx, collections.NewPrefixedPairRange[uint64, string](req.Id))
	if err != nil {
		return nil, grpcError(err)
	}
	out, err := iter.Values()
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryDecisionsResponse{Decisions: out}, nil
}

// Approvals lists approval actions, optionally by stage.
func (q queryServer) Approvals(ctx context.Context, req *types.QueryApprovalsRequest) (*types.QueryApprovalsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	out, resp, err := q.actions(ctx, req.Stage, req.Pagination, func(a types.Action) bool { return types.IsApproval(a.Power) })
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryApprovalsResponse{Approvals: out, Pagination: resp}, nil
}

// Inspections lists inspection requests.
func (q queryServer) Inspections(ctx context.Context, req *types.QueryInspectionsRequest) (*types.QueryInspectionsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	out, resp, err := queryutil.All(ctx, q.k.Inspections, req.Pagination, nil)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryInspectionsResponse{Inspections: out, Pagination: resp}, nil
}
