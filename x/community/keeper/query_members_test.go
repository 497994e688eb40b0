package keeper_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// TestCommunityMembersByRolePages checks the role filter of CommunityMembers,
// served from the RoleHolders index, over more holders than one page: pages
// follow next_key to the end without gaps or repeats, count_total counts only
// when asked, offset and reverse work, and the result is exactly the
// community's memberships holding the role, in address order.
func TestCommunityMembersByRolePages(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	q, ctx := f.QueryServer, f.Ctx
	// 40 more dev members, every other one a representative; and one in ops,
	// which must not leak into dev's pages
	for i := range 41 {
		who, community := addr(fmt.Sprintf("bulk-%d", i)), "dev"
		if i == 40 {
			community = "ops"
		}
		roles := []types.Role{types.RoleMember}
		if i%2 == 0 {
			roles = append(roles, types.RoleRepresentative)
		}
		require.NoError(t, f.Keeper.Memberships.Set(ctx, collections.Join(community, who),
			types.Membership{CommunityId: community, Address: who.String(), Roles: roles, Weight: 1}))
		for _, r := range roles {
			require.NoError(t, f.Keeper.RoleHolders.Set(ctx, collections.Join3(community, int32(r), who)))
		}
	}
	var want []string // dev's representatives, in address order
	iter, err := f.Keeper.Memberships.Iterate(ctx, collections.NewPrefixedPairRange[string, sdk.AccAddress]("dev"))
	require.NoError(t, err)
	all, err := iter.Values()
	require.NoError(t, err)
	for _, ms := range all {
		if slices.Contains(ms.Roles, types.RoleRepresentative) {
			want = append(want, ms.Address)
		}
	}
	require.Len(t, want, 20)

	req := func(p *query.PageRequest) *types.QueryCommunityMembersResponse {
		resp, err := q.CommunityMembers(ctx, &types.QueryCommunityMembersRequest{Id: "dev", Role: types.RoleRepresentative, Pagination: p})
		require.NoError(t, err)
		for _, ms := range resp.Memberships {
			require.Equal(t, "dev", ms.CommunityId)
			require.Contains(t, ms.Roles, types.RoleRepresentative)
		}
		return resp
	}
	first := req(&query.PageRequest{Limit: 7, CountTotal: true})
	require.Equal(t, uint64(len(want)), first.Pagination.Total)
	got := membershipAddrs(first.Memberships)
	for next := first.Pagination.NextKey; next != nil; {
		page := req(&query.PageRequest{Key: next, Limit: 7})
		require.NotEmpty(t, page.Memberships)
		require.Zero(t, page.Pagination.Total, "total only on the first page when asked")
		got = append(got, membershipAddrs(page.Memberships)...)
		next = page.Pagination.NextKey
	}
	require.Equal(t, want, got)

	byDefault := req(nil)
	require.Equal(t, want, membershipAddrs(byDefault.Memberships), "fewer than the default page")
	require.Zero(t, byDefault.Pagination.Total, "a request without pagination does not count")
	require.Nil(t, byDefault.Pagination.NextKey)
	require.Equal(t, want[10:13], membershipAddrs(req(&query.PageRequest{Offset: 10, Limit: 3}).Memberships))
	reversed := slices.Clone(want)
	slices.Reverse(reversed)
	require.Equal(t, reversed[:5], membershipAddrs(req(&query.PageRequest{Limit: 5, Reverse: true}).Memberships))

	// a role nobody in the community holds is an empty page, not an error
	none, err := q.CommunityMembers(ctx, &types.QueryCommunityMembersRequest{Id: "nomcom", Role: types.RoleLiaison})
	require.NoError(t, err)
	require.Empty(t, none.Memberships)
}

// membershipAddrs lists the memberships' addresses in order.
func membershipAddrs(ms []types.Membership) []string {
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		out = append(out, m.Address)
	}
	return out
}
