package cmd

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/server"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/polity-chain/polity/app"
	ctypes "github.com/polity-chain/polity/x/community/types"
)

// genesisCommand groups the genesis tools. Polity has no staking, so there are
// no gentxs: validators come from the constitution.
func genesisCommand(a *app.App) *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "genesis",
		Short:                      "Build and check the genesis file (the constitution)",
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	ac := a.TxConfig().SigningContext().AddressCodec()
	cmd.AddCommand(
		constitutionCmd(a),
		addValidatorCmd(),
		recoverCmd(),
		genutilcli.AddGenesisAccountCmd(app.DefaultNodeHome, ac),
		genutilcli.AddBulkGenesisAccountCmd(app.DefaultNodeHome, ac),
		genutilcli.ValidateGenesisCmd(a.BasicModuleManager),
	)
	return cmd
}

// genesisFile reads the home's genesis file.
func genesisFile(cmd *cobra.Command) (string, *genutiltypes.AppGenesis, map[string]json.RawMessage, error) {
	cfg := server.GetServerContextFromCmd(cmd).Config
	cfg.SetRoot(client.GetClientContextFromCmd(cmd).HomeDir)
	path := cfg.GenesisFile()
	doc, err := genutiltypes.AppGenesisFromFile(path)
	if err != nil {
		return "", nil, nil, fmt.Errorf("read %s (run polityd init first): %w", path, err)
	}
	var state map[string]json.RawMessage
	if err := json.Unmarshal(doc.AppState, &state); err != nil {
		return "", nil, nil, err
	}
	return path, doc, state, nil
}

// writeGenesis stores the app state back into the genesis file.
func writeGenesis(path string, doc *genutiltypes.AppGenesis, state map[string]json.RawMessage) error {
	raw, err := json.MarshalIndent(state, "", " ")
	if err != nil {
		return err
	}
	doc.AppState = raw
	return genutil.ExportGenesisFile(doc, path)
}

// parseValidatorFlag reads "community,moniker,key[,power[,operator-key]]",
// key in any form of consensusKeyForms but inline JSON (it holds a comma).
func parseValidatorFlag(s string) (community, moniker, key string, power int64, operator string, err error) {
	parts := strings.Split(s, ",")
	if len(parts) < 3 || len(parts) > 5 {
		return "", "", "", 0, "", fmt.Errorf("--validator %q: want community,moniker,key[,power[,operator-key]] (key: a file with show-validator output, base64, or a node home)", s)
	}
	power = 10
	if len(parts) > 3 && parts[3] != "" {
		if power, err = strconv.ParseInt(parts[3], 10, 64); err != nil {
			return "", "", "", 0, "", fmt.Errorf("--validator %q: power: %w", s, err)
		}
	}
	if len(parts) > 4 {
		operator = parts[4]
	}
	return parts[0], parts[1], parts[2], power, operator, nil
}

// addAccounts gives each address an auth account (so it can sign) and its
// balance, keeping the bank supply equal to the sum of balances.
func addAccounts(cdc codec.Codec, state map[string]json.RawMessage, balances []banktypes.Balance) error {
	authGen := authtypes.GetGenesisStateFromAppState(cdc, state)
	accounts, err := authtypes.UnpackAccounts(authGen.Accounts)
	if err != nil {
		return err
	}
	bankGen := banktypes.GetGenesisStateFromAppState(cdc, state)
	for _, b := range balances {
		addr, err := sdk.AccAddressFromBech32(b.Address)
		if err != nil {
			return err
		}
		if accounts.Contains(addr) {
			return fmt.Errorf("account %s is already in genesis", b.Address)
		}
		accounts = append(accounts, authtypes.NewBaseAccount(addr, nil, uint64(len(accounts)), 0))
		bankGen.Balances = append(bankGen.Balances, b)
		bankGen.Supply = bankGen.Supply.Add(b.Coins...)
	}
	packed, err := authtypes.PackAccounts(authtypes.SanitizeGenesisAccounts(accounts))
	if err != nil {
		return err
	}
	authGen.Accounts = packed
	bankGen.Balances = banktypes.SanitizeGenesisBalances(bankGen.Balances)
	if state[authtypes.ModuleName], err = cdc.MarshalJSON(&authGen); err != nil {
		return err
	}
	state[banktypes.ModuleName], err = cdc.MarshalJSON(bankGen)
	return err
}

// addValidatorCmd adds one validator to the constitution already in genesis.
func addValidatorCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "add-validator [community-id] [moniker] [consensus-pubkey]",
		Short: "Add a validator run by a community to the genesis constitution",
		Long: `Add a validator to genesis. Its consensus key is ` + consensusKeyForms + `
The community must already be in genesis. The 1/3 power cap (each top-level community with its
sub-communities) and the rule that an operator or consensus key serves one
community only are checked by "polityd genesis validate".`,
		Example: `polityd genesis add-validator ops node1 "$(polityd comet show-validator --home ~/.polity-node1)" --power 10 --operator polity1...
polityd genesis add-validator ops node1 node1-pubkey.json --power 10 --operator polity1...`,
		Args: cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx := client.GetClientContextFromCmd(cmd)
			path, doc, state, err := genesisFile(cmd)
			if err != nil {
				return err
			}
			var gs ctypes.GenesisState
			if err := clientCtx.Codec.UnmarshalJSON(state[ctypes.ModuleName], &gs); err != nil {
				return err
			}
			pk, err := parseConsensusKey(args[2])
			if err != nil {
				return err
			}
			operator, _ := cmd.Flags().GetString("operator")
			if _, err := sdk.AccAddressFromBech32(operator); err != nil {
				return fmt.Errorf("--operator: %w", err)
			}
			power, _ := cmd.Flags().GetInt64("power")
			pkAny, err := codectypes.NewAnyWithValue(pk)
			if err != nil {
				return err
			}
			now := time.Now().UTC()
			gs.Validators = append(gs.Validators, ctypes.Validator{
				ConsensusAddress: sdk.ConsAddress(pk.Address()).String(), Operator: operator, CommunityId: args[0],
				Moniker: args[1], ConsensusPubkey: pkAny, Power: power, Status: ctypes.ValidatorActive,
				Audit: ctypes.Audit{CreatedAt: now, UpdatedAt: now},
			})
			if state[ctypes.ModuleName], err = clientCtx.Codec.MarshalJSON(&gs); err != nil {
				return err
			}
			return writeGenesis(path, doc, state)
		},
	}
	cmd.Flags().Int64("power", 10, "consensus voting power")
	cmd.Flags().String("operator", "", "account that operates the node (required)")
	cmd.Flags().String(flags.FlagHome, app.DefaultNodeHome, "the genesis node's home directory")
	_ = cmd.MarkFlagRequired("operator")
	return cmd
}
