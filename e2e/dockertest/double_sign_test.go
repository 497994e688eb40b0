package dockertest

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/polity-chain/polity/e2e/internal/valtest"
)

const (
	evidenceTimeout = 3 * time.Minute // the twin block-syncs from genesis, then signs within a block or two
	txTimeout       = time.Minute
)

// twinDoubleSign starts a second node on node3's consensus key (users'
// validator) on the docker network, as an operator running a "backup" of a
// validator would: both sign, and their votes conflict. The twin takes
// proposals a moment late (timeout_propose 1ms: it prevotes nil before any
// proposal reaches it, as a node on a slow link would) while node3 prevotes
// the proposed block, so at the first height neither proposes, the other
// validators receive two conflicting prevotes signed by one key and
// CometBFT itself builds the DuplicateVoteEvidence. The chain records it and
// suspends the validator (out of CometBFT's set, power still counted), blocks
// go on without it, and users acts by motion: removing the validator alone
// would give the other three communities 1/3 each and is refused, so users
// rotates it (admit a fresh key at the same power, remove the old one, one
// motion), as docs/operator-guide.md says.
func twinDoubleSign(n *network) {
	t := n.t
	node3, via := n.nodes[3], n.nodes[0]
	home3 := filepath.Join(n.dir, "homes", "node3")
	addr := n.host("comet", "show-address", "--home", home3)

	twin := n.startTwin(home3)
	var records []valtest.Misbehaviour
	n.waitEvery("CometBFT's evidence of node3's double-sign to be on record", evidenceTimeout, execPoll, func() (bool, string) {
		out, err := n.polityd(via, "query", "community", "misbehaviours", "--consensus-address", addr, "-o", "json")
		if err != nil {
			return false, err.Error()
		}
		if records, err = valtest.Recorded([]byte(out), addr); err != nil {
			return false, err.Error()
		}
		return len(records) > 0, tail(out, 300)
	})
	// The operator's first move: stop the second node.
	n.docker("stop", "-t", "10", twin)
	if err := valtest.CheckSuspendingDoubleSign(records); err != nil {
		t.Fatal(err)
	}
	t.Logf("recorded: %+v", records)
	old := n.validator(via, addr, valtest.StatusSuspended, "10")

	n.waitFor("CometBFT's set to drop the suspended validator", progressTimeout, func() (bool, string) {
		set, err := n.cometSet(via)
		if err != nil {
			return false, err.Error()
		}
		_, in := set[addr]
		return !in && len(set) == 3, fmt.Sprint(set)
	})
	hs, err := n.heights(n.nodes[:])
	if err != nil {
		t.Fatal(err)
	}
	_, hi := minMax(hs)
	hs = n.waitHeights("blocks to go on without the suspended validator", n.nodes[:], hi+progressBlocks, progressTimeout)
	lo, _ := minMax(hs)
	n.requireSameBlock(n.nodes[:], lo)
	// Double-signs at later heights, committed meanwhile, are on record
	// without suspending it again.
	out, err := n.polityd(via, "query", "community", "misbehaviours", "--consensus-address", addr, "-o", "json")
	if err != nil {
		t.Fatal(err)
	}
	if records, err = valtest.Recorded([]byte(out), addr); err != nil {
		t.Fatal(err)
	}
	if err := valtest.CheckSuspendingDoubleSign(records); err != nil {
		t.Fatal(err)
	}

	// Removal alone is refused when submitted: the suspended power still counts.
	if res := n.submitMotion("users", "users-chair", "Remove the validator that signed twice", valtest.RemoveValidator("users", addr)); res.Code == 0 || !strings.Contains(res.Log, "power cap") {
		t.Fatalf("removal of users' only validator: %+v, want a refusal naming the power cap", res)
	}

	keyHome := filepath.Join(n.dir, "users-rotated")
	n.host("init", "node3-rotated", "--chain-id", "polity-local-1", "--home", keyHome)
	newAddr := n.host("comet", "show-address", "--home", keyHome)
	pub := json.RawMessage(n.host("comet", "show-validator", "--home", keyHome))
	res := n.submitMotion("users", "users-chair", "Rotate the key that signed twice", valtest.Rotation(old, pub, "node3")...)
	if res.Code != 0 || res.MotionID == "" {
		t.Fatalf("rotation motion not opened: %+v", res)
	}
	id := res.MotionID
	for _, voter := range []string{"users-chair", "users-member"} {
		if res := n.tx(voter, "community", "vote", id, "yes"); res.Code != 0 {
			t.Fatalf("%s's vote on motion %s: %+v", voter, id, res)
		}
	}
	out, err = n.polityd(via, "query", "community", "motion", id, "-o", "json")
	if err != nil || !strings.Contains(out, `"MOTION_STATUS_PASSED"`) {
		t.Fatalf("rotation motion %s: %v %s, want passed", id, err, tail(out, 500))
	}
	n.validator(via, addr, valtest.StatusRemoved, "0")
	n.validator(via, newAddr, valtest.StatusActive, "10")
	n.waitFor("CometBFT's set to hold users' new key", progressTimeout, func() (bool, string) {
		set, err := n.cometSet(via)
		if err != nil {
			return false, err.Error()
		}
		_, in := set[addr]
		return !in && set[newAddr] == 10 && len(set) == 4, fmt.Sprint(set)
	})
	// Nothing runs the new key yet: three of four validators go on.
	rest := except(n.nodes, node3)
	hs, err = n.heights(rest)
	if err != nil {
		t.Fatal(err)
	}
	_, hi = minMax(hs)
	hs = n.waitHeights("blocks to go on after the rotation", rest, hi+progressBlocks, progressTimeout)
	lo, _ = minMax(hs)
	n.requireSameBlock(rest, lo)
}

// startTwin starts a container on the network running polityd with a copy
// of home (its consensus key; empty data, a new node key, so it block-syncs
// from genesis and then signs) and returns its name. It is removed when the
// subtest ends.
func (n *network) startTwin(home string) string {
	t := n.t
	t.Helper()
	dir := filepath.Join(n.dir, "twin")
	if out, err := exec.Command("cp", "-a", home, dir).CombinedOutput(); err != nil {
		t.Fatalf("copy %s: %v %s", home, err, out)
	}
	if err := os.Remove(filepath.Join(dir, "config", "node_key.json")); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "config", "config.toml")
	raw, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(raw), `timeout_propose = "1s"`, `timeout_propose = "1ms"`, 1)
	if edited == string(raw) {
		t.Fatalf("%s has no timeout_propose = \"1s\" (docker/testnet.sh sets it)", cfg)
	}
	if err := os.WriteFile(cfg, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}

	name := n.project + "-twin"
	n.docker("create", "--name", name, "--hostname", "twin", "--label", "com.docker.compose.project="+n.project,
		"--network", n.netName, n.image, "start", "--home", "/polity", "--log_no_color")
	t.Cleanup(func() {
		if t.Failed() {
			out, _ := exec.Command("docker", "logs", "--tail", "40", name).CombinedOutput()
			t.Logf("last log lines of %s:\n%s", name, out)
		}
		_, _ = run(time.Minute, nil, "docker", "rm", "-f", name)
	})
	n.docker("cp", dir+"/.", name+":/polity")
	n.docker("start", name)
	t.Logf("started %s on %s with node3's consensus key", name, n.netName)
	return name
}

// host runs the static polityd on this host and returns its trimmed output.
func (n *network) host(args ...string) string {
	n.t.Helper()
	out, err := run(time.Minute, nil, n.bin, args...)
	if err != nil {
		n.t.Fatal(err)
	}
	return strings.TrimSpace(out)
}

// polityd runs a query or transaction command in nd's container against
// nd's own RPC.
func (n *network) polityd(nd *node, args ...string) (string, error) {
	full := append([]string{"exec", nd.name, "polityd"}, args...)
	return run(time.Minute, nil, "docker", append(full, "--node", "tcp://127.0.0.1:26657")...)
}

// validator requires addr's record on nd to have status and power, and returns it.
func (n *network) validator(nd *node, addr, status, power string) valtest.Validator {
	n.t.Helper()
	out, err := n.polityd(nd, "query", "community", "validator", addr, "-o", "json")
	if err != nil {
		n.t.Fatal(err)
	}
	v, err := valtest.CheckValidator([]byte(out), status, power)
	if err != nil {
		n.t.Fatal(err)
	}
	return v
}

// cometSet is CometBFT's current validator set on nd, by consensus address.
func (n *network) cometSet(nd *node) (map[string]int64, error) {
	out, err := n.polityd(nd, "query", "comet-validator-set", "-o", "json")
	if err != nil {
		return nil, err
	}
	var res struct {
		Validators []struct {
			Address     string          `json:"address"`
			VotingPower json.RawMessage `json:"voting_power"`
		} `json:"validators"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		return nil, fmt.Errorf("comet-validator-set: %w: %s", err, tail(out, 300))
	}
	set := map[string]int64{}
	for _, v := range res.Validators {
		p, err := strconv.ParseInt(strings.Trim(string(v.VotingPower), `"`), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("comet-validator-set: power %s: %w", v.VotingPower, err)
		}
		set[v.Address] = p
	}
	return set, nil
}

// txResult is a transaction's outcome: CheckTx's code and log when it was
// refused there, else the block's, with the id of the motion it opened.
type txResult struct {
	Code     uint32
	Log      string
	MotionID string
}

// tx signs a transaction with a key of node0's keyring, broadcasts it to
// node0 and returns its outcome, once committed unless CheckTx refused it.
func (n *network) tx(from string, args ...string) txResult {
	n.t.Helper()
	via := n.nodes[0]
	full := append([]string{"tx"}, args...)
	out, err := n.polityd(via, append(full, "--from", from, "--keyring-backend", "test", "--chain-id", "polity-local-1",
		"--gas", "2000000", "--yes", "-o", "json")...)
	if err != nil {
		n.t.Fatal(err)
	}
	var res struct {
		Code   uint32 `json:"code"`
		TxHash string `json:"txhash"`
		RawLog string `json:"raw_log"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		n.t.Fatalf("tx %s: %v: %s", strings.Join(args, " "), err, tail(out, 300))
	}
	if res.Code != 0 {
		return txResult{Code: res.Code, Log: res.RawLog}
	}
	var done struct {
		Code   uint32 `json:"code"`
		RawLog string `json:"raw_log"`
		Events []struct {
			Type       string `json:"type"`
			Attributes []struct {
				Key   string `json:"key"`
				Value string `json:"value"`
			} `json:"attributes"`
		} `json:"events"`
	}
	n.waitEvery(fmt.Sprintf("tx %s (%s) in a block", res.TxHash, strings.Join(args[:2], " ")), txTimeout, time.Second, func() (bool, string) {
		out, err := n.polityd(via, "query", "tx", res.TxHash, "-o", "json")
		if err != nil {
			return false, err.Error()
		}
		return json.Unmarshal([]byte(out), &done) == nil, tail(out, 300)
	})
	result := txResult{Code: done.Code, Log: done.RawLog}
	for _, ev := range done.Events {
		attrs := map[string]string{}
		for _, a := range ev.Attributes {
			attrs[a.Key] = a.Value
		}
		if ev.Type == "polity.community" && attrs["action"] == "motion_submitted" {
			result.MotionID = attrs["motion_id"]
		}
	}
	return result
}

// submitMotion opens a motion in body with the given messages (the CLI
// fills in the body's address as their authority).
func (n *network) submitMotion(body, from, title string, msgs ...map[string]any) txResult {
	n.t.Helper()
	raw, err := json.Marshal(map[string]any{"title": title, "summary": "dockertest: " + title, "messages": msgs})
	if err != nil {
		n.t.Fatal(err)
	}
	file := filepath.Join(n.dir, "motion.json")
	if err := os.WriteFile(file, raw, 0o600); err != nil {
		n.t.Fatal(err)
	}
	n.docker("cp", file, n.nodes[0].name+":/tmp/motion.json")
	return n.tx(from, "community", "submit-motion", body, "/tmp/motion.json")
}
