package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/queryutil"
	"github.com/polity-chain/polity/x/community/types"
)

// Communities lists communities, filtered by kind and/or parent through the
// indexes (with both filters, the parent index is walked and kind checked).
func (q queryServer) Communities(ctx context.Context, req *types.QueryCommunitiesRequest) (*types.QueryCommunitiesResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	var (
		out  []types.Community
		resp *query.PageResponse
		err  error
	)
	switch {
	case req.ParentId != "":
		var keep func(types.Community) bool
		if req.Kind != types.KindUnspecified {
			keep = func(c types.Community) bool { return c.Kind == req.Kind }
		}
		out, resp, err = queryutil.ByIndex(ctx, q.k.Communities.Indexes.Parent, req.ParentId, req.Pagination, q.k.Communities, keep)
	case req.Kind != types.KindUnspecified:
		out, resp, err = queryutil.ByIndex(ctx, q.k.Communities.Indexes.Kind, int32(req.Kind), req.Pagination, q.k.Communities, nil)
	default:
		out, resp, err = queryutil.All(ctx, q.k.Communities, req.Pagination, nil)
	}
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryCommunitiesResponse{Communities: out, Pagination: resp}, nil
}

// Community returns one community with its body and electorate size.
func (q queryServer) Community(ctx context.Context, req *types.QueryCommunityRequest) (*types.QueryCommunityResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	c, err := q.k.GetCommunity(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	body, err := q.k.GetBody(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	stats, err := q.k.GetBodyStats(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryCommunityResponse{Community: c, Body: body, Stats: stats}, nil
}

// CommunityMembers lists a community's memberships, optionally those holding
// one role: the role filter walks the RoleHolders index under (community,
// role), so a page costs its own size whatever the community's.
func (q queryServer) CommunityMembers(ctx context.Context, req *types.QueryCommunityMembersRequest) (*types.QueryCommunityMembersResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	if _, err := q.k.GetCommunity(ctx, req.Id); err != nil {
		return nil, grpcError(err)
	}
	var (
		out  []types.Membership
		resp *query.PageResponse
		err  error
	)
	if req.Role == types.RoleUnspecified {
		out, resp, err = queryutil.Under(ctx, q.k.Memberships, req.Id, req.Pagination)
	} else {
		out, resp, err = query.CollectionPaginate(ctx, q.k.RoleHolders, queryutil.Page(req.Pagination),
			func(key collections.Triple[string, int32, sdk.AccAddress], _ collections.NoValue) (types.Membership, error) {
				return q.k.Memberships.Get(ctx, collections.Join(key.K1(), key.K3()))
			},
			withTriplePrefix[string, int32, sdk.AccAddress](req.Id, int32(req.Role)))
	}
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryCommunityMembersResponse{Memberships: out, Pagination: resp}, nil
}

// withTriplePrefix restricts a pagination over a Triple-keyed collection to
// the keys starting with (k1, k2). (The SDK offers only the Pair prefix.)
func withTriplePrefix[K1, K2, K3 any](k1 K1, k2 K2) func(o *query.CollectionsPaginateOptions[collections.Triple[K1, K2, K3]]) {
	return func(o *query.CollectionsPaginateOptions[collections.Triple[K1, K2, K3]]) {
		prefix := collections.TripleSuperPrefix[K1, K2, K3](k1, k2)
		o.Prefix = &prefix
	}
}

// Members lists members, optionally of one region and/or stakeholder type.
func (q queryServer) Members(ctx context.Context, req *types.QueryMembersRequest) (*types.QueryMembersResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	var (
		out  []types.Member
		resp *query.PageResponse
		err  error
	)
	switch {
	case req.Region != types.RegionUnspecified:
		var keep func(types.Member) bool
		if req.StakeholderType != types.StakeholderUnspecified {
			keep = func(m types.Member) bool { return m.StakeholderType == req.StakeholderType }
		}
		out, resp, err = queryutil.ByIndex(ctx, q.k.Members.Indexes.Region, int32(req.Region), req.Pagination, q.k.Members, keep)
	case req.StakeholderType != types.StakeholderUnspecified:
		out, resp, err = queryutil.ByIndex(ctx, q.k.Members.Indexes.Stakeholder, int32(req.StakeholderType), req.Pagination, q.k.Members, nil)
	default:
		out, resp, err = queryutil.All(ctx, q.k.Members, req.Pagination, nil)
	}
	if err != nil {
		return nil, grpcError(err)
	}
	return &types.QueryMembersResponse{Members: out, Pagination: resp}, nil
}

// Member returns a member with every place they hold. A member belongs to at
// most max_communities communities and operates few validators, so the lists
// are bounded.
func (q queryServer) Member(ctx context.Context, req *types.QueryMemberRequest) (*types.QueryMemberResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	addr, err := q.k.parseAddr("address", req.Address)
	if err != nil {
		return nil, grpcError(err)
	}
	m, err := q.k.Members.Get(ctx, addr)
	if err != nil {
		return nil, grpcError(notFound(err, types.ErrMemberNotFound, "%s", req.Address))
	}
	resp := &types.QueryMemberResponse{Member: m}
	if resp.Memberships, err = q.k.MembershipsOf(ctx, addr); err != nil {
		return nil, grpcError(err)
	}
	if seatID, err := q.k.SeatHolders.Get(ctx, addr); err == nil {
		seat, err := q.k.GetSeat(ctx, seatID)
		if err != nil {
			return nil, grpcError(err)
		}
		resp.Seat = &seat
	} else if err := collutil.NotFoundOK(err); err != nil {
		return nil, grpcError(err)
	}
	if record, err := q.k.Directors.Get(ctx, addr); err == nil {
		resp.DirectorRecord = &record
	} else if err := collutil.NotFoundOK(err); err != nil {
		return nil, grpcError(err)
	}
	iter, err := q.k.Validators.Indexes.Operator.MatchExact(ctx, addr)
	if err != nil {
		return nil, grpcError(err)
	}
	keys, err := iter.PrimaryKeys()
	if err != nil {
		return nil, grpcError(err)
	}
	for _, key := range keys {
		v, err := q.k.Validators.Get(ctx, key)
		if err != nil {
			return nil, grpcError(err)
		}
		resp.Validators = append(resp.Validators, v)
	}
	return resp, nil
}

// MembershipsOf lists an account's memberships through the reverse index;
// an account belongs to at most max_communities communities.
func (k *Keeper) MembershipsOf(ctx context.Context, addr sdk.AccAddress) ([]types.Membership, error) {
	iter, err := k.Memberships.Indexes.Address.MatchExact(ctx, addr)
	if err != nil {
		return nil, err
	}
	keys, err := iter.PrimaryKeys()
	if err != nil {
		return nil, err
	}
	out := make([]types.Membership, 0, len(keys))
	for _, key := range keys {
		ms, err := k.Memberships.Get(ctx, key)
		if err != nil {
			return nil, err
		}
		out = append(out, ms)
	}
	return out, nil
}

// Appointments lists what a community may appoint into others and the
// members it has in office under each allowance (at most MaxAppointments
// allowances of MaxAppointmentSeats seats of each kind, so no page).
func (q queryServer) Appointments(ctx context.Context, req *types.QueryAppointmentsRequest) (*types.QueryAppointmentsResponse, error) {
	if req == nil {
		return nil, errNilRequest
	}
	c, err := q.k.GetCommunity(ctx, req.Id)
	if err != nil {
		return nil, grpcError(err)
	}
	out := make([]types.AppointmentStatus, 0, len(c.Appointments))
	for _, a := range c.Appointments {
		voting, nonVoting, err := q.k.appointees(ctx, c.Id, a.IntoCommunityId)
		if err != nil {
			return nil, grpcError(err)
		}
		out = append(out, types.AppointmentStatus{Appointment: a, VotingAppointees: voting, NonVotingAppointees: nonVoting})
	}
	return &types.QueryAppointmentsResponse{Appointments: out}, nil
}
