package keeper_test

import (
	"testing"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/empowered/keeper"
	"github.com/polity-chain/polity/x/empowered/types"
)

// openAction returns an action in the given stage.
func openAction(t *testing.T, f *keepertest.Fixture, stage types.Stage) types.Action {
	t.Helper()
	actions, err := f.Empowered.Actions.Iterate(f.Ctx, nil)
	require.NoError(t, err)
	all, err := actions.Values()
	require.NoError(t, err)
	for _, a := range all {
		if a.Stage == stage {
			return a
		}
	}
	t.Fatalf("no action in %s", stage)
	return types.Action{}
}

// TestInvariantsHoldAndBreak checks that every invariant passes on actions
// in every stage and that each fails once the state it audits is corrupted
// on purpose.
func TestInvariantsHoldAndBreak(t *testing.T) {
	cases := []struct {
		route   string
		corrupt func(*testing.T, *keepertest.Fixture)
	}{
		{"decision-tallies", func(t *testing.T, f *keepertest.Fixture) {
			a := openAction(t, f, types.StageDecision)
			a.Objections++
			require.NoError(t, f.Empowered.Actions.Set(f.Ctx, a.Id, a))
		}},
		{"decision-tallies", func(t *testing.T, f *keepertest.Fixture) {
			require.NoError(t, f.Empowered.Decisions.Set(f.Ctx, collections.Join(uint64(999), "dev"),
				types.Decision{ActionId: 999, CommunityId: "dev", Choice: types.ChoiceSupport}))
		}},
		{"action-queue", func(t *testing.T, f *keepertest.Fixture) {
			a := openAction(t, f, types.StageForum)
			require.NoError(t, f.Empowered.ActionQueue.Remove(f.Ctx, collections.Join(a.Deadline.Unix(), a.Id)))
		}},
		{"action-queue", func(t *testing.T, f *keepertest.Fixture) {
			a := openAction(t, f, types.StageSucceeded)
			require.NoError(t, f.Empowered.ActionQueue.Set(f.Ctx, collections.Join(a.Deadline.Unix(), a.Id)))
		}},
		{"inspection-queue", func(t *testing.T, f *keepertest.Fixture) {
			iter, err := f.Empowered.InspectionQueue.Iterate(f.Ctx, nil)
			require.NoError(t, err)
			keys, err := iter.Keys()
			require.NoError(t, err)
			require.NotEmpty(t, keys)
			require.NoError(t, f.Empowered.InspectionQueue.Remove(f.Ctx, keys[0]))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.route, func(t *testing.T) {
			f := newFixture(t)
			everyStage(t, f)
			keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Empowered))
			tc.corrupt(t, f)
			keepertest.RequireInvariantBreaks(t, f.Ctx, keeper.InvariantRoutes(f.Empowered), tc.route)
		})
	}
}
