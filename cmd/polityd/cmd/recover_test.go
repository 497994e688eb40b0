package cmd

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	ctypes "github.com/polity-chain/polity/x/community/types"
)

// haltedExport is an export of the test constitution's chain at height 41,
// with every validator also in CometBFT's list.
func haltedExport(t *testing.T) (client.Context, *genutiltypes.AppGenesis) {
	registry := codectypes.NewInterfaceRegistry()
	cryptocodec.RegisterInterfaces(registry)
	ctypes.RegisterInterfaces(registry)
	cdc := codec.NewProtoCodec(registry)
	gs := keepertest.Constitution(t, false)
	raw, err := cdc.MarshalJSON(gs)
	require.NoError(t, err)
	state, err := json.Marshal(map[string]json.RawMessage{ctypes.ModuleName: raw})
	require.NoError(t, err)
	doc := &genutiltypes.AppGenesis{ChainID: "polity-test", InitialHeight: 42, AppState: state, Consensus: &genutiltypes.ConsensusGenesis{}}
	for _, v := range gs.Validators {
		pk := keepertest.ConsKey(v.Moniker)
		cmtPk, err := cryptocodec.ToCmtPubKeyInterface(pk)
		require.NoError(t, err)
		doc.Consensus.Validators = append(doc.Consensus.Validators, cmttypes.GenesisValidator{Address: cmtPk.Address(), PubKey: cmtPk, Power: v.Power, Name: v.Moniker})
	}
	return client.Context{}.WithCodec(cdc), doc
}

// TestRecoverDropsLostValidators: two of the four validators are lost; the
// recovered genesis keeps their records as removed with power 0, lists only
// the survivors for CometBFT, is dated now and switches bootstrap on because
// two validators each hold half the power.
func TestRecoverDropsLostValidators(t *testing.T) {
	clientCtx, doc := haltedExport(t)
	lost := []string{doc.Consensus.Validators[2].Name, doc.Consensus.Validators[3].Name}
	drops := []string{keepertest.ConsAddr(lost[0]), keepertest.ConsAddr(lost[1])}
	now := time.Date(2026, 12, 6, 1, 0, 0, 0, time.UTC)

	notes, err := recoverGenesis(clientCtx, doc, drops, now)
	require.NoError(t, err)
	require.Len(t, notes, 1)
	require.Contains(t, notes[0], "bootstrap mode switched ON")
	require.Equal(t, now, doc.GenesisTime)
	require.Equal(t, int64(42), doc.InitialHeight, "heights continue after the halt")
	require.Len(t, doc.Consensus.Validators, 2)

	var state map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(doc.AppState, &state))
	var gs ctypes.GenesisState
	require.NoError(t, clientCtx.Codec.UnmarshalJSON(state[ctypes.ModuleName], &gs))
	require.True(t, gs.Params.Bootstrap)
	// Why and when are on record, for the node's start warning.
	for _, want := range []string{"polityd genesis recover", "2026-12-06T01:00:00Z", "after height 41", drops[0], drops[1], "power"} {
		require.Contains(t, gs.Params.BootstrapNote, want)
	}
	require.Contains(t, gs.Params.BootstrapWarning(), gs.Params.BootstrapNote)
	require.Len(t, gs.Validators, 4, "records are kept")
	for _, v := range gs.Validators {
		gone := v.Moniker == lost[0] || v.Moniker == lost[1]
		if gone {
			require.Equal(t, ctypes.ValidatorRemoved, v.Status, v.Moniker)
			require.Zero(t, v.Power, v.Moniker)
			require.Equal(t, int64(41), v.Audit.UpdatedHeight)
		} else {
			require.Equal(t, ctypes.ValidatorActive, v.Status, v.Moniker)
		}
	}
}

// TestRecoverRefusesBadDrops: unknown, malformed, already removed or every
// validator: a clear error, nothing written.
func TestRecoverRefusesBadDrops(t *testing.T) {
	clientCtx, doc := haltedExport(t)
	all := []string{}
	for _, v := range doc.Consensus.Validators {
		all = append(all, keepertest.ConsAddr(v.Name))
	}
	for name, tc := range map[string]struct {
		drops []string
		says  string
	}{
		"unknown":         {[]string{keepertest.ConsAddr("nowhere-node")}, "no such validator"},
		"malformed":       {[]string{"polityvalcons1nope"}, "--drop"},
		"dropped twice":   {[]string{all[0], all[0]}, "not active"},
		"every validator": {all, "every active validator"},
	} {
		_, doc := haltedExport(t)
		before := string(doc.AppState)
		_, err := recoverGenesis(clientCtx, doc, tc.drops, time.Now())
		require.ErrorContains(t, err, tc.says, name)
		require.Equal(t, before, string(doc.AppState), name)
	}
}

// TestBootstrapNoteBounded: a long reason is cut to the 1,000 bytes params
// accept, never inside a character.
func TestBootstrapNoteBounded(t *testing.T) {
	require.Equal(t, "short", bootstrapNote("short"))
	long := bootstrapNote(strings.Repeat("x", 996) + "éééé")
	require.LessOrEqual(t, len(long), 1000)
	require.True(t, utf8.ValidString(long))
	require.True(t, strings.HasSuffix(long, "..."))
}
