package cmd

import (
	"time"

	cmtcfg "github.com/cometbft/cometbft/config"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
)

// initCometConfig returns the CometBFT defaults for new homes. Production
// nodes keep a 5s commit timeout; local networks lower it (scripts/).
func initCometConfig() *cmtcfg.Config {
	cfg := cmtcfg.DefaultConfig()
	cfg.Consensus.TimeoutCommit = 5 * time.Second
	return cfg
}

// initAppConfig returns app.toml's defaults: fees in upolity, and the REST and
// gRPC servers on so that explorers and the CLI can reach a fresh node.
func initAppConfig() (string, any) {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = "0upolity"
	cfg.API.Enable = true
	cfg.API.Address = "tcp://127.0.0.1:1317"
	cfg.GRPC.Address = "127.0.0.1:9090"
	return serverconfig.DefaultConfigTemplate, cfg
}
