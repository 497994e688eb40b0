package constitution

import (
	cmttypes "github.com/cometbft/cometbft/types"
)

// BlockMaxGas is the consensus block gas limit the constitution writes into
// genesis (CometBFT's default, -1, is unlimited: one block could then hold
// any number of transactions, each paying only its own fee). It bounds the
// work a validator must do for one block while staying above what a node
// commits in one block under load: 300,000,000 gas is about 4,000 votes as a
// wallet declares them (1.3x the ~52,000 a vote uses), twice the ~1,950 per
// one-second block a 2-core node commits at saturation, and 150 of the
// largest transactions we send (--gas 2000000). A limit that binds below the
// node's rate leaves a backlog in the mempool that is rechecked after every
// block: at 100,000,000 that recheck was a quarter of the node's CPU under
// load (docs/benchmarks.md). Governance may change it through x/consensus.
const BlockMaxGas int64 = 300_000_000

// ConsensusParams sets the constitution's consensus parameters on a genesis
// file's: the CometBFT defaults with a finite block gas limit.
func ConsensusParams(params *cmttypes.ConsensusParams) *cmttypes.ConsensusParams {
	if params == nil {
		params = cmttypes.DefaultConsensusParams()
	}
	params.Block.MaxGas = BlockMaxGas
	return params
}
