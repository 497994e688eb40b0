package app_test

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/app"
)

// TestDashboardNamesRealMetrics: every polity_ metric the shipped Grafana
// dashboard (docs/grafana) queries is one the node exports, so the
// dashboard does not silently show empty panels after a rename.
func TestDashboardNamesRealMetrics(t *testing.T) {
	raw, err := os.ReadFile("../docs/grafana/polity-dashboard.json")
	require.NoError(t, err)
	var dash struct {
		Panels []struct {
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	require.NoError(t, json.Unmarshal(raw, &dash))
	require.NotEmpty(t, dash.Panels)

	exported := map[string]bool{"polity_queue_item_failed": true} // telemetry counter (internal/blockutil)
	descs := make(chan *prometheus.Desc, 32)
	app.NewGovernanceMetrics(nil).Describe(descs)
	close(descs)
	name := regexp.MustCompile(`fqName: "([a-z_]+)"`)
	for d := range descs {
		m := name.FindStringSubmatch(d.String())
		require.Len(t, m, 2, d.String())
		exported[m[1]] = true
	}
	metric := regexp.MustCompile(`polity_[a-z_]+`)
	for _, p := range dash.Panels {
		require.NotEmpty(t, p.Targets, p.Title)
		for _, target := range p.Targets {
			for _, used := range metric.FindAllString(target.Expr, -1) {
				require.True(t, exported[used], "panel %q queries %s, which the node does not export (%s)", p.Title, used,
					strings.Join(keys(exported), ", "))
			}
		}
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
