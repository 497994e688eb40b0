package cmd

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/polity-chain/polity/app/constitution"
	"github.com/polity-chain/polity/app/constitution/file/filetest"
)

// writtenGenesis is the genesis --file writes for the dev example.
func writtenGenesis(t *testing.T) (*genutiltypes.AppGenesis, map[string]json.RawMessage) {
	t.Helper()
	path := writeBroken(t, filetest.Bad{Example: "dev"})
	home := freshHome(t)
	out, err := polityd(t, "genesis", "constitution", "--file", path, "--home", home, "--keyring-backend", "test")
	require.NoError(t, err, out)
	doc, err := genutiltypes.AppGenesisFromFile(filepath.Join(home, "config", "genesis.json"))
	require.NoError(t, err)
	var state map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(doc.AppState, &state))
	return doc, state
}

// TestTrialStart: the genesis a file yields is started on a throwaway app
// (InitChain, block 1, commit) before anything is written. What each
// module's ValidateGenesis cannot see is refused at "genesis": a chain whose
// validators have no power, and a module state InitGenesis cannot load; a
// panic inside the application is reported, not raised.
func TestTrialStart(t *testing.T) {
	t.Setenv("POLITYD_HOME", "")
	doc, state := writtenGenesis(t)
	params := constitution.ConsensusParams(consensusParamsOf(doc))
	require.Empty(t, trialStart(state, doc.GenesisTime, params), "the dev example starts")

	noValidators := copyState(state)
	var community map[string]any
	require.NoError(t, json.Unmarshal(noValidators["community"], &community))
	community["validators"] = []any{}
	raw, err := json.Marshal(community)
	require.NoError(t, err)
	noValidators["community"] = raw
	ps := trialStart(noValidators, doc.GenesisTime, params)
	require.Len(t, ps, 1)
	require.Equal(t, "genesis", ps[0].Path)
	require.Contains(t, ps[0].Msg, "the chain would not start: the constitution names no active validator")
	require.NotContains(t, ps[0].Msg, "errors.go", "the message, not the panic's location")

	broken := copyState(state)
	broken["proposals"] = json.RawMessage(`{"params": "not an object"}`)
	ps = trialStart(broken, doc.GenesisTime, params)
	require.Len(t, ps, 1)
	require.Contains(t, ps[0].Msg, "the chain would not start: json: cannot unmarshal")
}
