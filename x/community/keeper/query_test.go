package keeper_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// requireCode checks a gRPC status code.
func requireCode(t *testing.T, err error, code codes.Code) {
	t.Helper()
	require.Error(t, err)
	require.Equal(t, code, status.Code(err), "error %v", err)
}

// TestQueryNilRequests checks that every query answers a nil request with
// InvalidArgument.
func TestQueryNilRequests(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	q, ctx := f.QueryServer, f.Ctx
	calls := []struct {
		name string
		call func() error
	}{
		{"Params", func() error { _, err := q.Params(ctx, nil); return err }},
		{"Communities", func() error { _, err := q.Communities(ctx, nil); return err }},
		{"Community", func() error { _, err := q.Community(ctx, nil); return err }},
		{"CommunityMembers", func() error { _, err := q.CommunityMembers(ctx, nil); return err }},
		{"Members", func() error { _, err := q.Members(ctx, nil); return err }},
		{"Member", func() error { _, err := q.Member(ctx, nil); return err }},
		{"Board", func() error { _, err := q.Board(ctx, nil); return err }},
		{"Seat", func() error { _, err := q.Seat(ctx, nil); return err }},
		{"Validators", func() error { _, err := q.Validators(ctx, nil); return err }},
		{"Validator", func() error { _, err := q.Validator(ctx, nil); return err }},
		{"Bodies", func() error { _, err := q.Bodies(ctx, nil); return err }},
		{"Body", func() error { _, err := q.Body(ctx, nil); return err }},
		{"BodyMotions", func() error { _, err := q.BodyMotions(ctx, nil); return err }},
		{"Motions", func() error { _, err := q.Motions(ctx, nil); return err }},
		{"Motion", func() error { _, err := q.Motion(ctx, nil); return err }},
		{"MotionVotes", func() error { _, err := q.MotionVotes(ctx, nil); return err }},
		{"MotionVote", func() error { _, err := q.MotionVote(ctx, nil); return err }},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) { requireCode(t, c.call(), codes.InvalidArgument) })
	}
}

// TestQueryMissingAndMalformed checks NotFound for missing records and
// InvalidArgument for malformed keys.
func TestQueryMissingAndMalformed(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	id := f.MustSubmitMotion(addr("dev-chair"), "dev")
	q, ctx := f.QueryServer, f.Ctx
	tests := []struct {
		name string
		call func() error
		code codes.Code
	}{
		{"community", func() error { _, err := q.Community(ctx, &types.QueryCommunityRequest{Id: "nowhere"}); return err }, codes.NotFound},
		{"community members", func() error {
			_, err := q.CommunityMembers(ctx, &types.QueryCommunityMembersRequest{Id: "nowhere"})
			return err
		}, codes.NotFound},
		{"member", func() error {
			_, err := q.Member(ctx, &types.QueryMemberRequest{Address: addr("nobody").String()})
			return err
		}, codes.NotFound},
		{"member bad address", func() error { _, err := q.Member(ctx, &types.QueryMemberRequest{Address: "nope"}); return err }, codes.InvalidArgument},
		{"seat", func() error { _, err := q.Seat(ctx, &types.QuerySeatRequest{Id: 99}); return err }, codes.NotFound},
		{"validator", func() error {
			_, err := q.Validator(ctx, &types.QueryValidatorRequest{ConsensusAddress: keepertest.ConsAddr("nobody")})
			return err
		}, codes.NotFound},
		{"validator bad address", func() error {
			_, err := q.Validator(ctx, &types.QueryValidatorRequest{ConsensusAddress: addr("x").String()})
			return err
		}, codes.InvalidArgument},
		{"body", func() error { _, err := q.Body(ctx, &types.QueryBodyRequest{Id: "nowhere"}); return err }, codes.NotFound},
		{"body motions", func() error { _, err := q.BodyMotions(ctx, &types.QueryBodyMotionsRequest{Id: "nowhere"}); return err }, codes.NotFound},
		{"motion", func() error { _, err := q.Motion(ctx, &types.QueryMotionRequest{Id: 99}); return err }, codes.NotFound},
		{"motion votes", func() error { _, err := q.MotionVotes(ctx, &types.QueryMotionVotesRequest{Id: 99}); return err }, codes.NotFound},
		{"motion vote not cast", func() error {
			_, err := q.MotionVote(ctx, &types.QueryMotionVoteRequest{Id: id, Voter: addr("dev-chair").String()})
			return err
		}, codes.NotFound},
		{"motion vote bad voter", func() error {
			_, err := q.MotionVote(ctx, &types.QueryMotionVoteRequest{Id: id, Voter: "x"})
			return err
		}, codes.InvalidArgument},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { requireCode(t, tc.call(), tc.code) })
	}
}

// TestQueryPagination checks limit, next key, offset, reverse and the page
// size cap of 200.
func TestQueryPagination(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	q, ctx := f.QueryServer, f.Ctx

	first, err := q.Communities(ctx, &types.QueryCommunitiesRequest{Pagination: &query.PageRequest{Limit: 4, CountTotal: true}})
	require.NoError(t, err)
	require.Equal(t, []string{"dev", "fin", "gov", "nomcom"}, communityIDs(first.Communities))
	require.Equal(t, uint64(9), first.Pagination.Total)
	require.NotNil(t, first.Pagination.NextKey)
	second, err := q.Communities(ctx, &types.QueryCommunitiesRequest{Pagination: &query.PageRequest{Key: first.Pagination.NextKey, Limit: 4}})
	require.NoError(t, err)
	require.Equal(t, []string{"ops", "secretariat", "security", "standards"}, communityIDs(second.Communities))
	offset, err := q.Communities(ctx, &types.QueryCommunitiesRequest{Pagination: &query.PageRequest{Offset: 8, Limit: 4}})
	require.NoError(t, err)
	require.Equal(t, []string{"users"}, communityIDs(offset.Communities))
	require.Nil(t, offset.Pagination.NextKey)
	reverse, err := q.Communities(ctx, &types.QueryCommunitiesRequest{Pagination: &query.PageRequest{Limit: 2, Reverse: true}})
	require.NoError(t, err)
	require.Equal(t, []string{"users", "standards"}, communityIDs(reverse.Communities))

	// 250 members more than fill one capped page.
	for i := range 250 {
		who := addr(fmt.Sprintf("bulk-%d", i))
		require.NoError(t, f.Keeper.Members.Set(ctx, who, types.Member{Address: who.String(), Region: types.RegionAfrica}))
	}
	page, err := q.Members(ctx, &types.QueryMembersRequest{Pagination: &query.PageRequest{Limit: 1000}})
	require.NoError(t, err)
	require.Len(t, page.Members, 200)
	require.NotNil(t, page.Pagination.NextKey)
	filtered, err := q.Members(ctx, &types.QueryMembersRequest{Region: types.RegionAfrica, Pagination: &query.PageRequest{Limit: 1000}})
	require.NoError(t, err)
	require.Len(t, filtered.Members, 200, "the cap applies to filtered pages too")
	byDefault, err := q.Members(ctx, &types.QueryMembersRequest{})
	require.NoError(t, err)
	require.Len(t, byDefault.Members, int(query.DefaultLimit))
	require.Zero(t, byDefault.Pagination.Total, "a request without pagination does not walk the store to count")
	counted, err := q.Members(ctx, &types.QueryMembersRequest{Pagination: &query.PageRequest{CountTotal: true}})
	require.NoError(t, err)
	require.Equal(t, uint64(21+250), counted.Pagination.Total, "count_total counts")
}

// TestQueryFilters checks every list filter against the records it should
// select.
func TestQueryFilters(t *testing.T) {
	f := buildRichState(t)
	q, ctx := f.QueryServer, f.Ctx

	supporting, err := q.Communities(ctx, &types.QueryCommunitiesRequest{Kind: types.KindSupporting})
	require.NoError(t, err)
	require.Equal(t, []string{"cph", "dev", "fin", "gnso", "ncph", "ops"}, communityIDs(supporting.Communities))
	children, err := q.Communities(ctx, &types.QueryCommunitiesRequest{ParentId: "gnso"})
	require.NoError(t, err)
	require.Equal(t, []string{"cph", "ncph"}, communityIDs(children.Communities))
	none, err := q.Communities(ctx, &types.QueryCommunitiesRequest{ParentId: "gnso", Kind: types.KindAdvisory})
	require.NoError(t, err)
	require.Empty(t, none.Communities)
	both, err := q.Communities(ctx, &types.QueryCommunitiesRequest{ParentId: "gnso", Kind: types.KindSupporting, Pagination: &query.PageRequest{Limit: 1}})
	require.NoError(t, err)
	require.Equal(t, []string{"cph"}, communityIDs(both.Communities))

	europe, err := q.Members(ctx, &types.QueryMembersRequest{Region: types.RegionEurope})
	require.NoError(t, err)
	require.Len(t, europe.Members, 6)
	for _, m := range europe.Members {
		require.Equal(t, types.RegionEurope, m.Region)
	}
	engineers, err := q.Members(ctx, &types.QueryMembersRequest{StakeholderType: types.StakeholderEngineer})
	require.NoError(t, err)
	require.Len(t, engineers.Members, 4)
	europeanEngineers, err := q.Members(ctx, &types.QueryMembersRequest{Region: types.RegionEurope, StakeholderType: types.StakeholderEngineer})
	require.NoError(t, err)
	require.ElementsMatch(t, []string{addr("dev-chair").String(), addr("director-dev").String()}, memberAddrs(europeanEngineers.Members))

	nomcom, err := q.CommunityMembers(ctx, &types.QueryCommunityMembersRequest{Id: "nomcom"})
	require.NoError(t, err)
	require.Len(t, nomcom.Memberships, 5)
	delegates, err := q.CommunityMembers(ctx, &types.QueryCommunityMembersRequest{Id: "dev", Role: types.RoleNomComDelegate})
	require.NoError(t, err)
	require.Len(t, delegates.Memberships, 1)
	require.Equal(t, addr("dev-member").String(), delegates.Memberships[0].Address)

	voting, err := q.Motions(ctx, &types.QueryMotionsRequest{Status: types.MotionStatusVoting})
	require.NoError(t, err)
	require.Equal(t, []uint64{5, 6, 8}, motionIDs(voting.Motions), "8 is settled, still voting")
	reversed, err := q.Motions(ctx, &types.QueryMotionsRequest{Status: types.MotionStatusVoting, Pagination: &query.PageRequest{Reverse: true, Limit: 1}})
	require.NoError(t, err)
	require.Equal(t, []uint64{8}, motionIDs(reversed.Motions))
	all, err := q.Motions(ctx, &types.QueryMotionsRequest{})
	require.NoError(t, err)
	require.Len(t, all.Motions, 8)
	devMotions, err := q.BodyMotions(ctx, &types.QueryBodyMotionsRequest{Id: "dev"})
	require.NoError(t, err)
	require.Equal(t, []uint64{1, 7}, motionIDs(devMotions.Motions))
	queued, err := q.BodyMotions(ctx, &types.QueryBodyMotionsRequest{Id: "dev", Status: types.MotionStatusQueued})
	require.NoError(t, err)
	require.Equal(t, []uint64{7}, motionIDs(queued.Motions))
	failed, err := q.BodyMotions(ctx, &types.QueryBodyMotionsRequest{Id: "fin", Status: types.MotionStatusExecutionFailed})
	require.NoError(t, err)
	require.Equal(t, []uint64{3}, motionIDs(failed.Motions))
	noneFailed, err := q.BodyMotions(ctx, &types.QueryBodyMotionsRequest{Id: "dev", Status: types.MotionStatusExecutionFailed})
	require.NoError(t, err)
	require.Empty(t, noneFailed.Motions)
	votes, err := q.MotionVotes(ctx, &types.QueryMotionVotesRequest{Id: 5})
	require.NoError(t, err)
	require.Len(t, votes.Votes, 2)

	ops, err := q.Validators(ctx, &types.QueryValidatorsRequest{CommunityId: "ops"})
	require.NoError(t, err)
	require.Len(t, ops.Validators, 1)
	require.Equal(t, types.ValidatorRemoved, ops.Validators[0].Status)
	activeOps, err := q.Validators(ctx, &types.QueryValidatorsRequest{CommunityId: "ops", Status: types.ValidatorActive})
	require.NoError(t, err)
	require.Empty(t, activeOps.Validators)
	active, err := q.Validators(ctx, &types.QueryValidatorsRequest{Status: types.ValidatorActive})
	require.NoError(t, err)
	require.Len(t, active.Validators, 6)
	removed, err := q.Validators(ctx, &types.QueryValidatorsRequest{Status: types.ValidatorRemoved})
	require.NoError(t, err)
	require.Len(t, removed.Validators, 1)
	require.Equal(t, int64(52), removed.TotalPower, "totals do not depend on the filter")
	require.Len(t, removed.CommunityPowers, 6)

	boards, err := q.Bodies(ctx, &types.QueryBodiesRequest{Kind: types.BodyKindBoard})
	require.NoError(t, err)
	require.Len(t, boards.Bodies, 1)
	require.Equal(t, types.BoardBodyID, boards.Bodies[0].Id)

	member, err := q.Member(ctx, &types.QueryMemberRequest{Address: addr("gov-chair").String()})
	require.NoError(t, err)
	require.Len(t, member.Memberships, 1)
	require.NotNil(t, member.Seat)
	require.NotNil(t, member.DirectorRecord)
	require.Len(t, member.Validators, 1, "gov-chair operates gov-node")
	seat, err := q.Seat(ctx, &types.QuerySeatRequest{Id: 2})
	require.NoError(t, err)
	require.Equal(t, addr("newcomer").String(), seat.Seat.Holder)
}

func communityIDs(cs []types.Community) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Id
	}
	return out
}

func memberAddrs(ms []types.Member) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Address
	}
	return out
}

func motionIDs(ms []types.Motion) []uint64 {
	out := make([]uint64, len(ms))
	for i, m := range ms {
		out[i] = m.Id
	}
	return out
}
