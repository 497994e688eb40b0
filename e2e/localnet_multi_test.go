//go:build linux

package e2e

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLocalnetMultiScript runs scripts/localnet-multi.sh (what `make
// localnet-multi` runs), shifted off the default ports with PORT_OFFSET,
// checks that its four nodes agree block by block, then sends SIGINT to its
// process group as Ctrl-C would and requires every process to be gone.
func TestLocalnetMultiScript(t *testing.T) {
	bin := Binary(t)
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	offset := freeOffset(t)
	home := filepath.Join(t.TempDir(), "localnet-multi")
	out := filepath.Join(filepath.Dir(home), "script.out")
	logf, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()

	cmd := exec.Command(filepath.Join(root, "scripts", "localnet-multi.sh"))
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "BIN="+bin, "LOCALNET_HOME="+home, "PORT_OFFSET="+strconv.Itoa(offset), "KEEP=0")
	cmd.Stdout, cmd.Stderr = logf, logf
	// Its own process group, so that SIGINT reaches the script and its
	// nodes together, as Ctrl-C in a terminal does; SIGTERM (which the
	// script traps to stop its nodes) if the test binary dies.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pgid := cmd.Process.Pid
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		// Whatever happened, leave no process of the group behind.
		if groupAlive(pgid) {
			_ = syscall.Kill(-pgid, syscall.SIGKILL) // the group is ours; ESRCH only means it is gone
		}
		if t.Failed() {
			t.Logf("---- last lines of the script's output ----\n%s", tail(out, 40))
			for i := 1; i < 4; i++ {
				p := filepath.Join(home, fmt.Sprintf("node%d.log", i))
				t.Logf("---- last lines of %s ----\n%s", p, tail(p, 20))
			}
		}
	})

	nodes := make([]*Node, 4)
	for i := range nodes {
		o := offset + 100*i
		nodes[i] = &Node{Moniker: fmt.Sprintf("node%d", i), Ports: Ports{RPC: 26657 + o, API: 1317 + o}}
	}
	Eventually(t, 90*time.Second, "the four localnet-multi nodes to commit blocks", func() (bool, string) {
		select {
		case err := <-done:
			t.Fatalf("localnet-multi.sh exited early: %v", err)
		default:
		}
		var seen []string
		for _, n := range nodes {
			h, err := n.Height()
			if err != nil || h < 2 {
				return false, fmt.Sprintf("%s: height %d %v", n.Moniker, h, err)
			}
			seen = append(seen, fmt.Sprintf("%s:%d", n.Moniker, h))
		}
		return true, strings.Join(seen, " ")
	})
	h := MaxHeight(t, nodes...)
	AgreeAt(t, h+2, nodes...)
	var res struct {
		Bootstrap       bool `json:"bootstrap"`
		CommunityPowers []struct {
			CommunityID string `json:"community_id"`
			Share       string `json:"share"`
		} `json:"community_powers"`
	}
	nodes[0].RESTJSON(t, api+"/validators", &res)
	if res.Bootstrap || len(res.CommunityPowers) != 4 {
		t.Errorf("localnet-multi validators: bootstrap %v, community powers %+v; want bootstrap off and 4 communities", res.Bootstrap, res.CommunityPowers)
	}

	// Node 0 serves CometBFT's and Polity's governance metrics on its
	// Prometheus port, and the SDK's telemetry at the REST server's /metrics.
	metrics := fmt.Sprintf("http://127.0.0.1:%d/metrics", 26660+offset)
	Eventually(t, 30*time.Second, "governance metrics at "+metrics, func() (bool, string) {
		body, err := httpGet(metrics)
		if err != nil {
			return false, err.Error()
		}
		for _, want := range []string{"cometbft_consensus_height", `polity_validator_power{community="ops"`,
			`polity_proposals{status="ratified"}`, `polity_queue_depth{module="community",queue="motion_execution"}`,
			"polity_validator_missed_blocks_total", "polity_metrics_scrape_error 0"} {
			if !strings.Contains(body, want) {
				return false, "no " + want
			}
		}
		return true, ""
	})
	if code, body, err := nodes[0].REST("/metrics?format=prometheus"); err != nil || code != 200 {
		t.Errorf("app telemetry at /metrics: HTTP %d %.200s %v, want 200", code, body, err)
	}

	if err := syscall.Kill(-pgid, syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("localnet-multi.sh did not exit within 60s of SIGINT")
	}
	Eventually(t, 30*time.Second, "every process of the localnet-multi group to be gone", func() (bool, string) {
		return !groupAlive(pgid), "processes remain in group " + strconv.Itoa(pgid)
	})
	if s := tail(out, 200); !strings.Contains(s, "All nodes stopped.") {
		t.Error("the script did not report stopping its nodes")
	}
}

// freeOffset picks a PORT_OFFSET at which all twenty ports of the four
// localnet-multi nodes are free. Offsets of 1000-5000 keep every port off
// the defaults and below Linux's ephemeral range.
func freeOffset(t testing.TB) int {
	t.Helper()
	for range 50 {
		off := 1000 + 10*rand.IntN(400)
		if portsFree(off) {
			return off
		}
	}
	t.Fatal("no PORT_OFFSET with twenty free ports found")
	return 0
}

func portsFree(off int) bool {
	var held []net.Listener
	defer func() {
		for _, l := range held {
			_ = l.Close() // releasing a probe
		}
	}()
	for i := range 4 {
		for _, base := range []int{26656, 26657, 26658, 1317, 9090} {
			l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(base+100*i+off))
			if err != nil {
				return false
			}
			held = append(held, l)
		}
	}
	return true
}

// httpGet reads a page's body, failing on a status other than 200.
func httpGet(url string) (string, error) {
	resp, err := http.Get(url) //nolint:gosec,noctx // a loopback URL the test builds
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: HTTP %d", url, resp.StatusCode)
	}
	return string(body), nil
}
