package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// upgradeBinaries returns the binary the chain starts with and a function
// that returns the next release's: polityd built from the working tree
// without and with the polity_next tag (app/upgrades_next.go adds the
// "v2-next" upgrade), so that the two differ only by that upgrade even if
// $POLITYD_BIN was built from an older tree. The first is built at once (a
// link, mostly, after `make build`); the second in the background while the
// chain runs, and is killed if the test ends first. With $POLITYD_NEXT_BIN
// set, nothing is built: the chain starts with $POLITYD_BIN.
func upgradeBinaries(t *testing.T) (current string, next func() string) {
	t.Helper()
	if bin := os.Getenv("POLITYD_NEXT_BIN"); bin != "" {
		return Binary(t), func() string { return bin }
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	build := func(out string, tags ...string) *exec.Cmd {
		args := append([]string{"build"}, tags...)
		cmd := exec.CommandContext(ctx, goBin, append(args, "-trimpath", "-o", out, "./cmd/polityd")...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		return cmd
	}

	start := time.Now()
	current = filepath.Join(dir, "polityd")
	if out, err := build(current).CombinedOutput(); err != nil {
		cancel()
		t.Fatalf("go build ./cmd/polityd: %v\n%s", err, out)
	}
	t.Logf("built the current binary in %s", time.Since(start).Round(100*time.Millisecond))

	nextBin := filepath.Join(dir, "polityd-next")
	cmd := build(nextBin, "-tags", "polity_next")
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	start = time.Now()
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("go build -tags polity_next: %v", err)
	}
	done := make(chan error, 1)
	var took time.Duration
	go func() {
		err := cmd.Wait()
		took = time.Since(start)
		done <- err
	}()
	var buildErr error
	finished := false
	wait := func() {
		if !finished {
			buildErr, finished = <-done, true
			cancel()
		}
	}
	t.Cleanup(func() { cancel(); wait() })
	return current, func() string {
		t.Helper()
		wait()
		if buildErr != nil {
			t.Fatalf("go build -tags polity_next ./cmd/polityd: %v\n%s", buildErr, output.Bytes())
		}
		t.Logf("built the polity_next binary in %s, while the chain ran", took.Round(100*time.Millisecond))
		return nextBin
	}
}

// TestSoftwareUpgrade schedules a software upgrade through a ratified
// TECHNICAL proposal of the Board, watches the chain halt at the planned
// height under the old binary, and resumes it with the new one, whose
// upgrade handler runs and is recorded as applied.
func TestSoftwareUpgrade(t *testing.T) {
	Binary(t) // skip under -short before building anything
	current, next := upgradeBinaries(t)
	net := NewNetwork(t, Options{Bin: current, Bootstrap: true, CommentPeriod: 2 * time.Second})
	n := net.Nodes[0]

	var authority struct {
		Address string `json:"address"`
	}
	n.Query(t, &authority, "upgrade", "authority")

	// The plan's height must lie beyond the proposal's ratification: two
	// seconds of public comment and a block or two of Board votes, some 15
	// blocks in all. Should a loaded machine take longer, the upgrade fails
	// to schedule (the proposal ends EXECUTION_FAILED: a plan in the past)
	// and the Board tries again with a wider margin.
	var id string
	var planHeight int64
	for attempt, margin := range []int64{40, 100} {
		h, err := n.Height()
		if err != nil {
			t.Fatal(err)
		}
		planHeight = h + margin
		file := proposalFile(t, net, "Upgrade to v2-next", newDoc("release notes of v2-next", "https://polity.example/board/v2-next.md"),
			map[string]any{"@type": "/cosmos.upgrade.v1beta1.MsgSoftwareUpgrade", "plan": map[string]any{
				"name": "v2-next", "height": itoa(planHeight), "info": "e2e upgrade test",
			}})
		id, _ = n.SubmitBoardProposal(t, "director-dev", "technical", file)
		p := n.ProposalREST(t, id) // the CLI prints messages in amino JSON; REST in proto JSON
		var msg struct {
			Type      string `json:"@type"`
			Authority string `json:"authority"`
		}
		if len(p.Messages) != 1 || json.Unmarshal(p.Messages[0], &msg) != nil ||
			msg.Type != "/cosmos.upgrade.v1beta1.MsgSoftwareUpgrade" || msg.Authority != authority.Address {
			t.Fatalf("proposal %s messages %s: want one MsgSoftwareUpgrade signed by the upgrade authority %s", id, p.Messages, authority.Address)
		}
		n.WaitProposalStatus(t, id, ProposalBoardVote, 20*time.Second)
		n.BoardVotes(t, id, "yes", deciders...)
		p = n.ProposalCLI(t, id)
		if p.Status == ProposalRatified {
			t.Logf("proposal %s ratified at height %s; upgrade v2-next planned at %d", id, p.DecidedHeight, planHeight)
			break
		}
		if p.Status == "PROPOSAL_STATUS_EXECUTION_FAILED" && attempt == 0 {
			t.Logf("proposal %s, planned %d blocks ahead, failed at height %s (%s); trying again further ahead", id, margin, p.DecidedHeight, p.Note)
			continue
		}
		t.Fatalf("upgrade proposal %s after the Board's votes: %+v, want %s", id, p, ProposalRatified)
	}
	var plan struct {
		Plan struct {
			Name   string `json:"name"`
			Height string `json:"height"`
		} `json:"plan"`
	}
	n.Query(t, &plan, "upgrade", "plan")
	if plan.Plan.Name != "v2-next" || plan.Plan.Height != itoa(planHeight) {
		t.Fatalf("q upgrade plan: %+v, want v2-next at %d", plan, planHeight)
	}

	// The old binary has no handler for v2-next: it stops at the height.
	needed := fmt.Sprintf("UPGRADE \"v2-next\" NEEDED at height: %d", planHeight)
	Eventually(t, 60*time.Second, "the node to log "+needed, func() (bool, string) {
		if strings.Contains(n.Log(t), needed) {
			return true, ""
		}
		h, err := n.Height()
		if err != nil {
			return false, err.Error()
		}
		return false, fmt.Sprintf("height %d (running %v)", h, n.Running())
	})
	if n.Running() {
		// CometBFT stays up but its consensus has stopped: the block at the
		// planned height is stored (the new binary executes it) and no block
		// follows it. Watch for a few block times.
		deadline := time.Now().Add(2 * time.Second)
		for time.Now().Before(deadline) {
			h, err := n.Height()
			if err != nil {
				t.Fatal(err)
			}
			if h > planHeight {
				t.Fatalf("the chain went on to height %d past the upgrade height %d", h, planHeight)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	n.Stop(t)
	raw, err := os.ReadFile(filepath.Join(n.Home, "data", "upgrade-info.json"))
	if err != nil {
		t.Fatalf("the halted node wrote no upgrade-info.json: %v", err)
	}
	var info struct {
		Name   string `json:"name"`
		Height int64  `json:"height"`
	}
	if err := json.Unmarshal(raw, &info); err != nil || info.Name != "v2-next" || info.Height != planHeight {
		t.Errorf("upgrade-info.json = %s, want v2-next at %d", raw, planHeight)
	}

	// The new binary applies the upgrade at the height and goes on.
	n.StartBinary(t, next())
	n.WaitHeight(t, planHeight+2, 60*time.Second)
	if log := n.Log(t); !strings.Contains(log, fmt.Sprintf("applying upgrade \"v2-next\" at height: %d", planHeight)) {
		t.Errorf("the new binary's log does not say it applied v2-next at %d", planHeight)
	}
	var applied struct {
		Height string `json:"height"`
	}
	n.RESTJSON(t, "/cosmos/upgrade/v1beta1/applied_plan/v2-next", &applied)
	if applied.Height != itoa(planHeight) {
		t.Errorf("REST applied_plan/v2-next: height %q, want %d", applied.Height, planHeight)
	}
	applied.Height = ""
	n.Query(t, &applied, "upgrade", "applied", "v2-next")
	if applied.Height != itoa(planHeight) {
		t.Errorf("q upgrade applied v2-next: height %q, want %d", applied.Height, planHeight)
	}
	var pending struct {
		Plan *json.RawMessage `json:"plan"`
	}
	n.RESTJSON(t, "/cosmos/upgrade/v1beta1/current_plan", &pending)
	if pending.Plan != nil && string(*pending.Plan) != "null" {
		t.Errorf("current_plan after the upgrade: %s, want none", *pending.Plan)
	}

	// The state came through and the chain takes transactions.
	if p := n.ProposalCLI(t, id); p.Status != ProposalRatified {
		t.Errorf("proposal %s after the upgrade: %s, want %s", id, p.Status, ProposalRatified)
	}
	n.MustTx(t, "dev-chair", "bank", "send", "dev-chair", net.Address(t, "dev-member"), "1upolity")
}
