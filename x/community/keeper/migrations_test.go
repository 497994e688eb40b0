package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
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

// TestMigrate2to3 checks that the version 3 migration moves the tallies a
// version 2 state kept inside its motions into MotionTallies: the stored
// motions carry none afterwards, and the chain exports exactly as before.
func TestMigrate2to3(t *testing.T) {
	f := buildRichState(t)
	before := f.ExportJSON()
	// as version 2 left it: every motion stored whole, no tally records
	for _, m := range f.Export().Motions {
		require.NoError(t, f.Keeper.Motions.Set(f.Ctx, m.Id, m))
		require.NoError(t, f.Keeper.MotionTallies.Remove(f.Ctx, m.Id))
	}
	require.NoError(t, keeper.NewMigrator(f.Keeper).Migrate2to3(f.Ctx))
	require.JSONEq(t, string(before), string(f.ExportJSON()))
	keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))
	tallied := 0
	for _, m := range f.Export().Motions {
		stored, err := f.Keeper.Motions.Get(f.Ctx, m.Id)
		require.NoError(t, err)
		require.Equal(t, types.Tally{}, stored.Tally, "motion %d", m.Id)
		require.Empty(t, stored.HouseTallies, "motion %d", m.Id)
		if m.Tally != (types.Tally{}) {
			tallied++
		}
	}
	require.Positive(t, tallied)
}

// TestVoteRewritesOnlyTheTally: a vote leaves the stored motion as it was
// and writes the tallies apart; the motion read back carries them and the
// vote's stamp.
func TestVoteRewritesOnlyTheTally(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	id := f.MustSubmitMotion(addr("director-dev"), types.BoardBodyID)
	stored, err := f.Keeper.Motions.Get(f.Ctx, id)
	require.NoError(t, err)
	f.NextBlock(0)
	f.MustVote(addr("director-ops"), id, types.OptionYes)
	after, err := f.Keeper.Motions.Get(f.Ctx, id)
	require.NoError(t, err)
	require.Equal(t, stored, after, "the vote did not rewrite the motion")
	m := f.Motion(id)
	require.Equal(t, types.Tally{Yes: 1}, m.Tally)
	require.Equal(t, f.Ctx.BlockHeight(), m.UpdatedHeight, "stamped by the vote")
	require.Greater(t, m.UpdatedHeight, m.SubmitHeight)
}
