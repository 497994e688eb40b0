package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestStateSyncJoin: a validator serving state-sync snapshots (every 10
// blocks here; new nodes default to 1000) and a new full node that joins as
// the operator guide says, from a trusted height and hash, restores a
// snapshot instead of replaying the chain (its block history starts after
// height 1), reaches the same app hash and answers Polity's queries as the
// validator does.
func TestStateSyncJoin(t *testing.T) {
	net := NewNetwork(t, Options{Bootstrap: true})
	n0 := net.Nodes[0]
	n0.Stop(t)
	if err := editTOML(filepath.Join(n0.Home, "config", "app.toml"), []tomlSet{
		{"state-sync", "snapshot-interval", "10"},
		// keep all: at 300ms blocks, two recent snapshots live only 6s,
		// less than a joiner's discovery and fetch
		{"state-sync", "snapshot-keep-recent", "0"},
	}); err != nil {
		t.Fatal(err)
	}
	n0.Start(t)
	n0.WaitReady(t)
	erin := net.AddKey(t, "erin")
	if m, _ := n0.Decide(t, "dev", "Admit erin", []string{"dev-chair", "dev-member"}, map[string]any{
		"@type": "/polity.community.v1.MsgAdmitMember", "community_id": "dev", "address": erin,
		"roles": []string{"ROLE_MEMBER"}, "stakeholder_type": "STAKEHOLDER_TYPE_ENGINEER", "region": "REGION_EUROPE",
	}); m.Status != MotionPassed {
		t.Fatalf("motion before the join: %+v", m)
	}
	// two snapshot points past the motion
	trusted := n0.WaitHeight(t, MaxHeight(t, n0)+25, 2*time.Minute) - 5
	block, err := n0.BlockAt(trusted)
	if err != nil {
		t.Fatal(err)
	}

	j := net.addFullNode(t, "joiner", n0)
	rpc := fmt.Sprintf("127.0.0.1:%d", n0.Ports.RPC)
	if err := editTOML(filepath.Join(j.Home, "config", "config.toml"), []tomlSet{
		{"statesync", "enable", "true"},
		{"statesync", "rpc_servers", quote(rpc + "," + rpc)},
		{"statesync", "trust_height", strconv.FormatInt(trusted, 10)},
		{"statesync", "trust_hash", quote(block.Hash)},
		{"statesync", "trust_period", quote("168h0m0s")},
		{"statesync", "discovery_time", quote("2s")},
	}); err != nil {
		t.Fatal(err)
	}
	started := time.Now()
	j.Start(t)
	j.WaitReady(t)
	t.Logf("joined by state sync in %s", time.Since(started).Round(time.Millisecond))

	var status struct {
		SyncInfo struct {
			EarliestBlockHeight string `json:"earliest_block_height"`
		} `json:"sync_info"`
	}
	if err := j.RPC("/status", &status); err != nil {
		t.Fatal(err)
	}
	if earliest, _ := strconv.ParseInt(status.SyncInfo.EarliestBlockHeight, 10, 64); earliest <= 1 {
		t.Errorf("the joiner's history starts at %s: it replayed the chain instead of restoring a snapshot", status.SyncInfo.EarliestBlockHeight)
	}
	AgreeAt(t, MaxHeight(t, n0, j)+2, n0, j)
	for _, path := range []string{"/polity/community/v1/communities", "/polity/community/v1/members",
		"/polity/community/v1/motions", "/polity/community/v1/board", "/polity/proposals/v1/proposals"} {
		var want, got any
		n0.RESTJSON(t, path, &want)
		j.RESTJSON(t, path, &got)
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%s differs: validator %v, joiner %v", path, want, got)
		}
	}
}

// addFullNode initialises a non-validator node with the network's genesis,
// peered with from, and adds it to the network (stopped in its cleanup). It
// is not started.
func (net *Network) addFullNode(t *testing.T, moniker string, from *Node) *Node {
	t.Helper()
	ports, err := freePorts(5)
	if err != nil {
		t.Fatal(err)
	}
	n := &Node{net: net, Index: len(net.Nodes), Moniker: moniker, Home: filepath.Join(net.Dir, moniker),
		Ports: Ports{RPC: ports[0], P2P: ports[1], ABCI: ports[2], API: ports[3], GRPC: ports[4]}}
	n.LogPath = n.Home + ".log"
	net.Exec(t, "init", moniker, "--chain-id", net.ChainID, "--home", n.Home, "--default-denom", "upolity")
	n.NodeID = strings.TrimSpace(string(net.Exec(t, "comet", "show-node-id", "--home", n.Home)))
	genesis, err := os.ReadFile(filepath.Join(from.Home, "config", "genesis.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(n.Home, "config", "genesis.json"), genesis, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := n.configure([]string{fmt.Sprintf("%s@127.0.0.1:%d", from.NodeID, from.Ports.P2P)}, "300ms"); err != nil {
		t.Fatal(err)
	}
	net.Nodes = append(net.Nodes, n)
	return n
}
