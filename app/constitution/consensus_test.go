package constitution_test

import (
	"testing"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/stretchr/testify/require"

	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"

	"github.com/polity-chain/polity/app/constitution"
	ptypes "github.com/polity-chain/polity/x/proposals/types"
)

// TestConsensusParamsBlockGas checks that the constitution bounds block gas
// (CometBFT's -1 is unlimited) and that the result is valid consensus params,
// from the defaults or from a genesis file's own.
func TestConsensusParamsBlockGas(t *testing.T) {
	for _, in := range []*cmttypes.ConsensusParams{nil, cmttypes.DefaultConsensusParams()} {
		p := constitution.ConsensusParams(in)
		require.Equal(t, constitution.BlockMaxGas, p.Block.MaxGas)
		require.Positive(t, p.Block.MaxGas)
		require.NoError(t, p.ValidateBasic())
	}
	require.GreaterOrEqual(t, constitution.BlockMaxGas, int64(150*2_000_000), "room for 150 of our largest transactions")
	require.GreaterOrEqual(t, constitution.BlockMaxGas, int64(2*1_950*68_000), "twice the votes a saturated node commits per block, at a wallet's declared gas")
	p := constitution.ConsensusParams(nil)
	require.NoError(t, ptypes.CheckBlockFloor(&consensustypes.MsgUpdateParams{Block: &cmtproto.BlockParams{MaxBytes: p.Block.MaxBytes, MaxGas: p.Block.MaxGas}}),
		"the constitution's own block limits meet the floor a proposal is held to")
}
