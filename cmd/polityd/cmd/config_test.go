package cmd

import (
	"testing"

	"github.com/stretchr/testify/require"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app"
)

// TestDefaultMinGasPrices checks that a new node refuses free transactions:
// members pay no open-door fee, so the gas price is what their spam costs.
func TestDefaultMinGasPrices(t *testing.T) {
	_, raw := initAppConfig()
	cfg, ok := raw.(*serverconfig.Config)
	require.True(t, ok)
	prices, err := sdk.ParseDecCoins(cfg.MinGasPrices)
	require.NoError(t, err)
	require.False(t, prices.IsZero(), "minimum-gas-prices %q", cfg.MinGasPrices)
	require.True(t, prices.AmountOf("upolity").IsPositive())
}

// TestNodesServeStateSyncAndMetrics: a new node takes state-sync snapshots,
// serves CometBFT's Prometheus metrics on loopback only, and has the app's
// telemetry on with a Prometheus sink.
func TestNodesServeStateSyncAndMetrics(t *testing.T) {
	_, raw := initAppConfig()
	cfg := raw.(*serverconfig.Config)
	require.Positive(t, cfg.StateSync.SnapshotInterval)
	require.Positive(t, cfg.StateSync.SnapshotKeepRecent)
	comet := initCometConfig()
	require.True(t, comet.Instrumentation.Prometheus)
	require.Equal(t, "127.0.0.1:26660", comet.Instrumentation.PrometheusListenAddr)
	require.True(t, cfg.Telemetry.Enabled)                     //nolint:staticcheck // the SDK's telemetry config
	require.Positive(t, cfg.Telemetry.PrometheusRetentionTime) //nolint:staticcheck // as above
}

// TestIAVLCacheBounded: a new node's app.toml bounds each store's IAVL cache
// below the SDK's default, so the node's memory does not grow with every
// block's new tree nodes up to hundreds of megabytes.
func TestIAVLCacheBounded(t *testing.T) {
	_, raw := initAppConfig()
	cfg := raw.(*serverconfig.Config)
	require.Equal(t, uint64(IAVLCacheSize), cfg.IAVLCacheSize)
	require.Positive(t, cfg.IAVLCacheSize)
	require.Less(t, cfg.IAVLCacheSize, serverconfig.DefaultConfig().IAVLCacheSize)
}

// TestMempoolIsTheApps: a new node runs Polity's app-side mempool, and the
// config it writes passes CometBFT's own validation.
func TestMempoolIsTheApps(t *testing.T) {
	cfg := initCometConfig()
	require.Equal(t, app.MempoolTypeApp, cfg.Mempool.Type)
	require.True(t, cfg.Consensus.CreateEmptyBlocks, "the app mempool never signals waiting transactions")
	require.NoError(t, cfg.ValidateBasic())
}
