package keeper

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

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

// errNilRequest is the answer to a nil request.
var errNilRequest = status.Error(codes.InvalidArgument, "empty request")

// grpcError maps a keeper error to a gRPC status: registered "not found"
// errors become NotFound, bad input InvalidArgument, the rest Internal.
func grpcError(err error) error {
	switch {
	case err == nil:
		return nil
	case isAny(err, types.ErrCommunityNotFound, types.ErrBodyNotFound, types.ErrMemberNotFound, types.ErrSeatNotFound,
		types.ErrValidatorNotFound, types.ErrMotionNotFound, types.ErrNotMember):
		return status.Error(codes.NotFound, err.Error())
	case isAny(err, types.ErrInvalidAddress, types.ErrInvalidID):
		return status.Error(codes.InvalidArgument, err.Error())
	default:
		return status.Error(codes.Internal, err.Error())
	}
}

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
