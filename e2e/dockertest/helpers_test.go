package dockertest

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

const numNodes = 4

// run runs a command with a timeout and returns its stdout; the error carries stderr.
func run(timeout time.Duration, env []string, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	if err != nil {
		if ctx.Err() != nil {
			err = fmt.Errorf("timed out after %s", timeout)
		}
		return stdout.String(), fmt.Errorf("%s %s: %w: %s", name, strings.Join(args, " "), err,
			strings.TrimSpace(stderr.String()+"\n"+tail(stdout.String(), 2000)))
	}
	return stdout.String(), nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// requireDocker skips (or, with POLITY_REQUIRE_DOCKER=1, fails) when there is no
// Docker engine or no compose.
func requireDocker(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping the docker-compose fault tests under -short")
	}
	skip := t.Skipf
	if os.Getenv("POLITY_REQUIRE_DOCKER") == "1" {
		skip = t.Fatalf
	}
	if _, err := exec.LookPath("docker"); err != nil {
		skip("docker is not installed: skipping the docker-compose fault tests")
		return
	}
	if _, err := run(30*time.Second, nil, "docker", "info"); err != nil {
		msg := err.Error()
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		skip("docker info failed, no usable Docker engine: skipping the docker-compose fault tests (%s)", msg)
		return
	}
	if _, err := run(30*time.Second, nil, "docker", "compose", "version"); err == nil {
		return
	}
	if _, err := run(30*time.Second, nil, "docker-compose", "version"); err == nil {
		return
	}
	skip("neither `docker compose` nor `docker-compose` is installed: skipping the docker-compose fault tests")
}

// polityd returns the absolute path of the static polityd the image is built from.
func polityd(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("POLITYD_BIN")
	if bin == "" {
		bin = filepath.Join("..", "..", "build", "polityd")
	}
	abs, err := filepath.Abs(bin)
	if err != nil {
		t.Fatalf("POLITYD_BIN %q: %v", bin, err)
	}
	if _, err := os.Stat(abs); err != nil {
		t.Fatalf("polityd not found at %s (POLITYD_BIN=%q): run `make build` first, or `make test`, which builds it", abs, os.Getenv("POLITYD_BIN"))
	}
	f, err := elf.Open(abs)
	if err != nil {
		t.Fatalf("%s is not a Linux ELF binary (%v): the FROM-scratch image needs a static linux polityd from `make build`", abs, err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Fatalf("%s is dynamically linked and cannot run in the FROM-scratch image: rebuild it static with `make build` (CGO_ENABLED=0)", abs)
		}
	}
	return abs
}

// network is one docker-compose four-validator network started by docker/testnet.sh.
type network struct {
	t       *testing.T
	bin     string // the static polityd on this host (and in the image)
	image   string
	project string
	netName string
	env     []string
	script  string
	dir     string // TESTNET_DIR: prepared homes and keys.txt
	nodes   [numNodes]*node
	useHTTP bool // query RPC over container IPs from here; else through docker exec
}

type node struct {
	name string // container name
	ip   string
}

// startNetwork runs `docker/testnet.sh up` under a unique project name and
// registers its removal (containers, network, volumes, image, homes).
func startNetwork(t *testing.T, bin string) *network {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("..", "..", "docker", "testnet.sh"))
	if err != nil {
		t.Fatal(err)
	}
	project := fmt.Sprintf("polity-dt-%s", randomHex(4))
	dir := filepath.Join(t.TempDir(), "testnet")
	n := &network{
		t:       t,
		bin:     bin,
		image:   "polityd-scratch:" + project,
		project: project,
		netName: project + "-net",
		script:  script,
		dir:     dir,
		env: []string{
			"POLITYD_BIN=" + bin,
			"COMPOSE_PROJECT_NAME=" + project,
			"POLITY_IMAGE=polityd-scratch:" + project,
			"TESTNET_DIR=" + dir,
		},
	}
	for i := range n.nodes {
		n.nodes[i] = &node{name: fmt.Sprintf("%s-node%d", project, i)}
	}
	t.Cleanup(n.cleanup)

	start := time.Now()
	out, err := run(5*time.Minute, n.env, "bash", script, "up")
	if err != nil {
		t.Fatalf("docker/testnet.sh up: %v", err)
	}
	t.Logf("docker/testnet.sh up took %s:\n%s", time.Since(start).Round(time.Second), out)

	for _, nd := range n.nodes {
		ip, err := run(30*time.Second, nil, "docker", "inspect", "-f",
			`{{with index .NetworkSettings.Networks "`+n.netName+`"}}{{.IPAddress}}{{end}}`, nd.name)
		if err != nil || strings.TrimSpace(ip) == "" {
			t.Fatalf("IP of %s on %s: %q %v", nd.name, n.netName, ip, err)
		}
		nd.ip = strings.TrimSpace(ip)
	}

	// Query the nodes over their container IPs when this process can reach them
	// (Linux, same host as the engine); otherwise (or with
	// POLITY_DOCKERTEST_EXEC=1) through `docker exec`.
	forceExec := os.Getenv("POLITY_DOCKERTEST_EXEC") == "1"
	n.waitFor("node0's RPC to answer", 2*time.Minute, func() (bool, string) {
		if forceExec {
			_, err := n.execStatus(n.nodes[0])
			return err == nil, fmt.Sprint(err)
		}
		if _, err := n.httpStatus(n.nodes[0]); err == nil {
			n.useHTTP = true
			return true, ""
		}
		if _, err := n.execStatus(n.nodes[0]); err != nil {
			return false, err.Error()
		}
		for range 3 { // RPC is up inside the container: is it reachable from here?
			if _, err := n.httpStatus(n.nodes[0]); err == nil {
				n.useHTTP = true
				return true, ""
			}
			time.Sleep(time.Second)
		}
		return true, ""
	})
	t.Logf("querying nodes %s", map[bool]string{true: "over HTTP at their container IPs", false: "through docker exec"}[n.useHTTP])
	return n
}

func (n *network) cleanup() {
	t := n.t
	if t.Failed() {
		for _, nd := range n.nodes {
			out, _ := exec.Command("docker", "logs", "--tail", "40", nd.name).CombinedOutput()
			t.Logf("last log lines of %s:\n%s", nd.name, out)
		}
	}
	if out, err := run(3*time.Minute, n.env, "bash", n.script, "down"); err != nil {
		t.Errorf("docker/testnet.sh down: %v\n%s", err, out)
	}
	filter := "label=com.docker.compose.project=" + n.project
	for _, what := range [][]string{{"ps", "-aq"}, {"network", "ls", "-q"}, {"volume", "ls", "-q"}} {
		out, err := run(30*time.Second, nil, "docker", append(what, "--filter", filter)...)
		if err == nil && strings.TrimSpace(out) != "" {
			t.Errorf("docker %s still lists %s after cleanup", strings.Join(what, " "), strings.Fields(out))
		}
	}
}

// waitFor polls cond every poll interval until it holds or the timeout passes.
func (n *network) waitFor(what string, timeout time.Duration, cond func() (bool, string)) {
	n.t.Helper()
	interval := 500 * time.Millisecond
	if !n.useHTTP {
		interval = execPoll
	}
	n.waitEvery(what, timeout, interval, cond)
}

// execPoll is the poll interval of conditions read through docker exec: each
// starts a polityd, so keep the CPU for the nodes.
const execPoll = 2 * time.Second

// waitEvery is waitFor at a given poll interval.
func (n *network) waitEvery(what string, timeout, interval time.Duration, cond func() (bool, string)) {
	n.t.Helper()
	deadline := time.Now().Add(timeout)
	start := time.Now()
	var last string
	for {
		ok, detail := cond()
		if ok {
			n.t.Logf("%s: after %s", what, time.Since(start).Round(100*time.Millisecond))
			return
		}
		last = detail
		if time.Now().After(deadline) {
			n.t.Fatalf("timed out after %s waiting for %s; last: %s", timeout, what, last)
		}
		time.Sleep(interval)
	}
}

// syncInfo is the part of CometBFT's /status the tests use.
type syncInfo struct {
	Height  int64
	AppHash string
}

type statusJSON struct {
	SyncInfo struct {
		LatestBlockHeight string `json:"latest_block_height"`
		LatestAppHash     string `json:"latest_app_hash"`
	} `json:"sync_info"`
}

func (s statusJSON) info() (syncInfo, error) {
	h, err := strconv.ParseInt(s.SyncInfo.LatestBlockHeight, 10, 64)
	if err != nil {
		return syncInfo{}, fmt.Errorf("bad height %q", s.SyncInfo.LatestBlockHeight)
	}
	return syncInfo{Height: h, AppHash: s.SyncInfo.LatestAppHash}, nil
}

var httpClient = &http.Client{Timeout: 2 * time.Second}

func (n *network) rpcGet(nd *node, path string, result any) error {
	resp, err := httpClient.Get("http://" + nd.ip + ":26657" + path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var env struct {
		Result json.RawMessage `json:"result"`
		Error  json.RawMessage `json:"error"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return fmt.Errorf("%s%s: %w: %s", nd.name, path, err, tail(string(body), 300))
	}
	if len(env.Error) > 0 && string(env.Error) != "null" {
		return fmt.Errorf("%s%s: %s", nd.name, path, env.Error)
	}
	return json.Unmarshal(env.Result, result)
}

func (n *network) httpStatus(nd *node) (syncInfo, error) {
	var s statusJSON
	if err := n.rpcGet(nd, "/status", &s); err != nil {
		return syncInfo{}, err
	}
	return s.info()
}

// execStatus asks the node from inside its container: it works while the
// container is cut off from every network.
func (n *network) execStatus(nd *node) (syncInfo, error) {
	out, err := run(30*time.Second, nil, "docker", "exec", nd.name, "polityd", "status", "--node", "tcp://127.0.0.1:26657")
	if err != nil {
		return syncInfo{}, err
	}
	var s statusJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		return syncInfo{}, fmt.Errorf("polityd status on %s: %w: %s", nd.name, err, tail(out, 300))
	}
	return s.info()
}

func (n *network) status(nd *node) (syncInfo, error) {
	if n.useHTTP {
		return n.httpStatus(nd)
	}
	return n.execStatus(nd)
}

// blockAt returns an identifier of the block at height h (its hash) and the
// app hash in its header (the state after h-1).
func (n *network) blockAt(nd *node, h int64) (blockID, appHash string, err error) {
	if n.useHTTP {
		var b struct {
			BlockID struct {
				Hash string `json:"hash"`
			} `json:"block_id"`
			Block struct {
				Header struct {
					AppHash string `json:"app_hash"`
				} `json:"header"`
			} `json:"block"`
		}
		if err := n.rpcGet(nd, fmt.Sprintf("/block?height=%d", h), &b); err != nil {
			return "", "", err
		}
		return b.BlockID.Hash, b.Block.Header.AppHash, nil
	}
	out, err := run(30*time.Second, nil, "docker", "exec", nd.name, "polityd", "query", "block",
		"--type=height", strconv.FormatInt(h, 10), "-o", "json", "--node", "tcp://127.0.0.1:26657")
	if err != nil {
		return "", "", err
	}
	var b struct {
		Header json.RawMessage `json:"header"`
	}
	if err := json.Unmarshal([]byte(out), &b); err != nil || len(b.Header) == 0 {
		return "", "", fmt.Errorf("polityd query block %d on %s: %v: %s", h, nd.name, err, tail(out, 300))
	}
	var hdr struct {
		AppHash string `json:"app_hash"`
	}
	if err := json.Unmarshal(b.Header, &hdr); err != nil {
		return "", "", err
	}
	// Same header bytes from every node means the same block.
	sum := sha256.Sum256(b.Header)
	return "header-sha256:" + hex.EncodeToString(sum[:]), hdr.AppHash, nil
}

// heights returns the latest height of each of the given nodes, or an error
// naming the first node that did not answer.
func (n *network) heights(nodes []*node) (map[*node]int64, error) {
	hs := make(map[*node]int64, len(nodes))
	for _, nd := range nodes {
		s, err := n.status(nd)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", nd.name, err)
		}
		hs[nd] = s.Height
	}
	return hs, nil
}

func minMax(hs map[*node]int64) (lo, hi int64) {
	first := true
	for _, h := range hs {
		if first || h < lo {
			lo = h
		}
		if first || h > hi {
			hi = h
		}
		first = false
	}
	return lo, hi
}

func describe(hs map[*node]int64) string {
	var parts []string
	for _, nd := range sortedNodes(hs) {
		parts = append(parts, fmt.Sprintf("%s=%d", nd.name, hs[nd]))
	}
	return strings.Join(parts, " ")
}

func sortedNodes(hs map[*node]int64) []*node {
	out := make([]*node, 0, len(hs))
	for nd := range hs {
		out = append(out, nd)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// waitHeights waits until every given node is at least at height target.
func (n *network) waitHeights(what string, nodes []*node, target int64, timeout time.Duration) map[*node]int64 {
	n.t.Helper()
	var hs map[*node]int64
	n.waitFor(fmt.Sprintf("%s (height >= %d)", what, target), timeout, func() (bool, string) {
		var err error
		hs, err = n.heights(nodes)
		if err != nil {
			return false, err.Error()
		}
		lo, _ := minMax(hs)
		return lo >= target, describe(hs)
	})
	return hs
}

// requireSameBlock checks that the nodes hold the same block, hence the same
// app hash, at height h.
func (n *network) requireSameBlock(nodes []*node, h int64) {
	n.t.Helper()
	var refID, refApp string
	var ref *node
	for _, nd := range nodes {
		var id, app string
		var err error
		// A node that just reported height h serves block h at once; retry
		// briefly for RPC hiccups only.
		for try := 0; ; try++ {
			id, app, err = n.blockAt(nd, h)
			if err == nil || try == 5 {
				break
			}
			time.Sleep(500 * time.Millisecond)
		}
		if err != nil {
			n.t.Fatalf("block %d on %s: %v", h, nd.name, err)
		}
		if app == "" || id == "" {
			n.t.Fatalf("block %d on %s: empty block or app hash", h, nd.name)
		}
		if ref == nil {
			ref, refID, refApp = nd, id, app
			continue
		}
		if id != refID || app != refApp {
			n.t.Fatalf("nodes disagree at height %d: %s has block %s app hash %s, %s has block %s app hash %s",
				h, ref.name, refID, refApp, nd.name, id, app)
		}
	}
	n.t.Logf("%d nodes agree at height %d: block %s, app hash %s", len(nodes), h, refID, refApp)
}

func (n *network) docker(args ...string) string {
	n.t.Helper()
	out, err := run(time.Minute, nil, "docker", args...)
	if err != nil {
		n.t.Fatal(err)
	}
	return out
}

func (n *network) running(nd *node) bool {
	out, err := run(30*time.Second, nil, "docker", "inspect", "-f", "{{.State.Running}}", nd.name)
	return err == nil && strings.TrimSpace(out) == "true"
}

func except(nodes [numNodes]*node, skip *node) []*node {
	var out []*node
	for _, nd := range nodes {
		if nd != skip {
			out = append(out, nd)
		}
	}
	return out
}

// account returns the address of a named key of the default constitution
// (the keys are in node0's test keyring; the script lists them in keys.txt).
func (n *network) account(name string) string {
	n.t.Helper()
	data, err := os.ReadFile(filepath.Join(n.dir, "keys.txt"))
	if err != nil {
		n.t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == name {
			return f[1]
		}
	}
	n.t.Fatalf("no key %q in %s/keys.txt:\n%s", name, n.dir, data)
	return ""
}

// balance queries addr's upolity balance on nd's own state (inside its
// container, so it works while nd is cut off).
func (n *network) balance(nd *node, addr string) (int64, error) {
	out, err := run(30*time.Second, nil, "docker", "exec", nd.name, "polityd", "query", "bank", "balance",
		addr, "upolity", "-o", "json", "--node", "tcp://127.0.0.1:26657")
	if err != nil {
		return 0, err
	}
	var b struct {
		Balance struct {
			Amount string `json:"amount"`
		} `json:"balance"`
	}
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		return 0, fmt.Errorf("balance on %s: %w: %s", nd.name, err, tail(out, 300))
	}
	if b.Balance.Amount == "" {
		return 0, nil
	}
	return strconv.ParseInt(b.Balance.Amount, 10, 64)
}

func (n *network) requireBalance(nd *node, addr string, want int64) {
	n.t.Helper()
	got, err := n.balance(nd, addr)
	if err != nil {
		n.t.Fatal(err)
	}
	if got != want {
		n.t.Fatalf("%s: balance of %s is %d upolity, want %d", nd.name, addr, got, want)
	}
}

// send makes a bank transfer from a key of node0's keyring, broadcast to
// node0, and waits until node0 has committed it (the receiver's balance moved).
func (n *network) send(fromKey, to string, amount int64) {
	n.t.Helper()
	via := n.nodes[0]
	before, err := n.balance(via, to)
	if err != nil {
		n.t.Fatal(err)
	}
	out := n.docker("exec", via.name, "polityd", "tx", "bank", "send", fromKey, to,
		strconv.FormatInt(amount, 10)+"upolity", "--keyring-backend", "test", "--chain-id", "polity-local-1",
		"--yes", "-o", "json", "--node", "tcp://127.0.0.1:26657")
	var res struct {
		Code   int    `json:"code"`
		TxHash string `json:"txhash"`
		RawLog string `json:"raw_log"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		n.t.Fatalf("tx bank send: %v: %s", err, out)
	}
	if res.Code != 0 {
		n.t.Fatalf("tx bank send %s rejected: code %d %s", res.TxHash, res.Code, res.RawLog)
	}
	n.waitFor(fmt.Sprintf("tx %s (%d upolity %s -> %s) committed on %s", res.TxHash, amount, fromKey, to, via.name),
		progressTimeout, func() (bool, string) {
			got, err := n.balance(via, to)
			if err != nil {
				return false, err.Error()
			}
			return got == before+amount, fmt.Sprintf("balance %d, want %d", got, before+amount)
		})
}
