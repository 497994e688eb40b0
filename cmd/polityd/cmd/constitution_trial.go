package cmd

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmttypes "github.com/cometbft/cometbft/types"
	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/app/constitution/file"
)

// trialChainID names the throwaway chain a constitution is started on.
const trialChainID = "polity-constitution-trial"

// trialOptions are the node options app.New reads: only its home.
type trialOptions map[string]any

func (o trialOptions) Get(key string) any { return o[key] }

// trialStart starts the genesis state on a throwaway in-memory application,
// as a node's first start would, and runs its first block: InitChain (every
// module's InitGenesis), a validator set CometBFT can use, then block 1's
// FinalizeBlock and Commit. Module ValidateGenesis checks each module alone;
// this is what makes "a constitution that validates always yields a genesis
// that starts" hold for any file, not only the shipped ones.
func trialStart(state map[string]json.RawMessage, genesisTime time.Time, params *cmttypes.ConsensusParams) (problems file.Problems) {
	fail := func(format string, args ...any) file.Problems {
		return file.Problems{{Path: "genesis", Msg: "the chain would not start: " + fmt.Sprintf(format, args...)}}
	}
	home, err := os.MkdirTemp("", "polity-trial-")
	if err != nil {
		return fail("%v", err)
	}
	defer os.RemoveAll(home)
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				r = e.Error() // the message, without the location a wrapped error prints with %v
			}
			problems = fail("%v", r)
		}
	}()
	a := app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, true, trialOptions{"home": home}, baseapp.SetChainID(trialChainID))
	defer a.Close()
	appState, err := json.Marshal(state)
	if err != nil {
		return fail("%v", err)
	}
	cp := params.ToProto()
	res, err := a.InitChain(&abci.RequestInitChain{
		ChainId: trialChainID, Time: genesisTime, InitialHeight: 1, AppStateBytes: appState, ConsensusParams: &cp,
	})
	if err != nil {
		return fail("InitChain: %v", err)
	}
	if len(res.Validators) == 0 {
		return fail("no validator has power, so no block could be made")
	}
	if _, err := a.FinalizeBlock(&abci.RequestFinalizeBlock{Height: 1, Time: genesisTime.Add(time.Second)}); err != nil {
		return fail("block 1: %v", err)
	}
	if _, err := a.Commit(); err != nil {
		return fail("commit of block 1: %v", err)
	}
	return nil
}
