package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// DefaultChainID is the chain id of every test network.
const DefaultChainID = "polity-e2e-1"

// Binary returns the absolute path of the polityd binary under test: the
// value of $POLITYD_BIN, or build/polityd at the module root. It skips the
// test under -short and fails it, saying how to build one, when there is no
// binary.
func Binary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("e2e: skipped under -short (starts real polityd processes)")
	}
	bin := os.Getenv("POLITYD_BIN")
	if bin == "" {
		root, err := moduleRoot()
		if err != nil {
			t.Fatalf("e2e: POLITYD_BIN is not set and the module root was not found: %v", err)
		}
		bin = filepath.Join(root, "build", "polityd")
	}
	abs, err := filepath.Abs(bin)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(abs); err != nil || st.IsDir() {
		t.Fatalf("e2e: no polityd binary at %s: run `make build` first (or `make e2e`), or set POLITYD_BIN", abs)
	}
	return abs
}

// moduleRoot walks up from the working directory to the directory holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// ValidatorSpec is one genesis validator: a node run by a community.
type ValidatorSpec struct {
	// Community runs the validator; its chair is the operator.
	Community string
	// Power is the validator's voting power (10 when zero).
	Power int64
	// Mempool overrides Options.Mempool for this node.
	Mempool string
}

// Options shape a test network.
type Options struct {
	// Bin is the polityd binary the nodes and the CLI run (default: Binary).
	Bin string
	// Validators gives one node per entry (default: one node run by ops).
	Validators []ValidatorSpec
	// Bootstrap suspends the 1/3 power cap (single-node chains only).
	Bootstrap bool
	// VotingPeriod of every body (default 30s).
	VotingPeriod time.Duration
	// TimeoutCommit is CometBFT's pause after each block (default 300ms).
	TimeoutCommit time.Duration
	// CommentPeriod, ECPeriod and AdvicePeriod are the proposals' public
	// comment period, Empowered Community period and advice response period
	// (zero: the defaults of `polityd genesis constitution`).
	CommentPeriod, ECPeriod, AdvicePeriod time.Duration
	// ChallengeWindow is the window of resolutions, technical actions and
	// policies between the Board's approval and their effect (zero: the EC
	// period).
	ChallengeWindow time.Duration
	// ForumPeriod is the Empowered Community's community forum (zero: half
	// the EC period). Tests sit through it, so keep it short and the other
	// EC periods long: actions conclude early once their outcome is certain.
	ForumPeriod time.Duration
	// ReviewPeriod is x/review's working period (panel picks, the Board's
	// deadlines, ombudsman reports, emergency consultations; zero: the default).
	ReviewPeriod time.Duration
	// SnapshotInterval makes every node take a state-sync snapshot every so
	// many blocks and keep them all (zero: polityd init's 1000, last two).
	SnapshotInterval int
	// Constitution starts the chain from a constitution file: a shipped
	// example's name (dev, defi, icann) or a path. Only the periods and
	// Validators set above override it; without Validators, node 0 is the
	// file's own validator ("self") and the keys are the file's.
	Constitution string
	// Mempool sets every node's config.toml mempool.type ("": what polityd
	// init writes).
	Mempool string
}

// Network is a set of polityd nodes sharing one genesis, with the default
// constitution's keys in node 0's test keyring.
type Network struct {
	t       testing.TB
	Bin     string
	ChainID string
	// Dir holds the nodes' homes and logs; it is removed after the test.
	Dir   string
	Nodes []*Node
}

// Node is one polityd process and its home.
type Node struct {
	net       *Network
	Index     int
	Moniker   string
	Community string
	Home      string
	LogPath   string
	Ports     Ports
	NodeID    string

	mu      sync.Mutex
	cmd     *exec.Cmd
	done    chan struct{}
	exitErr error
	starts  int
}

// NewNetwork initialises one home per validator, writes the default
// constitution (keys in node 0's keyring), wires the nodes as persistent
// peers, starts them all and waits until each has committed a block. Every
// node is stopped when the test ends; if the test failed, the tail of each
// node's log is printed first.
func NewNetwork(t testing.TB, opts Options) *Network {
	t.Helper()
	bin := opts.Bin
	if bin == "" {
		bin = Binary(t)
	}
	fileValidators := opts.Constitution != "" && len(opts.Validators) == 0
	if len(opts.Validators) == 0 {
		opts.Validators = []ValidatorSpec{{Community: "ops"}}
	}
	votingSet := opts.VotingPeriod != 0
	if opts.VotingPeriod == 0 {
		opts.VotingPeriod = 30 * time.Second
	}
	if opts.TimeoutCommit == 0 {
		opts.TimeoutCommit = 300 * time.Millisecond
	}
	net := &Network{t: t, Bin: bin, ChainID: DefaultChainID, Dir: t.TempDir()}
	t.Cleanup(net.cleanup)

	ports, err := freePorts(6 * len(opts.Validators))
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range opts.Validators {
		p := ports[6*i : 6*i+6]
		n := &Node{
			net: net, Index: i, Moniker: fmt.Sprintf("node%d", i), Community: v.Community,
			Home:  filepath.Join(net.Dir, fmt.Sprintf("node%d", i)),
			Ports: Ports{RPC: p[0], P2P: p[1], ABCI: p[2], API: p[3], GRPC: p[4], Prometheus: p[5]},
		}
		n.LogPath = n.Home + ".log"
		net.Nodes = append(net.Nodes, n)
		net.Exec(t, "init", n.Moniker, "--chain-id", net.ChainID, "--home", n.Home, "--default-denom", "upolity")
		n.NodeID = strings.TrimSpace(string(net.Exec(t, "comet", "show-node-id", "--home", n.Home)))
	}

	args := []string{"genesis", "constitution", "--home", net.KeyHome(), "--keyring-backend", "test"}
	if opts.Constitution == "" || votingSet {
		args = append(args, "--voting-period", opts.VotingPeriod.String())
	}
	if opts.Constitution != "" {
		args = append(args, "--file", net.constitutionFile(t, opts.Constitution))
	}
	if opts.Bootstrap {
		args = append(args, "--bootstrap")
	}
	for _, p := range []struct {
		flag string
		d    time.Duration
	}{{"--comment-period", opts.CommentPeriod}, {"--ec-period", opts.ECPeriod}, {"--challenge-window", opts.ChallengeWindow}, {"--forum-period", opts.ForumPeriod}, {"--advice-period", opts.AdvicePeriod}, {"--review-period", opts.ReviewPeriod}} {
		if p.d != 0 {
			args = append(args, p.flag, p.d.String())
		}
	}
	for i, v := range opts.Validators {
		if fileValidators {
			break
		}
		power := v.Power
		if power == 0 {
			power = 10
		}
		n := net.Nodes[i]
		args = append(args, "--validator", fmt.Sprintf("%s,%s,%s,%d", v.Community, n.Moniker, n.Home, power))
	}
	net.Exec(t, args...)

	genesis, err := os.ReadFile(filepath.Join(net.KeyHome(), "config", "genesis.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range net.Nodes {
		if err := os.WriteFile(filepath.Join(n.Home, "config", "genesis.json"), genesis, 0o600); err != nil {
			t.Fatal(err)
		}
		var peers []string
		for _, o := range net.Nodes {
			if o != n {
				peers = append(peers, fmt.Sprintf("%s@127.0.0.1:%d", o.NodeID, o.Ports.P2P))
			}
		}
		if err := n.configure(peers, opts.TimeoutCommit.String()); err != nil {
			t.Fatal(err)
		}
		mempool := opts.Mempool
		if v := opts.Validators[n.Index].Mempool; v != "" {
			mempool = v
		}
		if mempool != "" {
			if err := editTOML(filepath.Join(n.Home, "config", "config.toml"), []tomlSet{{"mempool", "type", quote(mempool)}}); err != nil {
				t.Fatal(err)
			}
		}
		if opts.SnapshotInterval > 0 {
			if err := editTOML(filepath.Join(n.Home, "config", "app.toml"), []tomlSet{
				{"state-sync", "snapshot-interval", strconv.Itoa(opts.SnapshotInterval)},
				// keep all: at 300ms blocks, two recent snapshots live only
				// seconds, less than a joiner's discovery and fetch
				{"state-sync", "snapshot-keep-recent", "0"},
			}); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, n := range net.Nodes {
		n.Start(t)
	}
	for _, n := range net.Nodes {
		n.WaitReady(t)
	}
	return net
}

// constitutionFile returns the path of a constitution: a shipped example
// (written into the network's directory) or the path itself.
func (net *Network) constitutionFile(t testing.TB, name string) string {
	if strings.ContainsAny(name, "/.") {
		return name
	}
	path := filepath.Join(net.Dir, name+".yaml")
	net.Exec(t, "genesis", "constitution", "--example", name, "--output", path)
	return path
}

// KeyHome is the home whose test keyring holds the constitution's keys.
func (net *Network) KeyHome() string { return net.Nodes[0].Home }

// cleanup stops every node and, if the test failed, prints their log tails.
// The tails are read before the nodes stop, so they show what the nodes were
// doing rather than their shutdown.
func (net *Network) cleanup() {
	tails := make([]string, len(net.Nodes))
	if net.t.Failed() {
		for i, n := range net.Nodes {
			tails[i] = tail(n.LogPath, 50)
		}
	}
	for _, n := range net.Nodes {
		if err := n.stop(); err != nil {
			net.t.Logf("e2e: stopping %s: %v", n.Moniker, err)
		}
	}
	if net.t.Failed() {
		for i, n := range net.Nodes {
			net.t.Logf("---- last 50 lines of %s's log (%s) ----\n%s", n.Moniker, n.LogPath, tails[i])
		}
	}
}

// Exec runs polityd with args and returns its standard output, failing the
// test (with stderr) on a non-zero exit.
func (net *Network) Exec(t testing.TB, args ...string) []byte {
	t.Helper()
	out, errOut, err := net.Run(args...)
	if err != nil {
		t.Fatalf("polityd %s: %v\nstdout: %s\nstderr: %s", strings.Join(args, " "), err, out, errOut)
	}
	return out
}

// Run runs polityd with args (a minute at most) and returns stdout, stderr
// and the exit error.
func (net *Network) Run(args ...string) (stdout, stderr []byte, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, net.Bin, args...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	return o.Bytes(), e.Bytes(), err
}

// Start launches the node's process, appending its output to LogPath. The
// process is stopped in the network's cleanup at the latest.
func (n *Node) Start(t testing.TB) {
	t.Helper()
	n.StartBinary(t, n.net.Bin)
}

// StartBinary is Start with another polityd binary on the same home (a
// software upgrade); CLI commands keep using the network's binary.
func (n *Node) StartBinary(t testing.TB, bin string) {
	t.Helper()
	n.startProcess(t, bin, exec.Command(bin, "start", "--home", n.Home, "--log_no_color"))
}

// startProcess starts the node's process (polityd, or a supervisor running
// it), appending its output to the node's log.
func (n *Node) startProcess(t testing.TB, label string, cmd *exec.Cmd) {
	t.Helper()
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.cmd != nil && !n.exited() {
		t.Fatalf("%s is already running (pid %d)", n.Moniker, n.cmd.Process.Pid)
	}
	logf, err := os.OpenFile(n.LogPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	n.starts++
	fmt.Fprintf(logf, "==== e2e: start #%d of %s (%s) at %s ====\n", n.starts, n.Moniker, label, time.Now().Format(time.RFC3339Nano))
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = sysProcAttr()
	if err := cmd.Start(); err != nil {
		_ = logf.Close()
		t.Fatalf("start %s: %v", n.Moniker, err)
	}
	n.cmd, n.done, n.exitErr = cmd, make(chan struct{}), nil
	go func(done chan struct{}) {
		err := cmd.Wait()
		_ = logf.Close() // the process is gone; nothing more will be written
		n.mu.Lock()
		n.exitErr = err
		n.mu.Unlock()
		close(done)
	}(n.done)
}

// PID returns the running process's id, or 0.
func (n *Node) PID() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.cmd == nil || n.exited() {
		return 0
	}
	return n.cmd.Process.Pid
}

// exited reports whether the last started process has ended (mu held).
func (n *Node) exited() bool {
	select {
	case <-n.done:
		return true
	default:
		return false
	}
}

// Running reports whether the node's process is alive.
func (n *Node) Running() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.cmd != nil && !n.exited()
}

// Stop ends the node with SIGTERM (a graceful shutdown) and waits for it,
// killing it if it takes longer than 30 seconds.
func (n *Node) Stop(t testing.TB) {
	t.Helper()
	if err := n.stop(); err != nil {
		t.Fatalf("stop %s: %v", n.Moniker, err)
	}
}

func (n *Node) stop() error {
	n.mu.Lock()
	cmd, done := n.cmd, n.done
	n.mu.Unlock()
	if cmd == nil {
		return nil
	}
	defer endGroup(cmd.Process.Pid) // what the process started and left behind
	select {
	case <-done:
		return nil
	default:
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	select {
	case <-done:
		return nil
	case <-time.After(30 * time.Second):
	}
	if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	<-done
	return fmt.Errorf("%s (pid %d) ignored SIGTERM for 30s and was killed", n.Moniker, cmd.Process.Pid)
}

// checkAlive fails the test at once if the node's process has died, so that
// a crash is reported as such and not as a poll timeout.
func (n *Node) checkAlive(t testing.TB) {
	t.Helper()
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.cmd != nil && n.exited() {
		t.Fatalf("%s (pid %d) exited unexpectedly: %v\nlast lines of its log:\n%s",
			n.Moniker, n.cmd.Process.Pid, n.exitErr, tail(n.LogPath, 30))
	}
}

// WaitReady waits until the node has committed a block and answers REST.
func (n *Node) WaitReady(t testing.TB) {
	t.Helper()
	n.WaitHeight(t, 1, 60*time.Second)
	Eventually(t, 30*time.Second, n.Moniker+" REST API answers", func() (bool, string) {
		n.checkAlive(t)
		code, body, err := n.REST("/polity/community/v1/params")
		if err != nil {
			return false, err.Error()
		}
		return code == 200, fmt.Sprintf("HTTP %d %s", code, body)
	})
}

// Log returns everything the node has logged so far.
func (n *Node) Log(t testing.TB) string {
	t.Helper()
	raw, err := os.ReadFile(n.LogPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// tail returns the last n lines of a file, or the read error.
func tail(path string, n int) string {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// Eventually polls cond every 150ms until it holds, failing the test after
// timeout with what and cond's last observation.
func Eventually(t testing.TB, timeout time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var last string
	for {
		ok, obs := cond()
		if ok {
			return
		}
		last = obs
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s; last seen: %s", timeout, what, last)
		}
		time.Sleep(150 * time.Millisecond)
	}
}

// itoa formats an int64 for CLI arguments and URLs.
func itoa[T ~int64 | ~uint64 | ~int](v T) string {
	return strconv.FormatInt(int64(v), 10)
}
