package constitution

import (
	cmttypes "github.com/cometbft/cometbft/types"
)

// BlockMaxGas is the consensus block gas limit the constitution writes into
// genesis (CometBFT's default, -1, is unlimited: one block could then hold
// any number of transactions, each paying only its own fee). 100,000,000 gas
// holds 50 of the largest transactions we send (a proposal or motion carrying
// messages, run with --gas 2000000 by the e2e harness and the demo) and the
// load benchmarks' batches, while bounding the work a validator must do for
// one block. Governance may change it through x/consensus.
const BlockMaxGas int64 = 100_000_000

// ConsensusParams sets the constitution's consensus parameters on a genesis
// file's: the CometBFT defaults with a finite block gas limit.
func ConsensusParams(params *cmttypes.ConsensusParams) *cmttypes.ConsensusParams {
	if params == nil {
		params = cmttypes.DefaultConsensusParams()
	}
	params.Block.MaxGas = BlockMaxGas
	return params
}
