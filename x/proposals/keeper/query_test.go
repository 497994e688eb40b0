package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"

	"github.com/cosmos/cosmos-sdk/types/query"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// proposalIDs lists the ids of a page of proposals.
func proposalIDs(ps []types.Proposal) []uint64 {
	out := make([]uint64, len(ps))
	for i, p := range ps {
		out[i] = p.Id
	}
	return out
}

// adviceIDs lists the ids of a page of advice.
func adviceIDs(as []types.Advice) []uint64 {
	out := make([]uint64, len(as))
	for i, a := range as {
		out[i] = a.Id
	}
	return out
}

// TestQueryNilRequests checks that every query answers a nil request with
// InvalidArgument.
func TestQueryNilRequests(t *testing.T) {
	f := newFixture(t)
	q, ctx := f.ProposalsQueryServer, f.Ctx
	calls := map[string]func() error{
		"Params":           func() error { _, err := q.Params(ctx, nil); return err },
		"Proposals":        func() error { _, err := q.Proposals(ctx, nil); return err },
		"Proposal":         func() error { _, err := q.Proposal(ctx, nil); return err },
		"ProposalVotes":    func() error { _, err := q.ProposalVotes(ctx, nil); return err },
		"ProposalComments": func() error { _, err := q.ProposalComments(ctx, nil); return err },
		"AdviceList":       func() error { _, err := q.AdviceList(ctx, nil); return err },
		"Advice":           func() error { _, err := q.Advice(ctx, nil); return err },
		"Bylaws":           func() error { _, err := q.Bylaws(ctx, nil); return err },
		"Policies":         func() error { _, err := q.Policies(ctx, nil); return err },
		"Budgets":          func() error { _, err := q.Budgets(ctx, nil); return err },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) { requireCode(t, call(), codes.InvalidArgument) })
	}
}

// TestQueryNotFound checks NotFound for missing records.
func TestQueryNotFound(t *testing.T) {
	f := newFixture(t)
	q, ctx := f.ProposalsQueryServer, f.Ctx
	_, err := q.Proposal(ctx, &types.QueryProposalRequest{Id: 1})
	requireCode(t, err, codes.NotFound)
	_, err = q.ProposalVotes(ctx, &types.QueryProposalVotesRequest{Id: 1})
	requireCode(t, err, codes.NotFound)
	_, err = q.ProposalComments(ctx, &types.QueryProposalCommentsRequest{Id: 1})
	requireCode(t, err, codes.NotFound)
	_, err = q.Advice(ctx, &types.QueryAdviceRequest{Id: 1})
	requireCode(t, err, codes.NotFound)
	_, err = q.Policies(ctx, &types.QueryPoliciesRequest{CommunityId: "nobody"})
	requireCode(t, err, codes.NotFound)

	params, err := q.Params(ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, f.ExportProposals().Params, params.Params)
}

// TestQueryProposalFilters checks the status, kind and originator filters,
// alone and combined, with pagination, totals and reverse order.
func TestQueryProposalFilters(t *testing.T) {
	f := newFixture(t)
	devPolicy1 := f.MustSubmitProposal("dev", types.KindPolicy)                   // 1
	devPolicy2 := f.MustSubmitProposal("dev", types.KindPolicy)                   // 2
	opsPolicy := f.MustSubmitProposal("ops", types.KindPolicy)                    // 3
	devBudget := f.MustSubmitProposal("dev", types.KindBudget)                    // 4
	ratified := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution) // 5
	f.BoardDecides(ratified, 7)
	voting := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution) // 6

	q := f.ProposalsQueryServer
	list := func(req *types.QueryProposalsRequest) ([]uint64, *query.PageResponse) {
		t.Helper()
		res, err := q.Proposals(f.Ctx, req)
		require.NoError(t, err)
		return proposalIDs(res.Proposals), res.Pagination
	}
	tests := []struct {
		name string
		req  *types.QueryProposalsRequest
		want []uint64
	}{
		{"all", &types.QueryProposalsRequest{}, []uint64{1, 2, 3, 4, 5, 6}},
		{"status", &types.QueryProposalsRequest{Status: types.StatusPublicComment}, []uint64{devPolicy1, devPolicy2, opsPolicy, devBudget}},
		{"status ratified", &types.QueryProposalsRequest{Status: types.StatusRatified}, []uint64{ratified}},
		{"kind", &types.QueryProposalsRequest{Kind: types.KindPolicy}, []uint64{devPolicy1, devPolicy2, opsPolicy}},
		{"originator", &types.QueryProposalsRequest{Originator: "dev"}, []uint64{devPolicy1, devPolicy2, devBudget}},
		{"originator and kind", &types.QueryProposalsRequest{Originator: "dev", Kind: types.KindBudget}, []uint64{devBudget}},
		{"status and kind", &types.QueryProposalsRequest{Status: types.StatusBoardVote, Kind: types.KindResolution}, []uint64{voting}},
		{"originator and status", &types.QueryProposalsRequest{Originator: types.BoardOriginator, Status: types.StatusRatified}, []uint64{ratified}},
		{"nothing matches", &types.QueryProposalsRequest{Originator: "fin"}, []uint64{}},
		{"reverse", &types.QueryProposalsRequest{Pagination: &query.PageRequest{Reverse: true}}, []uint64{6, 5, 4, 3, 2, 1}},
		{"reverse by originator", &types.QueryProposalsRequest{Originator: "dev", Pagination: &query.PageRequest{Reverse: true}}, []uint64{devBudget, devPolicy2, devPolicy1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := list(tc.req)
			require.Equal(t, tc.want, got)
		})
	}

	first, page := list(&types.QueryProposalsRequest{Pagination: &query.PageRequest{Limit: 4, CountTotal: true}})
	require.Equal(t, []uint64{1, 2, 3, 4}, first)
	require.Equal(t, uint64(6), page.Total)
	rest, page := list(&types.QueryProposalsRequest{Pagination: &query.PageRequest{Key: page.NextKey, Limit: 4}})
	require.Equal(t, []uint64{5, 6}, rest)
	require.Nil(t, page.NextKey)

	first, page = list(&types.QueryProposalsRequest{Status: types.StatusPublicComment, Pagination: &query.PageRequest{Limit: 3, CountTotal: true}})
	require.Equal(t, []uint64{1, 2, 3}, first)
	require.Equal(t, uint64(4), page.Total)
	rest, _ = list(&types.QueryProposalsRequest{Status: types.StatusPublicComment, Pagination: &query.PageRequest{Key: page.NextKey, Limit: 3}})
	require.Equal(t, []uint64{4}, rest)
}

// TestQueryPageCap checks that no page holds more than 200 records.
func TestQueryPageCap(t *testing.T) {
	f := newFixture(t)
	for range 205 {
		f.MustSubmitProposal("dev", types.KindPolicy)
	}
	for _, req := range []*types.QueryProposalsRequest{
		{Pagination: &query.PageRequest{Limit: 1_000}},
		{Status: types.StatusPublicComment, Pagination: &query.PageRequest{Limit: 1_000}},
	} {
		res, err := f.ProposalsQueryServer.Proposals(f.Ctx, req)
		require.NoError(t, err)
		require.Len(t, res.Proposals, 200)
		require.NotNil(t, res.Pagination.NextKey)
	}
}

// TestQueryAdviceFilters checks the advice register's status, community and
// proposal filters.
func TestQueryAdviceFilters(t *testing.T) {
	f := newFixture(t)
	p1 := f.MustSubmitProposal("dev", types.KindPolicy)
	p2 := f.MustSubmitProposal("ops", types.KindPolicy)
	usersP1 := f.MustAdvise("users", p1, true)  // 1: answered below
	govP1 := f.MustAdvise("gov", p1, false)     // 2
	usersP2 := f.MustAdvise("users", p2, false) // 3
	topic := f.MustAdvise("gov", 0, false)      // 4: overdue below
	resolve(t, f, 4, f.RespondMsg(usersP1, types.ResponseAccepted))
	f.Advance(keepertest.AdvicePeriod)
	later := f.MustAdvise("security", 0, false) // 5: pending

	q := f.ProposalsQueryServer
	tests := []struct {
		name string
		req  *types.QueryAdviceListRequest
		want []uint64
	}{
		{"all", &types.QueryAdviceListRequest{}, []uint64{1, 2, 3, 4, 5}},
		{"pending", &types.QueryAdviceListRequest{Status: types.AdvicePending}, []uint64{later}},
		{"answered", &types.QueryAdviceListRequest{Status: types.AdviceAnswered}, []uint64{usersP1}},
		{"overdue", &types.QueryAdviceListRequest{Status: types.AdviceOverdue}, []uint64{govP1, usersP2, topic}},
		{"community", &types.QueryAdviceListRequest{CommunityId: "gov"}, []uint64{govP1, topic}},
		{"proposal", &types.QueryAdviceListRequest{ProposalId: p1}, []uint64{usersP1, govP1}},
		{"proposal and community", &types.QueryAdviceListRequest{ProposalId: p1, CommunityId: "users"}, []uint64{usersP1}},
		{"community and status", &types.QueryAdviceListRequest{CommunityId: "users", Status: types.AdviceOverdue}, []uint64{usersP2}},
		{"reverse", &types.QueryAdviceListRequest{Pagination: &query.PageRequest{Reverse: true}}, []uint64{5, 4, 3, 2, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := q.AdviceList(f.Ctx, tc.req)
			require.NoError(t, err)
			require.Equal(t, tc.want, adviceIDs(res.Advice))
		})
	}
	one, err := q.Advice(f.Ctx, &types.QueryAdviceRequest{Id: usersP1})
	require.NoError(t, err)
	require.Equal(t, types.AdviceAnswered, one.Advice.Status)
}
