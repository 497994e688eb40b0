package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// Genesis side of the validator capture paths: a constitution (or an export)
// may not start a chain where one operator or one consensus key serves two
// communities, or where a community tree holds a third of the power.

// genesisValidator is a validator record of community for a named node.
func genesisValidator(t *testing.T, community, node, operator string, power int64, status types.ValidatorStatus) types.Validator {
	t.Helper()
	pk, err := codectypes.NewAnyWithValue(keepertest.ConsKey(node))
	require.NoError(t, err)
	if status == types.ValidatorRemoved {
		power = 0 // a removed validator holds no power
	}
	return types.Validator{
		ConsensusAddress: keepertest.ConsAddr(node), Operator: keepertest.Addr(operator).String(), CommunityId: community,
		Moniker: node, ConsensusPubkey: pk, Power: power, Status: status,
	}
}

// requireGenesisRefused checks Validate refuses gs with ErrInvalidGenesis,
// the registered reason and a message naming the path.
func requireGenesisRefused(t *testing.T, gs *types.GenesisState, reason error, says string) {
	t.Helper()
	ac, cc := codecs()
	err := gs.Validate(ac, cc)
	require.ErrorIs(t, err, types.ErrInvalidGenesis)
	require.ErrorContains(t, err, reason.Error())
	require.ErrorContains(t, err, says)
}

// TestCaptureGenesisOperatorInTwoCommunities: dev's chair may run a second dev
// node but no gov node, active or removed.
func TestCaptureGenesisOperatorInTwoCommunities(t *testing.T) {
	ac, cc := codecs()
	gs := keepertest.Constitution(t, false)
	gs.Validators = append(gs.Validators, genesisValidator(t, "dev", "dev-node-2", "dev-chair", 1, types.ValidatorRemoved))
	require.NoError(t, gs.Validate(ac, cc))
	for _, status := range []types.ValidatorStatus{types.ValidatorActive, types.ValidatorRemoved} {
		gs := keepertest.Constitution(t, false)
		gs.Validators = append(gs.Validators, genesisValidator(t, "gov", "gov-node", "dev-chair", 1, status))
		requireGenesisRefused(t, gs, types.ErrOperatorTaken, "runs validators of both dev and gov")
	}
}

// TestCaptureGenesisConsensusKeyInTwoCommunities: a key recorded for dev may
// not also be listed for gov (validators are keyed by it, so the second
// record would silently replace the first at import).
func TestCaptureGenesisConsensusKeyInTwoCommunities(t *testing.T) {
	gs := keepertest.Constitution(t, false)
	gs.Validators = append(gs.Validators, genesisValidator(t, "gov", "dev-node", "gov-chair", 1, types.ValidatorRemoved))
	requireGenesisRefused(t, gs, types.ErrConsensusKeyTaken, "is used by validators of both dev and gov")
}

// TestCaptureGenesisSubCommunityPowerCountsWithParent: gov and secretariat
// each within their share, 10 of 50, are refused once they sit below dev
// (directly or as a grandchild), since dev's tree would then hold 20 of 50.
func TestCaptureGenesisSubCommunityPowerCountsWithParent(t *testing.T) {
	ac, cc := codecs()
	build := func() *types.GenesisState {
		gs := keepertest.Constitution(t, false)
		gs.Validators = append(gs.Validators,
			genesisValidator(t, "gov", "gov-node", "gov-chair", 5, types.ValidatorActive),
			genesisValidator(t, "secretariat", "secretariat-node", "secretariat-chair", 5, types.ValidatorActive))
		return gs
	}
	require.NoError(t, build().Validate(ac, cc), "top-level communities")

	gs := build()
	community(t, gs, "gov").ParentId = "dev"
	require.NoError(t, gs.Validate(ac, cc), "dev's tree: 15 of 50")
	community(t, gs, "secretariat").ParentId = "gov"
	requireGenesisRefused(t, gs, types.ErrPowerCap, "dev with its sub-communities would hold 20 of 50")

	gs.Params.Bootstrap = true
	require.NoError(t, gs.Validate(ac, cc), "bootstrap mode suspends the cap")
}
