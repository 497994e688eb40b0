package keeper

import (
	"context"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/polity-chain/polity/internal/queryutil"
	"github.com/polity-chain/polity/x/community/types"
)

// Validators lists validators, optionally of one community and/or status,
// with every community's share of the active power.
func (q queryServer) Validators(ctx context.Context, req *types.QueryValidatorsRequest) (*types.QueryValidatorsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	var keep func(types.Validator) bool
	if req.Status != types.ValidatorStatusUnspecified {
		keep = func(v types.Validator) bool { return v.Status == req.Status }
	}
	var (
		out  []types.Validator
		resp *query.PageResponse
		err  error
	)
	if req.CommunityId != "" {
		out, resp, err = queryutil.ByIndex(ctx, q.k.Validators.Indexes.Community, req.CommunityId, req.Pagination, q.k.Validators, keep)
	} else {
		out, resp, err = queryutil.All(ctx, q.k.Validators, req.Pagination, keep)
	}
	if err != nil {
		return nil, grpcError(err)
	}
	total, err := q.k.totalPower(ctx)
	if err != nil {
		return nil, grpcError(err)
	}
	params, err := q.k.GetParams(ctx)
	if err != nil {
		return nil, grpcError(err)
	}
	powers, err := q.k.communityPowers(ctx, total)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryValidatorsResponse{
		Validators: out, CommunityPowers: powers, TotalPower: total, Bootstrap: params.Bootstrap, Pagination: resp,
	}, nil
}

// communityPowers lists each community holding power with its share; at most
// max_communities entries.
func (k *Keeper) communityPowers(ctx context.Context, total int64) ([]types.CommunityPower, error) {
	iter, err := k.CommunityPower.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	kvs, err := iter.KeyValues()
	if err != nil {
		return nil, err
	}
	out := make([]types.CommunityPower, 0, len(kvs))
	for _, kv := range kvs {
		out = append(out, types.CommunityPower{CommunityId: kv.Key, Power: kv.Value, Share: types.PowerShareOf(kv.Value, total)})
	}
	return out, nil
}

// Validator returns one validator.
func (q queryServer) Validator(ctx context.Context, req *types.QueryValidatorRequest) (*types.QueryValidatorResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	consAddr, err := q.k.consCodec.StringToBytes(req.ConsensusAddress)
	if err != nil {
		return nil, grpcError(types.ErrInvalidAddress.Wrapf("consensus_address %q: %v", req.ConsensusAddress, err))
	}
	v, err := q.k.GetValidator(ctx, consAddr)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryValidatorResponse{Validator: v}, nil
}
