// Package cmd builds polityd's command tree: the node (init, start, export,
// comet), keys, genesis tooling, queries and transactions.
package cmd

import (
	"os"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/spf13/cobra"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/config"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/server"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/polity-chain/polity/app"
)

// NewRootCmd returns polityd's root command.
func NewRootCmd() *cobra.Command {
	app.SetAddressConfig()
	// A throw-away app instance supplies the codecs and the autocli options.
	tempDir, err := os.MkdirTemp("", "polityd-root")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(tempDir)
	tempApp := app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, false, simtestutil.NewAppOptionsWithFlagHome(tempDir))

	initClientCtx := client.Context{}.
		WithCodec(tempApp.AppCodec()).
		WithInterfaceRegistry(tempApp.InterfaceRegistry()).
		WithTxConfig(tempApp.TxConfig()).
		WithLegacyAmino(tempApp.LegacyAmino()).
		WithInput(os.Stdin).
		WithAccountRetriever(authtypes.AccountRetriever{}).
		WithHomeDir(app.DefaultNodeHome).
		WithViper("POLITYD")

	rootCmd := &cobra.Command{
		Use:           "polityd",
		Short:         "Polity: multi-stakeholder governance on a permissioned Cosmos chain",
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(cmd.OutOrStdout())
			cmd.SetErr(cmd.ErrOrStderr())
			if err := homeFromEnv(cmd); err != nil {
				return err
			}
			ctx := initClientCtx.WithCmdContext(cmd.Context())
			ctx, err := client.ReadPersistentCommandFlags(ctx, cmd.Flags())
			if err != nil {
				return err
			}
			ctx, err = config.ReadFromClientConfig(ctx)
			if err != nil {
				return err
			}
			if err := client.SetCmdClientContextHandler(ctx, cmd); err != nil {
				return err
			}
			appTemplate, appConfig := initAppConfig()
			if err := server.InterceptConfigsPreRunHandler(cmd, appTemplate, appConfig, initCometConfig()); err != nil {
				return err
			}
			return quietGracefulStop(cmd)
		},
	}
	initRootCmd(rootCmd, tempApp)

	autoCliOpts := tempApp.AutoCliOpts()
	autoCliOpts.ClientCtx = initClientCtx
	if err := autoCliOpts.EnhanceRootCommand(rootCmd); err != nil {
		panic(err)
	}
	return rootCmd
}

// homeFromEnv applies $POLITYD_HOME when --home is not given, so that
// `export POLITYD_HOME=~/.polity-localnet` points every command (and, through
// that home's client.toml, its node, chain id and keyring) at a local chain.
func homeFromEnv(cmd *cobra.Command) error {
	home := os.Getenv("POLITYD_HOME")
	if home == "" || cmd.Flags().Lookup(flags.FlagHome) == nil || cmd.Flags().Changed(flags.FlagHome) {
		return nil
	}
	return cmd.Flags().Set(flags.FlagHome, home)
}
