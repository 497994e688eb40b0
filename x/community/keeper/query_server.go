package keeper

import (
	"context"

	"github.com/polity-chain/polity/internal/queryutil"
	"github.com/polity-chain/polity/x/community/types"
)

// queryServer is the read-only gRPC service.
type queryServer struct {
	k *Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServer returns the x/community Query service.
func NewQueryServer(k *Keeper) types.QueryServer {
	return queryServer{k: k}
}

var errNilRequest = queryutil.ErrNilRequest

// grpcError maps a keeper error to its gRPC status (REST 404, 400 or 500).
var grpcError = queryutil.Statuses{
	NotFound: []error{types.ErrCommunityNotFound, types.ErrBodyNotFound, types.ErrMemberNotFound, types.ErrSeatNotFound,
		types.ErrValidatorNotFound, types.ErrMotionNotFound, types.ErrNotMember},
	Invalid: []error{types.ErrInvalidAddress, types.ErrInvalidID},
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
