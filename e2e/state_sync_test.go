package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestStateSyncJoin: on a validator serving state-sync snapshots (every 10
// blocks here; new nodes default to 1000), after a motion, a new full node
// joins as the operator guide says, from a trusted height and hash, and
// restores a snapshot instead of replaying the chain; another joins by
// replaying from genesis. Both reach the validator's app hash and answer
// Polity's queries as it does (joinBoth; the demo test does the same after
// the governance demo), and both join times are logged.
func TestStateSyncJoin(t *testing.T) {
	net := NewNetwork(t, Options{Bootstrap: true, SnapshotInterval: 10})
	n0 := net.Nodes[0]
	erin := net.AddKey(t, "erin")
	if m, _ := n0.Decide(t, "dev", "Admit erin", []string{"dev-chair", "dev-member"}, map[string]any{
		"@type": "/polity.community.v1.MsgAdmitMember", "community_id": "dev", "address": erin,
		"roles": []string{"ROLE_MEMBER"}, "stakeholder_type": "STAKEHOLDER_TYPE_ENGINEER", "region": "REGION_EUROPE",
	}); m.Status != MotionPassed {
		t.Fatalf("motion before the join: %+v", m)
	}
	// two snapshot points past the motion
	n0.WaitHeight(t, MaxHeight(t, n0)+25, 2*time.Minute)
	joinBoth(t, net, n0)
}

// addFullNode initialises a non-validator node with the network's genesis,
// peered with the given nodes, and adds it to the network (stopped in its
// cleanup). It is not started.
func (net *Network) addFullNode(t *testing.T, moniker string, peers ...*Node) *Node {
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
	genesis, err := os.ReadFile(filepath.Join(peers[0].Home, "config", "genesis.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(n.Home, "config", "genesis.json"), genesis, 0o600); err != nil {
		t.Fatal(err)
	}
	var addrs []string
	for _, p := range peers {
		addrs = append(addrs, fmt.Sprintf("%s@127.0.0.1:%d", p.NodeID, p.Ports.P2P))
	}
	if err := n.configure(addrs, "300ms"); err != nil {
		t.Fatal(err)
	}
	net.Nodes = append(net.Nodes, n)
	return n
}
