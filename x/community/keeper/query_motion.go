package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/polity-chain/polity/internal/queryutil"
	"github.com/polity-chain/polity/x/community/types"
)

// Bodies lists bodies, optionally of one kind.
func (q queryServer) Bodies(ctx context.Context, req *types.QueryBodiesRequest) (*types.QueryBodiesResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	var (
		out  []types.Body
		resp *query.PageResponse
		err  error
	)
	if req.Kind != types.BodyKindUnspecified {
		out, resp, err = queryutil.ByIndex(ctx, q.k.Bodies.Indexes.Kind, int32(req.Kind), req.Pagination, q.k.Bodies, nil)
	} else {
		out, resp, err = queryutil.All(ctx, q.k.Bodies, req.Pagination, nil)
	}
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryBodiesResponse{Bodies: out, Pagination: resp}, nil
}

// Body returns one body with its electorate size.
func (q queryServer) Body(ctx context.Context, req *types.QueryBodyRequest) (*types.QueryBodyResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	b, err := q.k.GetBody(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	stats, err := q.k.GetBodyStats(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryBodyResponse{Body: b, Stats: stats}, nil
}

// BodyMotions lists a body's motions through the body or body-and-status index.
func (q queryServer) BodyMotions(ctx context.Context, req *types.QueryBodyMotionsRequest) (*types.QueryBodyMotionsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if _, err := q.k.GetBody(ctx, req.Id); err != nil {
		return nil, grpcError(err)
	}
	var (
		out  []types.Motion
		resp *query.PageResponse
		err  error
	)
	if req.Status != types.MotionStatusUnspecified {
		out, resp, err = queryutil.ByIndex(ctx, q.k.Motions.Indexes.BodyStatus, collections.Join(req.Id, int32(req.Status)), req.Pagination, q.k.Motions, nil)
	} else {
		out, resp, err = queryutil.ByIndex(ctx, q.k.Motions.Indexes.Body, req.Id, req.Pagination, q.k.Motions, nil)
	}
	if err == nil {
		out, err = q.k.withTallies(ctx, out)
	}
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryBodyMotionsResponse{Motions: out, Pagination: resp}, nil
}

// Motions lists all motions, optionally in one status.
func (q queryServer) Motions(ctx context.Context, req *types.QueryMotionsRequest) (*types.QueryMotionsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	var (
		out  []types.Motion
		resp *query.PageResponse
		err  error
	)
	if req.Status != types.MotionStatusUnspecified {
		out, resp, err = queryutil.ByIndex(ctx, q.k.Motions.Indexes.Status, int32(req.Status), req.Pagination, q.k.Motions, nil)
	} else {
		out, resp, err = queryutil.All(ctx, q.k.Motions, req.Pagination, nil)
	}
	if err == nil {
		out, err = q.k.withTallies(ctx, out)
	}
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryMotionsResponse{Motions: out, Pagination: resp}, nil
}

// Motion returns one motion.
func (q queryServer) Motion(ctx context.Context, req *types.QueryMotionRequest) (*types.QueryMotionResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	m, err := q.k.GetMotion(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryMotionResponse{Motion: m}, nil
}

// MotionVotes lists a motion's votes in voter order.
func (q queryServer) MotionVotes(ctx context.Context, req *types.QueryMotionVotesRequest) (*types.QueryMotionVotesResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if _, err := q.k.GetMotion(ctx, req.Id); err != nil {
		return nil, grpcError(err)
	}
	out, resp, err := queryutil.Under(ctx, q.k.Votes, req.Id, req.Pagination)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryMotionVotesResponse{Votes: out, Pagination: resp}, nil
}

// MotionVote returns one voter's vote.
func (q queryServer) MotionVote(ctx context.Context, req *types.QueryMotionVoteRequest) (*types.QueryMotionVoteResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	addr, err := q.k.parseAddr("voter", req.Voter)
	if err != nil {
		return nil, grpcError(err)
	}
	v, err := q.k.Votes.Get(ctx, collections.Join(req.Id, addr))
	if err != nil {
		return nil, grpcError(notFound(err, types.ErrNotMember, "%s has not voted on motion %d", req.Voter, req.Id))
	}
	return &types.QueryMotionVoteResponse{Vote: v}, nil
}
