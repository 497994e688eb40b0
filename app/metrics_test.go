package app_test

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/app"
)

// TestGovernanceMetrics scrapes the collector after a short simulation: every
// family is there, the state was read, and each genesis validator reports
// its power and missed blocks.
func TestGovernanceMetrics(t *testing.T) {
	a := newSimApp(t)
	runSim(t, a, simConfig(t, 42, 10, 10))
	reg := prometheus.NewRegistry()
	reg.MustRegister(app.NewGovernanceMetrics(a.App))
	families, err := reg.Gather()
	require.NoError(t, err)
	byName := map[string][]float64{}
	powered := 0
	for _, f := range families {
		for _, m := range f.GetMetric() {
			byName[f.GetName()] = append(byName[f.GetName()], m.GetGauge().GetValue())
			if f.GetName() == "polity_validator_power" && m.GetGauge().GetValue() > 0 {
				powered++
			}
			// a rotated validator keeps moniker and community: the address
			// keeps the series apart
			if strings.HasPrefix(f.GetName(), "polity_validator_") {
				labels := map[string]string{}
				for _, l := range m.GetLabel() {
					labels[l.GetName()] = l.GetValue()
				}
				require.True(t, strings.HasPrefix(labels["consensus_address"], "polityvalcons1"), "%s labels %v", f.GetName(), labels)
			}
		}
	}
	for _, name := range []string{"polity_motions", "polity_proposals", "polity_ec_actions", "polity_irps", "polity_queue_depth",
		"polity_validator_power", "polity_validator_missed_blocks_total", "polity_validator_down", "polity_bootstrap_mode",
		"polity_mempool_txs", "polity_mempool_bytes", "polity_mempool_waiting", "polity_mempool_sequence_waits_total"} {
		require.NotEmpty(t, byName[name], "metric %s", name)
	}
	require.Equal(t, []float64{0}, byName["polity_metrics_scrape_error"], "the state was read")
	require.GreaterOrEqual(t, powered, 1, "active validators report their power")
	require.Len(t, byName["polity_queue_depth"], 6)
	ctx, err := a.CreateQueryContext(0, false)
	require.NoError(t, err)
	params, err := a.CommunityKeeper.GetParams(ctx)
	require.NoError(t, err)
	want := 0.0
	if params.Bootstrap {
		want = 1
	}
	require.Equal(t, []float64{want}, byName["polity_bootstrap_mode"], "bootstrap mode as params say (%v)", params.Bootstrap)
	require.Equal(t, []float64{0}, byName["polity_mempool_txs"], "the simulation's node runs CometBFT's mempool")
	require.Equal(t, []float64{0}, byName["polity_mempool_waiting"], "nothing waits without the app-side mempool")
}
