package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/queryutil"
	"github.com/polity-chain/polity/x/review/types"
)

type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServer returns the x/review Query service.
func NewQueryServer(k *Keeper) types.QueryServer { return queryServer{k: k} }

var errNilRequest = queryutil.ErrNilRequest

// grpcError maps a keeper error to its gRPC status (REST 404, 400 or 500).
var grpcError = queryutil.Statuses{
	NotFound: []error{types.ErrNotFound},
	Invalid:  []error{types.ErrInvalidAddress},
}.Of

// byStatus pages through records of one status through the status index, or
// through all records when status is zero; keep (nil keeps all) checks the
// other filters.
func byStatus[V any, I collections.Indexes[uint64, V]](ctx context.Context, m *collections.IndexedMap[uint64, V, I],
	byStatusIndex *collutil.Multi[int32, uint64, V], status int32, pageReq *query.PageRequest, keep func(V) bool,
) ([]V, *query.PageResponse, error) {
	if status == 0 {
		return queryutil.All(ctx, m, pageReq, keep)
	}
	return queryutil.ByIndex(ctx, byStatusIndex, status, pageReq, m, keep)
}

// Params returns the module parameters.
func (q queryServer) Params(ctx context.Context, req *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	p, err := q.k.GetParams(ctx)
	return &types.QueryParamsResponse{Params: p}, grpcError(err)
}

// IRPs lists cases by status or claimant.
func (q queryServer) IRPs(ctx context.Context, req *types.QueryIRPsRequest) (*types.QueryIRPsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	keep := func(c types.IRP) bool {
		return (req.Status == types.IRPUnspecified || c.Status == req.Status) && (req.Claimant == "" || c.Claimant == req.Claimant)
	}
	var (
		out  []types.IRP
		resp *query.PageResponse
		err  error
	)
	switch {
	case req.Claimant != "":
		out, resp, err = queryutil.ByIndex(ctx, q.k.IRPs.Indexes.Claimant, req.Claimant, req.Pagination, q.k.IRPs, keep)
	case req.Status != types.IRPUnspecified:
		out, resp, err = queryutil.ByIndex(ctx, q.k.IRPs.Indexes.Status, int32(req.Status), req.Pagination, q.k.IRPs, nil)
	default:
		out, resp, err = queryutil.All(ctx, q.k.IRPs, req.Pagination, nil)
	}
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryIRPsResponse{Irps: out, Pagination: resp}, nil
}

// IRP returns a case with its panel's declarations.
func (q queryServer) IRP(ctx context.Context, req *types.QueryIRPRequest) (*types.QueryIRPResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	c, err := q.k.GetIRP(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	resp := &types.QueryIRPResponse{Irp: c}
	for _, p := range c.Panel {
		addr, err := q.k.parseAddr("panelist", p)
		if err != nil {
			return nil, grpcError(err)
		}
		d, err := q.k.Declarations.Get(ctx, collections.Join(c.Id, addr))
		if err == nil {
			resp.Declarations = append(resp.Declarations, d)
		} else if err := collutil.NotFoundOK(err); err != nil {
			return nil, grpcError(err)
		}
	}
	return resp, nil
}

// Panelists lists the standing panel.
func (q queryServer) Panelists(ctx context.Context, req *types.QueryPanelistsRequest) (*types.QueryPanelistsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	var keep func(types.Panelist) bool
	if req.ActiveOnly {
		keep = func(p types.Panelist) bool { return p.Active }
	}
	out, resp, err := queryutil.All(ctx, q.k.Panelists, req.Pagination, keep)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryPanelistsResponse{Panelists: out, Pagination: resp}, nil
}

// Parties lists registered external parties.
func (q queryServer) Parties(ctx context.Context, req *types.QueryPartiesRequest) (*types.QueryPartiesResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	out, resp, err := queryutil.All(ctx, q.k.Parties, req.Pagination, nil)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryPartiesResponse{Parties: out, Pagination: resp}, nil
}

// Reconsiderations lists requests, optionally by status.
func (q queryServer) Reconsiderations(ctx context.Context, req *types.QueryReconsiderationsRequest) (*types.QueryReconsiderationsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	out, resp, err := byStatus(ctx, q.k.Reconsiderations, q.k.Reconsiderations.Indexes.Status, int32(req.Status), req.Pagination, nil)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryReconsiderationsResponse{Reconsiderations: out, Pagination: resp}, nil
}

// Reconsideration returns one request.
func (q queryServer) Reconsideration(ctx context.Context, req *types.QueryReconsiderationRequest) (*types.QueryReconsiderationResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	r, err := get(ctx, q.k.Reconsiderations, req.Id, "reconsideration")
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryReconsiderationResponse{Reconsideration: r}, nil
}

// Ombudsman returns the ombudsman.
func (q queryServer) Ombudsman(ctx context.Context, req *types.QueryOmbudsmanRequest) (*types.QueryOmbudsmanResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	o, err := q.k.Ombudsman.Get(ctx)
	if err != nil {
		if err := collutil.NotFoundOK(err); err != nil {
			return nil, grpcError(err)
		}
		return &types.QueryOmbudsmanResponse{}, nil
	}
	return &types.QueryOmbudsmanResponse{Ombudsman: &o}, nil
}

// Complaints lists complaints, optionally by status.
func (q queryServer) Complaints(ctx context.Context, req *types.QueryComplaintsRequest) (*types.QueryComplaintsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	out, resp, err := byStatus(ctx, q.k.Complaints, q.k.Complaints.Indexes.Status, int32(req.Status), req.Pagination, nil)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryComplaintsResponse{Complaints: out, Pagination: resp}, nil
}

// Complaint returns one complaint.
func (q queryServer) Complaint(ctx context.Context, req *types.QueryComplaintRequest) (*types.QueryComplaintResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	c, err := get(ctx, q.k.Complaints, req.Id, "complaint")
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryComplaintResponse{Complaint: c}, nil
}

// Reviews lists reviews by status, type or overdue.
func (q queryServer) Reviews(ctx context.Context, req *types.QueryReviewsRequest) (*types.QueryReviewsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	keep := func(r types.Review) bool {
		return (req.Type == types.ReviewTypeUnspecified || r.Type == req.Type) && (!req.OverdueOnly || r.Overdue)
	}
	out, resp, err := byStatus(ctx, q.k.Reviews, q.k.Reviews.Indexes.Status, int32(req.Status), req.Pagination, keep)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryReviewsResponse{Reviews: out, Pagination: resp}, nil
}

// Review returns one review.
func (q queryServer) Review(ctx context.Context, req *types.QueryReviewRequest) (*types.QueryReviewResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	r, err := q.k.GetReview(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryReviewResponse{Review: r}, nil
}

// Recommendations lists a review's recommendations.
func (q queryServer) Recommendations(ctx context.Context, req *types.QueryRecommendationsRequest) (*types.QueryRecommendationsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if _, err := q.k.GetReview(ctx, req.Id); err != nil {
		return nil, grpcError(err)
	}
	out, resp, err := queryutil.Under(ctx, q.k.Recommendations, req.Id, req.Pagination)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryRecommendationsResponse{Recommendations: out, Pagination: resp}, nil
}

// Emergencies lists emergency actions, optionally by status.
func (q queryServer) Emergencies(ctx context.Context, req *types.QueryEmergenciesRequest) (*types.QueryEmergenciesResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	out, resp, err := byStatus(ctx, q.k.Emergencies, q.k.Emergencies.Indexes.Status, int32(req.Status), req.Pagination, nil)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryEmergenciesResponse{Emergencies: out, Pagination: resp}, nil
}

// Emergency returns one emergency action.
func (q queryServer) Emergency(ctx context.Context, req *types.QueryEmergencyRequest) (*types.QueryEmergencyResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	e, err := q.k.GetEmergency(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryEmergencyResponse{Emergency: e}, nil
}

// PausedMessages lists the message types paused by emergency actions in force.
func (q queryServer) PausedMessages(ctx context.Context, req *types.QueryPausedMessagesRequest) (*types.QueryPausedMessagesResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	iter, err := q.k.Paused.Iterate(ctx, nil)
	if err != nil {
		return nil, grpcError(err)
	}
	keys, err := iter.Keys()
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryPausedMessagesResponse{TypeUrls: keys}, nil
}

// CommunityReviews lists when each community's next organisational review
// opens (per-community cycles), soonest first.
func (q queryServer) CommunityReviews(ctx context.Context, req *types.QueryCommunityReviewsRequest) (*types.QueryCommunityReviewsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	out, resp, err := query.CollectionPaginate(ctx, q.k.CommunityReviewQueue, queryutil.Page(req.Pagination),
		func(key collections.Pair[int64, string], _ collections.NoValue) (types.CommunityReview, error) {
			return types.CommunityReview{CommunityId: key.K2(), Due: time.Unix(key.K1(), 0).UTC()}, nil
		})
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryCommunityReviewsResponse{CommunityReviews: out, Pagination: resp}, nil
}
