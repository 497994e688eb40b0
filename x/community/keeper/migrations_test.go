package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/keeper"
)

// TestMigrate1to2 checks that the version 2 migration rebuilds every
// address's membership count from the memberships of a version 1 state.
func TestMigrate1to2(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	iter, err := f.Keeper.MembershipCount.Iterate(f.Ctx, nil)
	require.NoError(t, err)
	addrs, err := iter.Keys()
	require.NoError(t, err)
	require.NotEmpty(t, addrs)
	for _, a := range addrs {
		require.NoError(t, f.Keeper.MembershipCount.Remove(f.Ctx, a)) // as version 1 left it
	}
	keepertest.RequireInvariantBreaks(t, f.Ctx, keeper.InvariantRoutes(f.Keeper), "membership-count")
	require.NoError(t, keeper.NewMigrator(f.Keeper).Migrate1to2(f.Ctx))
	keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))
	member, err := f.Keeper.IsMember(f.Ctx, addr("dev-member"))
	require.NoError(t, err)
	require.True(t, member)
}
