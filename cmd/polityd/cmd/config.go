package cmd

import (
	"time"

	cmtcfg "github.com/cometbft/cometbft/config"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/polity-chain/polity/app"
)

// initCometConfig returns the CometBFT defaults for new homes. Production
// nodes keep a 5s commit timeout; local networks lower it (scripts/).
// CometBFT's Prometheus metrics are on, on loopback only: an operator
// scrapes them locally or through their own proxy.
func initCometConfig() *cmtcfg.Config {
	cfg := cmtcfg.DefaultConfig()
	cfg.Consensus.TimeoutCommit = 5 * time.Second
	cfg.Instrumentation.Prometheus = true
	cfg.Instrumentation.PrometheusListenAddr = DefaultPrometheusAddr
	// Polity's app-side mempool (app/mempool.go): CheckTx outside
	// CometBFT's lock, signatures checked on a free core.
	cfg.Mempool.Type = app.MempoolTypeApp
	return cfg
}

// DefaultPrometheusAddr is where a new node serves CometBFT's metrics.
const DefaultPrometheusAddr = "127.0.0.1:26660"

// Snapshot defaults: every node serves state sync, so a joining node
// restores a recent height in seconds instead of replaying every block.
// Snapshots are taken every SnapshotInterval blocks (about 80 minutes at
// 5s blocks) and the last SnapshotKeepRecent are kept.
const (
	SnapshotInterval   = 1000
	SnapshotKeepRecent = 2
)

// TelemetryRetentionSeconds is how long the telemetry sink keeps a metric
// that stopped being updated (a queue that no longer fails, say).
const TelemetryRetentionSeconds = 600

// DefaultMinGasPrices is a new node's minimum gas price. With a zero price
// every member, director and operator (who pay no open-door fee) could fill
// the mempool and blocks for free; 0.025upolity makes a typical 200,000-gas
// transaction cost 5,000upolity, and a 2,000,000-gas proposal 50,000. It is
// node-local (CheckTx only), so operators may raise it; local test networks
// (scripts/configure-node.sh, e2e) set 0 to keep their commands short.
const DefaultMinGasPrices = "0.025upolity"

// IAVLCacheSize is a new node's IAVL node cache, per store, in nodes. The
// SDK's default, 781,250, lets each store's cache grow with every block's new
// nodes until the node holds hundreds of megabytes of them, all of which the
// garbage collector scans; Polity's hot state (accounts, memberships, open
// motions and their tallies) fits far smaller. Under the vote load 50,000 gave
// lower peak RSS (630-672 MiB against 706-1,112) at no lower a rate (1,898 and
// 2,009 tx/s against 1,709 and 1,870; docs/benchmarks.md). Node-local: an
// operator serving heavy historical queries may raise it.
const IAVLCacheSize = 50_000

// initAppConfig returns app.toml's defaults: fees in upolity at a non-zero
// minimum gas price, the REST and gRPC servers on so that explorers and the
// CLI can reach a fresh node, the OpenAPI document and Swagger UI served with
// the REST routes (/openapi.yaml, /swagger/), state-sync snapshots served,
// only the searchable event attributes indexed, and a bounded IAVL cache.
func initAppConfig() (string, any) {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = DefaultMinGasPrices
	cfg.API.Enable = true
	cfg.API.Address = "tcp://127.0.0.1:1317"
	cfg.API.Swagger = true
	cfg.GRPC.Address = "127.0.0.1:9090"
	cfg.StateSync.SnapshotInterval = SnapshotInterval
	cfg.StateSync.SnapshotKeepRecent = SnapshotKeepRecent
	// Index what explorers search (app.IndexedEvents), not every attribute.
	cfg.IndexEvents = app.IndexedEvents()
	cfg.IAVLCacheSize = IAVLCacheSize
	// App telemetry on, with a Prometheus sink: the SDK's metrics and
	// Polity's EndBlock failures (polity_queue_item_failed) are served with
	// CometBFT's on prometheus_listen_addr and at the REST server's
	// /metrics?format=prometheus.
	cfg.Telemetry.Enabled = true                                      //nolint:staticcheck // the SDK's telemetry config until it moves to OpenTelemetry
	cfg.Telemetry.PrometheusRetentionTime = TelemetryRetentionSeconds //nolint:staticcheck // as above
	return serverconfig.DefaultConfigTemplate, cfg
}
