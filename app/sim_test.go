package app_test

import (
	"encoding/json"
	"fmt"
	"testing"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/header"
)

// The simulation: x/simulation's SimulateFromSeed drives the app with
// Polity's genesis (the default constitution, sim_state_test.go) and every
// module's random operations, as real signed transactions through the ante
// handler; every invariant is checked after every block (sim_harness_test.go).
//
// The short run below is part of `go test ./...`. `make sim` runs a long one:
// SIM_BLOCKS blocks of SIM_BLOCK_SIZE operations for SIM_SEEDS seeds.

// TestAppSimulation is a short seeded run of a few hundred operations.
func TestAppSimulation(t *testing.T) {
	a := newSimApp(t)
	counts := runSim(t, a, simConfig(t, 42, envInt("SIM_BLOCKS", 30), envInt("SIM_BLOCK_SIZE", 15)))
	// A run whose operations all failed would check only an idle chain.
	require.GreaterOrEqual(t, counts["validators"], len(simValidatorCommunities), "genesis validators")
	require.Positive(t, counts.withPrefix("motion MOTION_STATUS_"), "motions submitted: %s", counts)
	require.Positive(t, counts.withPrefix("proposal PROPOSAL_STATUS_"), "proposals submitted: %s", counts)
	require.Positive(t, counts["motion MOTION_STATUS_PASSED"], "motions passed and executed: %s", counts)
	require.Positive(t, counts["proposal PROPOSAL_STATUS_RATIFIED"], "proposals carried through the Board and the EC window: %s", counts)
	require.Positive(t, counts.withPrefix("irp "), "review cases filed: %s", counts)
	require.Positive(t, counts.withPrefix("party "), "external parties registered by the secretariat: %s", counts)
	require.Positive(t, counts.pastNomination(), "periodic reviews past nomination: %s", counts)
	require.Positive(t, counts.paramsAccepted(), "params changes the Board accepted: %s", counts)
}

// TestAppSimulationLong runs several seeds for many blocks; set SIM_LONG=1
// (make sim) to run it.
func TestAppSimulationLong(t *testing.T) {
	if envInt("SIM_LONG", 0) == 0 {
		t.Skip("set SIM_LONG=1, or run make sim")
	}
	for seed := int64(1); seed <= int64(envInt("SIM_SEEDS", 3)); seed++ {
		t.Run(fmt.Sprintf("seed-%d", seed), func(t *testing.T) {
			a := newSimApp(t)
			runSim(t, a, simConfig(t, seed, envInt("SIM_BLOCKS", 400), envInt("SIM_BLOCK_SIZE", 30)))
			t.Logf("seed %d: %d blocks checked", seed, a.checked)
		})
	}
}

// TestAppImportExport simulates, exports the state, imports it into a fresh
// app and exports again: every module's genesis must come back the same, and
// the imported state must keep every invariant (the queues and counters that
// import derives included).
func TestAppImportExport(t *testing.T) {
	a := newSimApp(t)
	runSim(t, a, simConfig(t, int64(envInt("SIM_EXPORT_SEED", 7)), envInt("SIM_EXPORT_BLOCKS", 20), 15))

	exported, err := a.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	var state map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(exported.AppState, &state))

	b := newSimApp(t)
	last := a.NewContext(true)
	ctx := b.NewContextLegacy(true, cmtproto.Header{Height: a.LastBlockHeight(), ChainID: simChainID, Time: last.BlockTime()}).
		WithHeaderInfo(header.Info{Height: a.LastBlockHeight(), ChainID: simChainID, Time: last.BlockTime()})
	_, err = b.ModuleManager.InitGenesis(ctx, b.AppCodec(), state)
	require.NoError(t, err)
	again, err := b.ModuleManager.ExportGenesisForModules(ctx, b.AppCodec(), nil)
	require.NoError(t, err)
	require.Len(t, again, len(state))
	for name, want := range state {
		require.JSONEq(t, string(want), string(again[name]), "module %s changed across export → import → export", name)
	}
	require.NoError(t, checkInvariants(ctx, b.InvariantRoutes()))
}
