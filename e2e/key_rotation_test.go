package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/polity-chain/polity/e2e/internal/valtest"
)

// rotateKey rotates the consensus key of node0 (ops' validator, ops at
// exactly its allocated share) by one motion that admits the new key and
// removes the old one at the same power, without a missed signature of the
// rotating validator: as the operator guide says, the new key already runs on
// a standby full node when the motion passes, so it signs from the first
// height whose set holds it (two blocks after the motion executes) while
// node0's old key signs every height before. Every commit from before the
// motion to that height carries the rotating validator's signature. The
// standby then hands the key (and its signing state) to node0, which signs
// blocks with it.
func rotateKey(t *testing.T, net *Network) {
	t.Helper()
	n0 := net.Nodes[0]
	validators := append([]*Node(nil), net.Nodes...)
	oldAddr := strings.TrimSpace(string(net.Exec(t, "comet", "show-address", "--home", n0.Home)))
	_, body, err := n0.REST(api + "/validators/" + oldAddr)
	if err != nil {
		t.Fatal(err)
	}
	old, err := valtest.CheckValidator(body, valtest.StatusActive, "10")
	if err != nil {
		t.Fatal(err)
	}
	oldHex := cometHex(t, n0.Home)
	key := net.NewConsensusKey(t, "node0-rotated")
	keyHome := filepath.Join(net.Dir, "keys", "node0-rotated")

	standby := net.addFullNode(t, "node0-standby", validators...)
	copyFile(t, filepath.Join(keyHome, "config", "priv_validator_key.json"), filepath.Join(standby.Home, "config", "priv_validator_key.json"))
	standby.Start(t)
	standby.WaitReady(t)
	AgreeAt(t, MaxHeight(t, validators...)+1, n0, standby)

	before := MaxHeight(t, validators...)
	m, _ := n0.Decide(t, "ops", "Rotate node0's consensus key", []string{"ops-chair", "ops-member"},
		valtest.Rotation(old, key.PubKey, "node0")...)
	if m.Status != MotionPassed {
		t.Fatalf("rotation motion: %+v, want passed", m)
	}
	executed := parseID(t, m.ExecutedHeight)
	switched := int64(executed) + 2
	// the commit of a height is canonical once the next block holds it
	AgreeAt(t, switched+1, append(validators, standby)...)

	if vals := n0.CometValidatorsAt(t, switched-1); vals[oldHex] != 10 || vals[key.HexAddress] != 0 || len(vals) != 4 {
		t.Errorf("CometBFT's set at %d (a block after the motion executed): %v, want the old key, not the new", switched-1, vals)
	}
	if vals := n0.CometValidatorsAt(t, switched); vals[key.HexAddress] != 10 || vals[oldHex] != 0 || len(vals) != 4 {
		t.Errorf("CometBFT's set at %d (two blocks after the motion executed): %v, want the new key at power 10 in place of the old", switched, vals)
	}
	// The rotating validator signs every commit: with its old key up to the
	// switch, with the new one from it. Another validator's precommit may
	// come too late for a commit on a loaded machine; that is not the
	// rotation's doing, so it is only logged.
	for h := before; h <= switched; h++ {
		signed := n0.CommitSigners(t, h)
		want := oldHex
		if h >= switched {
			want = key.HexAddress
		}
		if !signed[want] {
			t.Errorf("height %d: the rotating validator's key %s did not sign the commit (signers %v): a block was missed around the rotation", h, want, signed)
		}
		for addr := range n0.CometValidatorsAt(t, h) {
			if !signed[addr] && addr != want {
				t.Logf("height %d: validator %s (not rotating) is missing from the commit", h, addr)
			}
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	t.Logf("heights %d to %d (the motion executed at %d): the rotating validator signed each commit, with its old key and then its new one", before, switched, executed)

	// The standby hands the key to node0: never two nodes on one key, so it
	// stops first, and its signing state travels with the key.
	standby.Stop(t)
	net.Nodes = net.Nodes[:len(net.Nodes)-1]
	n0.Stop(t)
	for _, f := range []string{"config/priv_validator_key.json", "data/priv_validator_state.json"} {
		copyFile(t, filepath.Join(standby.Home, f), filepath.Join(n0.Home, f))
	}
	n0.Start(t)
	n0.WaitReady(t)
	from := MaxHeight(t, net.Nodes...)
	Eventually(t, time.Minute, "node0 to sign a block with its new key", func() (bool, string) {
		h, err := n0.Height()
		if err != nil || h <= from+1 {
			return false, "waiting for new blocks"
		}
		if signed := n0.CommitSigners(t, h-1); !signed[key.HexAddress] {
			return false, fmt.Sprintf("height %d: no signature of %s in %v", h-1, key.HexAddress, signed)
		}
		return true, ""
	})
	AgreeAt(t, MaxHeight(t, net.Nodes...)+1, net.Nodes...)
}

// copyFile copies a node file (a key, a signing state) with owner-only access.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	raw, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

// cometHex is CometBFT's hex address of a node's consensus key.
func cometHex(t *testing.T, home string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(home, "config", "priv_validator_key.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pv struct {
		Address string `json:"address"`
	}
	if err := json.Unmarshal(raw, &pv); err != nil || pv.Address == "" {
		t.Fatalf("%s's priv_validator_key.json: %v", home, err)
	}
	return pv.Address
}
