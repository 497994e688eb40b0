package keeper

import (
	"context"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/queryutil"
	"github.com/polity-chain/polity/x/community/types"
)

// Liveness lists the validators' signing records, optionally only those
// flagged down (a filter over one record per validator ever admitted).
func (q queryServer) Liveness(ctx context.Context, req *types.QueryLivenessRequest) (*types.QueryLivenessResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	var keep func(types.Liveness) bool
	if req.DownOnly {
		keep = func(l types.Liveness) bool { return l.Down }
	}
	out, resp, err := queryutil.All(ctx, q.k.Liveness, req.Pagination, keep)
	if err != nil {
		return nil, grpcError(err)
	}
	params, err := q.k.GetParams(ctx)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryLivenessResponse{Liveness: out, Window: params.LivenessWindow, MaxMissedBlocks: params.MaxMissedBlocks, Pagination: resp}, nil
}

// ValidatorLiveness returns one validator's signing record; a validator not
// yet seen in a commit has an empty one.
func (q queryServer) ValidatorLiveness(ctx context.Context, req *types.QueryValidatorLivenessRequest) (*types.QueryValidatorLivenessResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	consAddr, err := q.k.consCodec.StringToBytes(req.ConsensusAddress)
	if err != nil {
		return nil, grpcError(types.ErrInvalidAddress.Wrapf("consensus_address %q: %v", req.ConsensusAddress, err))
	}
	if _, err := q.k.GetValidator(ctx, consAddr); err != nil {
		return nil, grpcError(err)
	}
	l, err := q.k.Liveness.Get(ctx, consAddr)
	if err := collutil.NotFoundOK(err); err != nil {
		return nil, grpcError(err)
	}
	l.ConsensusAddress = req.ConsensusAddress
	params, err := q.k.GetParams(ctx)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryValidatorLivenessResponse{Liveness: l, Window: params.LivenessWindow, MaxMissedBlocks: params.MaxMissedBlocks}, nil
}

// Misbehaviours lists the evidence recorded against validators, optionally
// against one (the records under its address).
func (q queryServer) Misbehaviours(ctx context.Context, req *types.QueryMisbehavioursRequest) (*types.QueryMisbehavioursResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	var (
		out  []types.Misbehaviour
		resp *query.PageResponse
		err  error
	)
	if req.ConsensusAddress != "" {
		consAddr, perr := q.k.consCodec.StringToBytes(req.ConsensusAddress)
		if perr != nil {
			return nil, grpcError(types.ErrInvalidAddress.Wrapf("consensus_address %q: %v", req.ConsensusAddress, perr))
		}
		out, resp, err = queryutil.Under(ctx, q.k.Misbehaviours, consAddr, req.Pagination)
	} else {
		out, resp, err = queryutil.All(ctx, q.k.Misbehaviours, req.Pagination, nil)
	}
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryMisbehavioursResponse{Misbehaviours: out, Pagination: resp}, nil
}
