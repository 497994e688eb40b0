package cmd

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/polity-chain/polity/app/constitution"
	"github.com/polity-chain/polity/app/constitution/file"
	ctypes "github.com/polity-chain/polity/x/community/types"
	etypes "github.com/polity-chain/polity/x/empowered/types"
	ptypes "github.com/polity-chain/polity/x/proposals/types"
	rtypes "github.com/polity-chain/polity/x/review/types"
)

// runFromExport writes the constitution file of an exported genesis.
func runFromExport(cmd *cobra.Command, path, output string) error {
	clientCtx := client.GetClientContextFromCmd(cmd)
	doc, err := genutiltypes.AppGenesisFromFile(path)
	if err != nil {
		return err
	}
	known, err := keyringNames(cmd, clientCtx)
	if err != nil {
		return err
	}
	f, err := constitutionOfExport(clientCtx.Codec, doc, known)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	data, err := file.Marshal(f)
	if err != nil {
		return err
	}
	header := []byte("# Constitution of chain " + doc.ChainID + ", from " + path + " (polityd genesis constitution --from-export).\n" +
		"# Keys are the chain's accounts by address, named by the keyring where it has them and otherwise by\n" +
		"# what they hold (director-nomcom-seat-3, gnso-chair); check with --check.\n")
	return writeOut(cmd, output, append(header, data...))
}

// constitutionOfExport reads Polity's modules and the bank balances of an
// exported genesis and describes them as a constitution file.
func constitutionOfExport(cdc codec.Codec, doc *genutiltypes.AppGenesis, known map[string]string) (*file.File, error) {
	var state map[string]json.RawMessage
	if err := json.Unmarshal(doc.AppState, &state); err != nil {
		return nil, err
	}
	res := constitution.Result{Community: &ctypes.GenesisState{}, Proposals: &ptypes.GenesisState{}, Review: &rtypes.GenesisState{}, Empowered: &etypes.GenesisState{}}
	for _, m := range []struct {
		name string
		into codec.ProtoMarshaler
	}{
		{ctypes.ModuleName, res.Community}, {ptypes.ModuleName, res.Proposals}, {rtypes.ModuleName, res.Review}, {etypes.ModuleName, res.Empowered},
	} {
		raw, ok := state[m.name]
		if !ok {
			return nil, fmt.Errorf("no %s state: not a Polity genesis", m.name)
		}
		if err := cdc.UnmarshalJSON(raw, m.into); err != nil {
			return nil, fmt.Errorf("%s state: %w", m.name, err)
		}
	}
	res.Balances = banktypes.GetGenesisStateFromAppState(cdc, state).Balances
	return file.FromGenesisNamed(res, known)
}

// keyringNames are the names of the keys in the keyring given with
// --keyring-backend (and --home or --keyring-dir), by address: the exported
// file names those accounts as the operator does. Without the flag no
// keyring is opened (the default os backend may ask for a passphrase).
func keyringNames(cmd *cobra.Command, clientCtx client.Context) (map[string]string, error) {
	if !cmd.Flags().Changed(flags.FlagKeyringBackend) || clientCtx.Keyring == nil {
		return nil, nil
	}
	records, err := clientCtx.Keyring.List()
	if err != nil {
		return nil, fmt.Errorf("keyring: %w", err)
	}
	known := map[string]string{}
	for _, r := range records {
		addr, err := r.GetAddress()
		if err != nil {
			return nil, fmt.Errorf("keyring key %s: %w", r.Name, err)
		}
		known[addr.String()] = r.Name
	}
	return known, nil
}

// writeOut writes data to output, or to standard output when it is empty.
func writeOut(cmd *cobra.Command, output string, data []byte) error {
	if output == "" {
		_, err := cmd.OutOrStdout().Write(data)
		return err
	}
	return os.WriteFile(output, data, 0o644)
}

// placeholderConsKey stands in for this node's key under --check when the
// home has none yet.
func placeholderConsKey() cryptotypes.PubKey {
	return ed25519.GenPrivKeyFromSecret([]byte("polity constitution check")).PubKey()
}
