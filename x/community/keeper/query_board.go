package keeper

import (
	"context"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// Board returns the Board's body, every seat and its composition. Seats are
// bounded by the communities' allocations, so they are returned whole.
func (q queryServer) Board(ctx context.Context, req *types.QueryBoardRequest) (*types.QueryBoardResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	body, err := q.k.GetBody(ctx, types.BoardBodyID)
	if err != nil {
		return nil, grpcError(err)
	}
	stats, err := q.k.GetBodyStats(ctx, types.BoardBodyID)
	if err != nil {
		return nil, grpcError(err)
	}
	seats, err := collutil.Values(ctx, q.k.Seats.Iterate)
	if err != nil {
		return nil, grpcError(err)
	}
	chair, err := q.k.GetBoardChair(ctx)
	if err != nil {
		return nil, grpcError(err)
	}
	resp := &types.QueryBoardResponse{Body: body, Stats: stats, Seats: seats, Chair: chair}
	for _, s := range seats {
		if s.Retired {
			continue
		}
		vacant := uint32(0)
		if s.Holder == "" {
			vacant = 1
		}
		if s.Voting {
			resp.VotingSeats++
			resp.VacantVotingSeats += vacant
		} else {
			resp.LiaisonSeats++
			resp.VacantLiaisonSeats += vacant
		}
	}
	for _, r := range types.AllRegions() {
		n, err := q.k.regionCount(ctx, r)
		if err != nil {
			return nil, grpcError(err)
		}
		resp.Regions = append(resp.Regions, types.RegionCount{Region: r, VotingDirectors: n})
	}
	return resp, nil
}

// Seat returns one Board seat.
func (q queryServer) Seat(ctx context.Context, req *types.QuerySeatRequest) (*types.QuerySeatResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	seat, err := q.k.GetSeat(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QuerySeatResponse{Seat: seat}, nil
}
