package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rotateKey rotates the consensus key of node0 (ops' validator, ops at
// exactly its allocated share) by one motion that admits the new key and
// removes the old one at the same power, then restarts node0 on the new key:
// CometBFT's set shows the new key in place of the old and node0 signs
// blocks with it.
func rotateKey(t *testing.T, net *Network) {
	t.Helper()
	n0 := net.Nodes[0]
	oldAddr := strings.TrimSpace(string(net.Exec(t, "comet", "show-address", "--home", n0.Home)))
	var old struct {
		Validator struct {
			Operator string `json:"operator"`
			Power    string `json:"power"`
		} `json:"validator"`
	}
	n0.RESTJSON(t, "/polity/community/v1/validators/"+oldAddr, &old)
	oldHex := cometHex(t, n0.Home)
	key := net.NewConsensusKey(t, "node0-rotated")

	m, _ := n0.Decide(t, "ops", "Rotate node0's consensus key", []string{"ops-chair", "ops-member"},
		map[string]any{"@type": "/polity.community.v1.MsgAdmitValidator", "community_id": "ops", "operator": old.Validator.Operator,
			"consensus_pubkey": key.PubKey, "moniker": "node0", "power": old.Validator.Power},
		map[string]any{"@type": "/polity.community.v1.MsgRemoveValidator", "community_id": "ops", "consensus_address": oldAddr})
	if m.Status != MotionPassed {
		t.Fatalf("rotation motion: %+v, want passed", m)
	}
	Eventually(t, time.Minute, "CometBFT's set to hold the new key instead of the old", func() (bool, string) {
		vals := n0.CometValidators(t)
		_, hasOld := vals[oldHex]
		return !hasOld && vals[key.HexAddress] == 10 && len(vals) == 4, fmt.Sprint(vals)
	})

	n0.Stop(t)
	raw, err := os.ReadFile(filepath.Join(net.Dir, "keys", "node0-rotated", "config", "priv_validator_key.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(n0.Home, "config", "priv_validator_key.json"), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	n0.Start(t)
	n0.WaitReady(t)
	from := MaxHeight(t, net.Nodes...)
	Eventually(t, time.Minute, "node0 to sign a block with its new key", func() (bool, string) {
		var res struct {
			Block struct {
				LastCommit struct {
					Signatures []struct {
						ValidatorAddress string `json:"validator_address"`
					} `json:"signatures"`
				} `json:"last_commit"`
			} `json:"block"`
		}
		h, err := n0.Height()
		if err != nil || h <= from+1 {
			return false, "waiting for new blocks"
		}
		if err := n0.RPC("/block?height="+itoa(h), &res); err != nil {
			return false, err.Error()
		}
		for _, s := range res.Block.LastCommit.Signatures {
			if s.ValidatorAddress == key.HexAddress {
				return true, ""
			}
		}
		return false, "no signature of " + key.HexAddress
	})
	AgreeAt(t, MaxHeight(t, net.Nodes...)+1, net.Nodes...)
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
