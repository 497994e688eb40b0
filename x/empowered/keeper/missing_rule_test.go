package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/empowered/types"
)

// TestMissingRuleIsAnError: should an open action's rule ever be missing
// from the params (Validate requires one per power, so only a broken store
// gets here), support is refused with ErrInvalidParams instead of running
// the action on a zero rule (no forum, no decision period).
func TestMissingRuleIsAnError(t *testing.T) {
	f := newFixture(t)
	id := f.MustPetition("dev", types.PowerInspection, 0, 0)
	params, err := f.Empowered.Params.Get(f.Ctx)
	require.NoError(t, err)
	var kept []types.PowerRule
	for _, r := range params.Rules {
		if r.Power != types.PowerInspection {
			kept = append(kept, r)
		}
	}
	params.Rules = kept
	require.NoError(t, f.Empowered.Params.Set(f.Ctx, params))
	requireFailsUnchanged(t, f, keepertest.SupportMsg("ops", id), types.ErrInvalidParams)
	require.Equal(t, types.StageSupport, f.Action(id).Stage)
}
