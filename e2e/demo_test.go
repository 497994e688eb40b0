//go:build linux

package e2e

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestDemoGovernanceScript runs scripts/demo-governance.sh against a
// single-node chain with the default constitution and the periods of `make
// localnet` (its home as LOCALNET_HOME, its RPC as POLITYD_NODE), and requires
// it to succeed and leave the story's records on chain: the policy pipeline,
// an upheld IRP and an Empowered Community veto. Then a new node joins the
// story's chain by state sync and another by replay (joinBoth, times logged
// for docs/benchmarks.md). It runs beside TestProposals (one node each).
func TestDemoGovernanceScript(t *testing.T) {
	Binary(t)
	if _, err := exec.LookPath("jq"); err != nil {
		t.Skip("scripts/demo-governance.sh needs jq")
	}
	t.Parallel()
	// scripts/localnet.sh's periods
	net := NewNetwork(t, Options{Bootstrap: true, VotingPeriod: 5 * time.Minute, CommentPeriod: 30 * time.Second,
		ECPeriod: 2 * time.Minute, ChallengeWindow: 20 * time.Second, ForumPeriod: 20 * time.Second, AdvicePeriod: 5 * time.Minute, ReviewPeriod: 5 * time.Minute,
		SnapshotInterval: 20})
	n := net.Nodes[0]
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	scratch := t.TempDir()
	out := filepath.Join(scratch, "demo.out")
	logf, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 12*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, filepath.Join(root, "scripts", "demo-governance.sh"))
	cmd.Env = append(os.Environ(), "BIN="+net.Bin, "LOCALNET_HOME="+n.Home, "POLITYD_NODE="+n.NodeFlag(), "TMPDIR="+scratch)
	cmd.Stdout, cmd.Stderr = logf, logf
	// Its own process group, so that a timeout ends the script and the CLI
	// it is running together; killed too if the test binary dies.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	t.Cleanup(func() {
		if cmd.Process != nil && groupAlive(cmd.Process.Pid) {
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // ESRCH only means it is gone
		}
	})
	start := time.Now()
	runErr := cmd.Start()
	if runErr == nil {
		// Operators watch the governance metrics while the demo acts.
		metrics := fmt.Sprintf("http://127.0.0.1:%d/metrics", n.Ports.Prometheus)
		Eventually(t, 5*time.Minute, "the demo's proposals in the node's metrics at "+metrics, func() (bool, string) {
			body, err := httpGet(metrics)
			if err != nil {
				return false, err.Error()
			}
			return openProposal.MatchString(body) && strings.Contains(body, "polity_metrics_scrape_error 0"), "no open proposal counted yet"
		})
		runErr = cmd.Wait()
	}
	took := time.Since(start)
	if runErr != nil {
		var exit *exec.ExitError
		if errors.As(runErr, &exit) || ctx.Err() != nil {
			t.Fatalf("demo-governance.sh failed after %s: %v (%v)\n---- its output ----\n%s", took.Round(time.Second), runErr, ctx.Err(), tail(out, 80))
		}
		t.Fatal(runErr)
	}
	t.Logf("demo-governance.sh succeeded in %s", took.Round(100*time.Millisecond))
	if body, err := httpGet(fmt.Sprintf("http://127.0.0.1:%d/metrics", n.Ports.Prometheus)); err != nil ||
		!strings.Contains(body, `polity_proposals{status="vetoed"} 1`) || !strings.Contains(body, "polity_irps{status=") {
		t.Errorf("metrics after the demo (%v): want the vetoed proposal and the IRP counted", err)
	}

	text, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"$ polityd tx proposals submit-proposal dev policy policy.json --from dev-chair",
		"$ polityd tx proposals comment 1 ",
		"$ polityd tx community submit-motion gov advice.json --from gov-chair",
		"$ polityd tx proposals board-vote 1 yes --from director-users",
		"$ polityd tx proposals submit-proposal board resolution answer.json --from director-dev",
		"$ polityd query proposals policies dev",
		"$ polityd tx community submit-motion secretariat party.json --from secretariat-chair",
		"$ polityd tx review file-irp party 3 ",
		"$ polityd tx review panel-stay 1 true ",
		"$ polityd tx community submit-motion users petition.json --from users-chair",
		"$ polityd tx empowered post-statement 1 ",
		"$ polityd tx review declare 1 upheld ",
		"check: IRP 1 seed = ",
		"$ polityd query proposals released-holds 3",
		"check: dev policy version 2 text hash = ",
		"+3. Builds are reproducible.",
		"Done in ",
	} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the demo's output lacks %q", want)
		}
	}

	// The records the story leaves: on a fresh chain the policy is proposal 1,
	// the Board's resolution proposal 2 and gov's advice 1.
	if p := n.ProposalREST(t, "1"); p.Kind != "PROPOSAL_KIND_POLICY" || p.Status != ProposalRatified || p.BoardTally["yes"] != "4" {
		t.Errorf("proposal 1: %+v, want a RATIFIED POLICY with 4 yes votes", p)
	}
	if p := n.ProposalREST(t, "2"); p.Kind != "PROPOSAL_KIND_RESOLUTION" || p.Status != ProposalRatified {
		t.Errorf("proposal 2: %+v, want a RATIFIED RESOLUTION", p)
	}
	var a struct {
		Advice Advice `json:"advice"`
	}
	n.RESTJSON(t, papi+"/advice/1", &a)
	if a.Advice.Status != "ADVICE_STATUS_ANSWERED" || a.Advice.ResponseProposalID != "2" || !a.Advice.Consensus || a.Advice.CommunityID != "gov" {
		t.Errorf("advice 1: %+v, want gov's consensus advice ANSWERED by proposal 2", a.Advice)
	}
	var c struct {
		Comments []struct {
			Author string `json:"author"`
			Role   string `json:"role"`
		} `json:"comments"`
	}
	n.RESTJSON(t, papi+"/proposals/1/comments", &c)
	if len(c.Comments) != 1 || c.Comments[0].Role != "COMMENT_ROLE_PUBLIC" || c.Comments[0].Author != net.Address(t, "outsider") {
		t.Errorf("comments on proposal 1: %+v, want the outsider's public comment", c.Comments)
	}
	// dev's policy: version 1 by proposal 1, revised in part 2 by proposal
	// 5; both kept with their full texts
	var pol Policies
	n.RESTJSON(t, papi+"/policies/dev", &pol)
	if pol.Current == nil || pol.Current.Version != "2" || pol.Current.ProposalID != "5" || len(pol.History) != 2 ||
		pol.History[0].ProposalID != "1" || !strings.Contains(pol.History[0].Text, "Security fixes may ship without notice.") ||
		newDoc(pol.Current.Text, "").Hash != pol.Current.Document.Hash {
		t.Errorf("policies/dev: %+v, want version 1 by proposal 1 and version 2 by proposal 5, with their texts", pol)
	}

	// Part 2: the term-limits amendment (3) returned by the upheld IRP 1,
	// the fee waiver (4) vetoed by Empowered Community action 1.
	if p := n.ProposalREST(t, "3"); p.Kind != "PROPOSAL_KIND_STANDARD_BYLAW" || p.Status != "PROPOSAL_STATUS_RETURNED" {
		t.Errorf("proposal 3: %+v, want a RETURNED STANDARD_BYLAW", p)
	}
	if p := n.ProposalREST(t, "4"); p.Kind != "PROPOSAL_KIND_STANDARD_BYLAW" || p.Status != "PROPOSAL_STATUS_VETOED" {
		t.Errorf("proposal 4: %+v, want a VETOED STANDARD_BYLAW", p)
	}
	var irp struct {
		IRP struct {
			Claimant   string   `json:"claimant"`
			ProposalID string   `json:"proposal_id"`
			Status     string   `json:"status"`
			Panel      []string `json:"panel"`
			Stayed     bool     `json:"stayed"`
		} `json:"irp"`
	}
	n.RESTJSON(t, "/polity/review/v1/irps/1", &irp)
	if irp.IRP.Claimant != net.Address(t, "outsider") || irp.IRP.ProposalID != "3" || irp.IRP.Status != "IRP_STATUS_UPHELD" || len(irp.IRP.Panel) != 3 {
		t.Errorf("IRP 1: %+v, want the outsider's upheld case on proposal 3 with a panel of three", irp.IRP)
	}
	var action struct {
		Petition struct {
			Power      string `json:"power"`
			ProposalID string `json:"proposal_id"`
			Stage      string `json:"stage"`
			Petitioner string `json:"petitioner"`
			Supporter  string `json:"supporter"`
		} `json:"petition"`
	}
	n.RESTJSON(t, "/polity/empowered/v1/petitions/1", &action)
	if a := action.Petition; a.Power != "POWER_REJECT_STANDARD_BYLAW" || a.ProposalID != "4" || a.Stage != "STAGE_SUCCEEDED" ||
		a.Petitioner != "users" || a.Supporter != "ops" {
		t.Errorf("petition 1: %+v, want users' rejection of proposal 4, supported by ops, SUCCEEDED", a)
	}

	// New nodes join the story's chain (one at a time beside the validator:
	// with TestProposals' node, four run at once at most).
	t.Run("a new node joins after the demo by state sync, another by replay", func(t *testing.T) { joinBoth(t, net, n) })

	// the explorer's checks share this network; they run before the
	// zero-height export, which restarts the chain
	t.Run("explorer", func(t *testing.T) { explorerChecks(t, net, n) })

	t.Run("zero-height export restarts the story's chain with its voters", func(t *testing.T) {
		zeroHeightRestart(t, net, n)
	})
}

// openProposal matches a proposal counted in a status before its decision.
var openProposal = regexp.MustCompile(`polity_proposals\{status="(public_comment|board_vote|ec_review|approved|queued)"\} [1-9]`)
