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
	"strconv"
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

// Upgrade plan margins: how far past the height at submission the first
// attempt plans the upgrade, and the factor by which a failed attempt's
// actual span (submission to decision) widens the next one.
const (
	upgradeFirstMargin   = 100
	upgradeMarginFactor  = 5
	upgradeMaxAttempts   = 4
	upgradeStatusTimeout = 2 * time.Minute
	// upgradeChallenge is the technical proposal's challenge window.
	upgradeChallenge = 3 * time.Second
)

// TestSoftwareUpgrade runs the node under cosmovisor, schedules a software
// upgrade through a ratified TECHNICAL proposal of the Board, and watches
// the old binary stop at the planned height and cosmovisor switch to the
// new one by itself, whose upgrade handler runs and is recorded as applied.
func TestSoftwareUpgrade(t *testing.T) {
	Binary(t) // skip under -short before building anything
	current, next := upgradeBinaries(t)
	cosmovisor := cosmovisorBinary(t)
	// The two-second comment period is waited through (for the status
	// change); the Board's votes conclude as soon as they are decided, so a
	// long voting period costs nothing.
	net := NewNetwork(t, Options{Bin: current, Bootstrap: true, CommentPeriod: 2 * time.Second, VotingPeriod: 20 * time.Minute,
		ChallengeWindow: upgradeChallenge})
	n := net.Nodes[0]
	n.Stop(t)
	installUnderCosmovisor(t, n.Home, "", current)
	n.StartUnderCosmovisor(t, cosmovisor)
	n.WaitReady(t)

	var authority struct {
		Address string `json:"address"`
	}
	n.Query(t, &authority, "upgrade", "authority")
	// The new binary must be in place before the chain reaches the planned
	// height, which is only seconds of blocks away: its build, started
	// before cosmovisor's and the chain's, is waited for here, before any
	// height is chosen (it once finished after the height on a slow
	// machine, and cosmovisor found no binary).
	nextBin := next()

	// The plan's height must lie beyond the proposal's ratification, and the
	// test then waits for the chain to get there, so it is no further than
	// needed. The first attempt's margin is five times what the sequence
	// (submission, two seconds of comment, a round of votes, three seconds of
	// challenge window) takes on a
	// loaded machine: some 20 blocks. x/upgrade refuses a plan in the past:
	// should the sequence take longer, the proposal ends EXECUTION_FAILED,
	// nothing is scheduled, and the Board tries again with a margin of five
	// times the blocks the failed attempt actually took on this chain (twice
	// the last margin at least).
	var id string
	var planHeight int64
	margin := int64(upgradeFirstMargin)
	for attempt := 1; ; attempt++ {
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
		n.WaitProposalStatus(t, id, ProposalBoardVote, upgradeStatusTimeout)
		n.BoardVotes(t, id, "yes", deciders...)
		// approved, it takes effect when its challenge window ends
		Eventually(t, upgradeChallenge+upgradeStatusTimeout, "the upgrade proposal's challenge window to end", func() (bool, string) {
			p = n.ProposalCLI(t, id)
			return p.Status != ProposalECReview && p.Status != ProposalBoardVote, p.Status
		})
		decided, err := strconv.ParseInt(p.DecidedHeight, 10, 64)
		if err != nil {
			t.Fatalf("upgrade proposal %s after the Board's votes: decided height %q: %v (%+v)", id, p.DecidedHeight, err, p)
		}
		if p.Status == ProposalRatified {
			if decided >= planHeight {
				// x/upgrade takes a plan for the current block: the chain
				// would halt one block late, with other heights on record
				t.Fatalf("proposal %s ratified at height %d, not before the planned height %d (margin %d blocks)", id, decided, planHeight, margin)
			}
			t.Logf("proposal %s ratified at height %d, %d blocks after the plan was chosen; upgrade v2-next planned at %d", id, decided, decided-h, planHeight)
			break
		}
		if p.Status == "PROPOSAL_STATUS_EXECUTION_FAILED" && attempt < upgradeMaxAttempts {
			took := decided - h
			t.Logf("proposal %s, planned %d blocks ahead, failed at height %d, %d blocks later (%s); trying again further ahead", id, margin, decided, took, p.Note)
			margin = max(2*margin, upgradeMarginFactor*took)
			continue
		}
		t.Fatalf("upgrade proposal %s after the Board's votes (attempt %d): %+v, want %s", id, attempt, p, ProposalRatified)
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

	// The old binary has no handler for v2-next: it stops at the height;
	// cosmovisor finds upgrade-info.json, switches to upgrades/v2-next and
	// starts the new binary, which applies the upgrade and goes on. The wait
	// is bounded by a second a block, several times a loaded machine's pace,
	// plus a start-up allowance: it only bounds a failure.
	installUnderCosmovisor(t, n.Home, "v2-next", nextBin)
	h, err := n.Height()
	if err != nil {
		t.Fatal(err)
	}
	needed := fmt.Sprintf("UPGRADE \"v2-next\" NEEDED at height: %d", planHeight)
	Eventually(t, time.Duration(max(planHeight-h, 0))*time.Second+time.Minute, "the node to log "+needed, func() (bool, string) {
		if strings.Contains(n.Log(t), needed) {
			return true, ""
		}
		h, err := n.Height()
		if err != nil {
			return false, err.Error()
		}
		return false, fmt.Sprintf("height %d (running %v)", h, n.Running())
	})
	n.WaitHeight(t, planHeight+2, 3*time.Minute)
	raw, err := os.ReadFile(filepath.Join(n.Home, "data", "upgrade-info.json"))
	if err != nil {
		t.Fatalf("the halted binary wrote no upgrade-info.json: %v", err)
	}
	var info struct {
		Name   string `json:"name"`
		Height int64  `json:"height"`
	}
	if err := json.Unmarshal(raw, &info); err != nil || info.Name != "v2-next" || info.Height != planHeight {
		t.Errorf("upgrade-info.json = %s, want v2-next at %d", raw, planHeight)
	}
	if target, err := os.Readlink(filepath.Join(n.Home, "cosmovisor", "current")); err != nil || filepath.Base(target) != "v2-next" {
		t.Errorf("cosmovisor/current -> %q (%v), want upgrades/v2-next", target, err)
	}
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
