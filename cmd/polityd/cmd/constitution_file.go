package cmd

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/polity-chain/polity/app/constitution"
	"github.com/polity-chain/polity/app/constitution/file"
	ctypes "github.com/polity-chain/polity/x/community/types"
	etypes "github.com/polity-chain/polity/x/empowered/types"
	ptypes "github.com/polity-chain/polity/x/proposals/types"
	rtypes "github.com/polity-chain/polity/x/review/types"
)

const (
	flagFile       = "file"
	flagExample    = "example"
	flagCheck      = "check"
	flagFromExport = "from-export"
	flagOutput     = "output"
)

// selfKey is the consensus_key that names this node's own key.
const selfKey = "self"

// windowFlags are the flags that, set explicitly, override a file's windows.
var windowFlags = []struct {
	flag  string
	field func(*file.Windows) *string
}{
	{flagVotingPeriod, func(w *file.Windows) *string { return &w.Voting }},
	{flagComment, func(w *file.Windows) *string { return &w.Comment }},
	{flagEC, func(w *file.Windows) *string { return &w.EC }},
	{flagChallenge, func(w *file.Windows) *string { return &w.Challenge }},
	{flagForum, func(w *file.Windows) *string { return &w.Forum }},
	{flagAdvice, func(w *file.Windows) *string { return &w.Advice }},
	{flagReview, func(w *file.Windows) *string { return &w.Review }},
}

// readConstitution reads --file (or --check) and applies the flags that
// override it: window flags, --bootstrap and --validator.
func readConstitution(cmd *cobra.Command, path string) (*file.File, error) {
	f, err := file.Read(path)
	if err != nil {
		return nil, err
	}
	for _, w := range windowFlags {
		if cmd.Flags().Changed(w.flag) {
			d, _ := cmd.Flags().GetDuration(w.flag)
			*w.field(&f.Windows) = file.FormatDuration(d)
		}
	}
	if cmd.Flags().Changed(flagBootstrap) {
		f.Bootstrap, _ = cmd.Flags().GetBool(flagBootstrap)
	}
	if flagsIn, _ := cmd.Flags().GetStringArray(flagValidator); len(flagsIn) > 0 {
		f.Validators = nil
		for _, s := range flagsIn {
			community, moniker, key, power, operator, err := parseValidatorFlag(s)
			if err != nil {
				return nil, err
			}
			f.Validators = append(f.Validators, file.Validator{Moniker: moniker, Community: community, ConsensusKey: key, Operator: operator, Power: power})
		}
	}
	return f, nil
}

// consensusKeyReader reads a validator's consensus_key: "self" is the key of
// the node at home; with placeholder set (--check), a node without a key yet
// gets a stand-in so the rest of the file can still be checked.
func consensusKeyReader(home string, placeholder bool) func(string) (cryptotypes.PubKey, error) {
	return func(s string) (cryptotypes.PubKey, error) {
		if strings.TrimSpace(s) == selfKey {
			pk, err := nodePubKey(home)
			if err != nil && placeholder {
				return placeholderConsKey(), nil
			}
			return pk, err
		}
		return parseConsensusKey(s)
	}
}

// buildFromFile compiles f and checks the whole application genesis it
// yields (every module's ValidateGenesis, auth and bank included) on top of
// state. Nothing is written.
func buildFromFile(cdc codec.Codec, basics module.BasicManager, txCfg client.TxEncodingConfig, f *file.File, env file.Env, state map[string]json.RawMessage) error {
	res, err := file.Compile(f, env)
	if err != nil {
		return err
	}
	if err := putResult(cdc, state, res); err != nil {
		return err
	}
	return validateModules(cdc, basics, txCfg, state).Err()
}

// validateModules runs every module's genesis validation on state, in module
// name order, and reports each failure at genesis.<module>: all of them, not
// only the first (the SDK's BasicManager stops at one, in map order).
func validateModules(cdc codec.Codec, basics module.BasicManager, txCfg client.TxEncodingConfig, state map[string]json.RawMessage) file.Problems {
	var ps file.Problems
	for _, name := range slices.Sorted(maps.Keys(basics)) {
		mod, ok := basics[name].(module.HasGenesisBasics)
		if !ok {
			continue
		}
		if err := mod.ValidateGenesis(cdc, txCfg, state[name]); err != nil {
			ps = append(ps, file.Problem{Path: "genesis." + name, Msg: err.Error()})
		}
	}
	return ps
}

// putResult writes the constitution's modules and accounts into state.
func putResult(cdc codec.Codec, state map[string]json.RawMessage, res constitution.Result) error {
	var err error
	if state[ctypes.ModuleName], err = cdc.MarshalJSON(res.Community); err != nil {
		return err
	}
	if state[ptypes.ModuleName], err = cdc.MarshalJSON(res.Proposals); err != nil {
		return err
	}
	if state[rtypes.ModuleName], err = cdc.MarshalJSON(res.Review); err != nil {
		return err
	}
	if state[etypes.ModuleName], err = cdc.MarshalJSON(res.Empowered); err != nil {
		return err
	}
	return addAccounts(cdc, state, res.Balances)
}

// fileKeys returns every key's account: the given address, or the keyring's
// key (created if missing). With check set, no keyring is touched: keys not
// in it get placeholder accounts.
func fileKeys(clientCtx client.Context, f *file.File, check bool) (map[string]sdk.AccAddress, error) {
	addrs := map[string]sdk.AccAddress{}
	for _, name := range file.KeysToCreate(f) {
		if check {
			addrs[name] = file.Placeholder(name)
			if clientCtx.Keyring != nil {
				if rec, err := clientCtx.Keyring.Key(name); err == nil {
					if a, err := rec.GetAddress(); err == nil {
						addrs[name] = a
					}
				}
			}
			continue
		}
		a, err := ensureKey(clientCtx.Keyring, name)
		if err != nil {
			return nil, err
		}
		addrs[name] = a
	}
	return addrs, nil
}

// copyState copies a genesis app state, so that a trial build leaves the
// original untouched.
func copyState(state map[string]json.RawMessage) map[string]json.RawMessage {
	out := make(map[string]json.RawMessage, len(state))
	for k, v := range state {
		out[k] = append(json.RawMessage(nil), v...)
	}
	return out
}

// runFile writes the genesis of --file, or with check only validates it.
func runFile(cmd *cobra.Command, basics module.BasicManager, txCfg client.TxEncodingConfig, path string, check bool) error {
	clientCtx, err := client.GetClientQueryContext(cmd)
	if err != nil {
		return err
	}
	f, err := readConstitution(cmd, path)
	if err != nil {
		return err
	}
	var (
		genPath string
		doc     *genutiltypes.AppGenesis
		state   map[string]json.RawMessage
	)
	if check {
		doc = &genutiltypes.AppGenesis{}
		state = basics.DefaultGenesis(clientCtx.Codec)
	} else if genPath, doc, state, err = genesisFile(cmd); err != nil {
		return err
	}
	if doc.GenesisTime.IsZero() {
		doc.GenesisTime = nowSecond()
	}
	// The file is checked with stand-in accounts before any key is created,
	// so a refused file leaves the keyring as it was.
	standIns, err := fileKeys(clientCtx, f, true)
	if err != nil {
		return err
	}
	probe := file.Env{GenesisTime: doc.GenesisTime, Addresses: standIns, ConsensusKey: consensusKeyReader(clientCtx.HomeDir, check)}
	probeState := copyState(state)
	if err := buildFromFile(clientCtx.Codec, basics, txCfg, f, probe, probeState); err != nil {
		return fmt.Errorf("%s:\n%w", path, err)
	}
	if ps := trialStart(probeState, doc.GenesisTime, constitution.ConsensusParams(consensusParamsOf(doc))); len(ps) > 0 {
		return fmt.Errorf("%s:\n%w", path, ps.Err())
	}
	addrs := standIns
	if !check {
		if addrs, err = fileKeys(clientCtx, f, false); err != nil {
			return err
		}
		env := file.Env{GenesisTime: doc.GenesisTime, Addresses: addrs, ConsensusKey: consensusKeyReader(clientCtx.HomeDir, false)}
		if err := buildFromFile(clientCtx.Codec, basics, txCfg, f, env, state); err != nil {
			return fmt.Errorf("%s:\n%w", path, err)
		}
	}
	if check {
		fmt.Fprintf(cmd.OutOrStdout(), "%s: valid\n", path)
		return nil
	}
	if doc.Consensus == nil {
		doc.Consensus = &genutiltypes.ConsensusGenesis{}
	}
	doc.Consensus.Params = constitution.ConsensusParams(doc.Consensus.Params)
	if err := writeGenesis(genPath, doc, state); err != nil {
		return err
	}
	for _, k := range f.Keys {
		addr := k.Address
		if a, ok := addrs[k.Name]; ok {
			addr = a.String()
		}
		fmt.Fprintf(cmd.OutOrStdout(), "%-18s %s\n", k.Name, addr)
	}
	return nil
}

// consensusParamsOf is a copy of the genesis file's consensus params, or nil
// for CometBFT's defaults.
func consensusParamsOf(doc *genutiltypes.AppGenesis) *cmttypes.ConsensusParams {
	if doc.Consensus == nil || doc.Consensus.Params == nil {
		return nil
	}
	p := *doc.Consensus.Params
	return &p
}
