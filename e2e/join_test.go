package e2e

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"
)

// joinPaths are the Polity queries a joined node must answer as the
// network's nodes do.
var joinPaths = []string{
	"/polity/community/v1/communities", "/polity/community/v1/members", "/polity/community/v1/motions",
	"/polity/community/v1/board", "/polity/community/v1/validators", "/polity/community/v1/params",
	"/polity/proposals/v1/proposals", "/polity/review/v1/irps", "/polity/empowered/v1/petitions",
}

// joinBoth has a new full node join from's chain by state sync, as the
// operator guide says (a trusted height and hash from from, which must take
// snapshots: Options.SnapshotInterval), and then, once that one is stopped,
// another by replaying every block from genesis, so that no more than one
// joiner runs at a time. Each must catch up with from, restore or replay
// (its history starts after height 1, or at 1), reach from's app hash and
// answer Polity's queries as from does. The times from start to caught up
// are logged for docs/benchmarks.md; nothing is asserted about them.
func joinBoth(t *testing.T, net *Network, from *Node) {
	t.Helper()
	ss := net.addStateSyncNode(t, "joiner-statesync", from)
	j := joinAndCompare(t, ss, from)
	ss.Stop(t)
	t.Logf("joined by state sync at height %d in %s (history from height %d)", j.height, j.took.Round(100*time.Millisecond), j.earliest)
	if j.earliest <= 1 {
		t.Errorf("the state-sync joiner's history starts at height %d: it replayed the chain instead of restoring a snapshot", j.earliest)
	}

	replay := net.addFullNode(t, "joiner-replay", from)
	j = joinAndCompare(t, replay, from)
	replay.Stop(t)
	t.Logf("joined by replaying %d blocks from genesis in %s (%.0f blocks/s)", j.height, j.took.Round(100*time.Millisecond), float64(j.height)/j.took.Seconds())
	if j.earliest != 1 {
		t.Errorf("the replaying joiner's history starts at height %d, want 1", j.earliest)
	}
}

// join is how a node joined: the time from its start until it had caught
// up, the height it caught up with, and the lowest block it stores.
type join struct {
	took             time.Duration
	height, earliest int64
}

// joinAndCompare starts j and waits until it has caught up with from's
// height at that moment, then checks that j agrees with from and answers
// every joinPaths query alike.
func joinAndCompare(t *testing.T, j, from *Node) join {
	t.Helper()
	target := MaxHeight(t, from)
	started := time.Now()
	j.Start(t)
	var st struct {
		SyncInfo struct {
			Height     string `json:"latest_block_height"`
			Earliest   string `json:"earliest_block_height"`
			CatchingUp bool   `json:"catching_up"`
		} `json:"sync_info"`
	}
	Eventually(t, 5*time.Minute, j.Moniker+" to catch up with "+from.Moniker, func() (bool, string) {
		j.checkAlive(t)
		if err := j.RPC("/status", &st); err != nil {
			return false, err.Error()
		}
		h, _ := strconv.ParseInt(st.SyncInfo.Height, 10, 64) // not a number before the first block: 0
		return h >= target && !st.SyncInfo.CatchingUp, fmt.Sprintf("height %d, catching up %v", h, st.SyncInfo.CatchingUp)
	})
	out := join{took: time.Since(started), height: target}
	out.earliest, _ = strconv.ParseInt(st.SyncInfo.Earliest, 10, 64)
	j.WaitReady(t)
	AgreeAt(t, MaxHeight(t, from, j)+2, from, j)
	for _, path := range joinPaths {
		var want, got any
		from.RESTJSON(t, path, &want)
		j.RESTJSON(t, path, &got)
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%s differs: %s %v, %s %v", path, from.Moniker, want, j.Moniker, got)
		}
	}
	return out
}

// addStateSyncNode is addFullNode configured to join by state sync as the
// operator guide says: two RPC servers (from's, twice) and a trusted height
// and block hash read from from, a few blocks below its last.
func (net *Network) addStateSyncNode(t *testing.T, moniker string, from *Node) *Node {
	t.Helper()
	trusted := MaxHeight(t, from) - 5
	block, err := from.BlockAt(trusted)
	if err != nil {
		t.Fatal(err)
	}
	n := net.addFullNode(t, moniker, from)
	rpc := fmt.Sprintf("127.0.0.1:%d", from.Ports.RPC)
	if err := editTOML(filepath.Join(n.Home, "config", "config.toml"), []tomlSet{
		{"statesync", "enable", "true"},
		{"statesync", "rpc_servers", quote(rpc + "," + rpc)},
		{"statesync", "trust_height", strconv.FormatInt(trusted, 10)},
		{"statesync", "trust_hash", quote(block.Hash)},
		{"statesync", "trust_period", quote("168h0m0s")},
		// CometBFT's least: below 5s it waits 25s instead
		{"statesync", "discovery_time", quote("5s")},
	}); err != nil {
		t.Fatal(err)
	}
	return n
}
