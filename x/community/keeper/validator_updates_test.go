package keeper_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// update is the CometBFT update for the named node at a power.
func update(t *testing.T, node string, power int64) abci.ValidatorUpdate {
	t.Helper()
	pk, err := cryptocodec.ToCmtProtoPublicKey(keepertest.ConsKey(node))
	require.NoError(t, err)
	return abci.ValidatorUpdate{PubKey: pk, Power: power}
}

// cometPower is what CometBFT was last told for the named node (0 if nothing).
func cometPower(t *testing.T, f *keepertest.Fixture, node string) int64 {
	t.Helper()
	p, err := f.Keeper.CometPower.Get(f.Ctx, sdk.ConsAddress(keepertest.ConsKey(node).Address()))
	if err != nil {
		return 0
	}
	return p
}

// TestGenesisValidatorSet checks that InitGenesis hands the whole set to
// CometBFT and leaves nothing pending for the first EndBlock.
func TestGenesisValidatorSet(t *testing.T) {
	f := keepertest.NewFixture(t)
	updates := f.InitGenesis(keepertest.Constitution(t, false))
	require.Len(t, updates, len(keepertest.ValidatorCommunities))
	for _, c := range keepertest.ValidatorCommunities {
		require.Contains(t, updates, update(t, c+"-node", keepertest.ValidatorPower))
		require.Equal(t, int64(keepertest.ValidatorPower), cometPower(t, f, c+"-node"))
	}
	require.Empty(t, f.EndBlock())
}

// TestEndBlockValidatorUpdates checks that EndBlock returns exactly this
// block's changes: the power of an admitted validator, 0 for a removed one,
// nothing for one admitted and removed in the same block, and nothing twice.
func TestEndBlockValidatorUpdates(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	f.MustDeliver(admitValidatorMsg(t, "gov", "gov-node", 10))
	f.MustDeliver(admitValidatorMsg(t, "secretariat", "secretariat-node", 10))
	require.ElementsMatch(t, []abci.ValidatorUpdate{update(t, "gov-node", 10), update(t, "secretariat-node", 10)}, f.EndBlock())
	require.Equal(t, int64(10), cometPower(t, f, "gov-node"))

	f.NextBlock(0)
	require.Empty(t, f.EndBlock(), "nothing changed in this block")

	f.NextBlock(0)
	f.MustDeliver(removeValidatorMsg("gov", "gov-node"))
	require.Equal(t, []abci.ValidatorUpdate{update(t, "gov-node", 0)}, f.EndBlock())
	require.Zero(t, cometPower(t, f, "gov-node"))
	has, err := f.Keeper.CometPower.Has(f.Ctx, sdk.ConsAddress(keepertest.ConsKey("gov-node").Address()))
	require.NoError(t, err)
	require.False(t, has, "a removed validator is forgotten by the bookkeeping")

	// Admitted and removed in one block: CometBFT never hears of it.
	f.NextBlock(0)
	f.MustDeliver(admitValidatorMsg(t, "gov", "gov-node-2", 10))
	f.MustDeliver(removeValidatorMsg("gov", "gov-node-2"))
	require.Empty(t, f.EndBlock())
	require.Zero(t, cometPower(t, f, "gov-node-2"))
}

// TestEndBlockRemoveAndReadmit checks that removing a validator and admitting
// it again with another power in one block sends only the new power.
func TestEndBlockRemoveAndReadmit(t *testing.T) {
	f := keepertest.NewFixture(t)
	f.InitGenesis(keepertest.Constitution(t, true))
	f.MustDeliver(removeValidatorMsg("dev", "dev-node"))
	f.MustDeliver(admitValidatorMsg(t, "dev", "dev-node", 25))
	require.Equal(t, []abci.ValidatorUpdate{update(t, "dev-node", 25)}, f.EndBlock())
	require.Equal(t, int64(25), cometPower(t, f, "dev-node"))

	// Removed and re-admitted at the same power: no change to send.
	f.NextBlock(0)
	f.MustDeliver(removeValidatorMsg("dev", "dev-node"))
	f.MustDeliver(admitValidatorMsg(t, "dev", "dev-node", 25))
	require.Empty(t, f.EndBlock())
}

// TestValidatorChangesThroughMotion checks the whole path: a community's
// motion admits a validator, and the same block's EndBlock reports it.
func TestValidatorChangesThroughMotion(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	voters := []sdk.AccAddress{addr("gov-chair"), addr("gov-member")}
	m := f.Pass(addr("gov-chair"), "gov", voters, admitValidatorMsg(t, "gov", "gov-node", 10))
	require.Equal(t, types.MotionStatusPassed, m.Status, m.FailureReason)
	require.Equal(t, []abci.ValidatorUpdate{update(t, "gov-node", 10)}, f.EndBlock())

	// A motion that would break the cap is refused when submitted.
	f.NextBlock(0)
	_, err := f.SubmitMotion(addr("dev-chair"), "dev", "too much power", admitValidatorMsg(t, "dev", "dev-node-2", 10))
	require.ErrorIs(t, err, types.ErrPowerCap)
	require.Empty(t, f.EndBlock())
}
