package keeper_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// TestMotionRotatesValidatorKey: ops holds exactly its share (10 of 40). One
// motion admitting a new key and removing the old one at the same power
// passes, and CometBFT is told both changes in that block; either change alone
// is refused at submission (admitting first breaks ops' share, removing first
// puts the other three at 1/3 each), and nothing is stored.
func TestMotionRotatesValidatorKey(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	ops := keepertest.CommunityVoters("ops")
	admit, remove := admitValidatorMsg(t, "ops", "ops-node-2", 10), removeValidatorMsg("ops", "ops-node")

	next, err := f.Keeper.MotionID.Peek(f.Ctx)
	require.NoError(t, err)
	_, err = f.SubmitMotion(ops[0], "ops", "admit first", admit)
	require.ErrorIs(t, err, types.ErrPowerCap)
	_, err = f.SubmitMotion(ops[0], "ops", "remove first", remove)
	require.ErrorIs(t, err, types.ErrPowerCap)
	after, err := f.Keeper.MotionID.Peek(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, next, after, "a refused motion is not stored")

	m := f.PassMotion("ops", admit, remove)
	require.Equal(t, types.MotionStatusPassed, m.Status, m.FailureReason)
	require.ElementsMatch(t, []abci.ValidatorUpdate{update(t, "ops-node", 0), update(t, "ops-node-2", 10)}, f.EndBlock())
	old, err := f.Keeper.GetValidator(f.Ctx, keepertest.ConsKey("ops-node").Address())
	require.NoError(t, err)
	require.Equal(t, types.ValidatorRemoved, old.Status)
	require.NoError(t, f.Keeper.CheckAllPowers(f.Ctx))
}

// TestMotionPowersRecheckedAtExecution: dev's admission at power 2 is within
// dev's share when submitted (12 of 52, gov's node counting), but gov's
// motion removing its node executes first; at 12 of 42 dev would exceed its
// quarter, so dev's motion fails whole with the cap error and admits nothing.
func TestMotionPowersRecheckedAtExecution(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	require.Equal(t, types.MotionStatusPassed, f.PassMotion("gov", admitValidatorMsg(t, "gov", "gov-node", 10)).Status)

	dev := devVoters()
	id := f.MustSubmitMotion(dev[0], "dev", admitValidatorMsg(t, "dev", "dev-node-2", 2))
	m := f.PassMotion("gov", removeValidatorMsg("gov", "gov-node"))
	require.Equal(t, types.MotionStatusPassed, m.Status, m.FailureReason)
	for _, v := range dev {
		f.MustVote(v, id, types.OptionYes)
	}
	m = f.Executed(id)
	require.Equal(t, types.MotionStatusExecutionFailed, m.Status)
	require.Contains(t, m.FailureReason, types.ErrPowerCap.Error())
	_, err := f.Keeper.GetValidator(f.Ctx, keepertest.ConsKey("dev-node-2").Address())
	require.ErrorIs(t, err, types.ErrValidatorNotFound)
	require.NoError(t, f.Keeper.CheckAllPowers(f.Ctx))
}

// TestPowerChecksDeferredOnlyForValidatorMotions: while a motion without
// validator messages runs, a validator message reaching x/community by any
// other path is still checked on its own: the end-of-motion check, which
// runs only for motions carrying validator messages, cannot be skipped.
func TestPowerChecksDeferredOnlyForValidatorMotions(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	id := f.MustSubmitMotion(devVoters()[0], "dev")
	require.NoError(t, f.Keeper.ExecutingMotion.Set(f.Ctx, id))
	_, err := f.Deliver(admitValidatorMsg(t, "dev", "dev-node-2", 10))
	require.ErrorIs(t, err, types.ErrPowerCap)
	require.NoError(t, f.Keeper.ExecutingMotion.Remove(f.Ctx))
	_, err = f.Keeper.GetValidator(f.Ctx, keepertest.ConsKey("dev-node-2").Address())
	require.ErrorIs(t, err, types.ErrValidatorNotFound)
}
