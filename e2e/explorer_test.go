//go:build linux

package e2e

import (
	"context"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// explorerProcess is `polityd explorer` serving one node on a free port.
type explorerProcess struct {
	URL string
}

// startExplorer runs `polityd explorer` against n on a free 127.0.0.1 port
// and waits until it serves; the process is killed by its PID at cleanup.
func startExplorer(t *testing.T, bin string, n *Node, extra ...string) explorerProcess {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(t.TempDir(), "explorer.log")
	logf, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, append([]string{"explorer", "--node", n.NodeFlag(),
		"--rest", fmt.Sprintf("http://127.0.0.1:%d", n.Ports.API), "--listen", addr}, extra...)...)
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	t.Cleanup(func() {
		_ = syscall.Kill(pid, syscall.SIGKILL) // ESRCH only means it is gone
		_ = cmd.Wait()
		_ = logf.Close()
	})
	url := "http://" + addr
	Eventually(t, 30*time.Second, "the explorer serves "+url, func() (bool, string) {
		resp, err := httpClient.Get(url + "/api/head")
		if err != nil {
			return false, err.Error()
		}
		_ = resp.Body.Close()
		return resp.StatusCode == http.StatusOK, resp.Status + "; log: " + tail(logPath, 5)
	})
	return explorerProcess{URL: url}
}

// chromiumPath finds Debian's chromium. Without it the browser checks skip,
// unless POLITY_REQUIRE_BROWSER is set (as .ci/run does), when they fail.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("POLITY_REQUIRE_BROWSER") != "" {
		t.Fatal("POLITY_REQUIRE_BROWSER is set but chromium is not installed (apt-get install -y chromium)")
	}
	t.Skip("the explorer's browser checks need chromium (apt-get install -y chromium); POLITY_REQUIRE_BROWSER makes its absence fail")
	return ""
}

// artifactsDir is where screenshots go: $POLITY_TEST_ARTIFACTS/<test>, or a
// temporary directory. Its path is logged.
func artifactsDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if base := os.Getenv("POLITY_TEST_ARTIFACTS"); base != "" {
		dir = filepath.Join(base, strings.ReplaceAll(t.Name(), "/", "_"))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("explorer screenshots in %s", dir)
	return dir
}

// browser is one headless chromium with its console watched.
type browser struct {
	ctx       context.Context
	dir       string
	mu        sync.Mutex
	problems  []string
	shotCount int
}

// newBrowser starts headless chromium (no sandbox: tests may run as root) and
// records console errors, uncaught exceptions and failed loads.
func newBrowser(t *testing.T, path string) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc() // ends the browser process
	})
	b := &browser{ctx: ctx, dir: artifactsDir(t)}
	if err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				b.problem("console.error: " + strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			b.problem("exception: " + e.ExceptionDetails.Text + " " + exceptionDescription(e.ExceptionDetails))
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError {
				b.problem("log: " + e.Entry.Text + " " + e.Entry.URL)
			}
		}
	}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	// chromedp enables the Runtime and Log domains of every page it attaches
	return b
}

func exceptionDescription(d *runtime.ExceptionDetails) string {
	if d.Exception != nil {
		return d.Exception.Description
	}
	return ""
}

func (b *browser) problem(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, s)
}

// requireNoProblems fails on any console error or exception seen so far.
func (b *browser) requireNoProblems(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.problems) > 0 {
		t.Errorf("the pages logged errors:\n%s", strings.Join(b.problems, "\n"))
	}
}

// open loads a page and waits for a selector.
func (b *browser) open(t *testing.T, url, sel string) {
	t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(sel))); err != nil {
		t.Fatalf("open %s and wait for %s: %v", url, sel, err)
	}
}

// text returns an element's visible text.
func (b *browser) text(t *testing.T, sel string) string {
	t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// screenshot saves the whole page as <n>-<name>.png in the artifacts dir.
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100)) // quality 100 is PNG; below it, JPEG
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	b.shotCount++
	path := filepath.Join(b.dir, fmt.Sprintf("%02d-%s.png", b.shotCount, name))
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", path)
}

func requireContainsAll(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q; it reads:\n%s", what, w, text)
		}
	}
}

// explorerChecks are the explorer's checks against the demo's chain: the
// history query over REST, every page over HTTP, and the story, IRP, Board
// and live pages in headless chromium.
func explorerChecks(t *testing.T, net *Network, n *Node) {
	var history struct {
		Status  string `json:"status"`
		Entries []struct {
			Height string `json:"height"`
			Step   string `json:"step"`
			Actor  string `json:"actor"`
		} `json:"entries"`
	}
	n.RESTJSON(t, "/polity/history/v1/proposals/4/history", &history)
	var steps []string
	for _, e := range history.Entries {
		steps = append(steps, e.Step)
	}
	if history.Status != "PROPOSAL_STATUS_VETOED" || !containsInOrder(steps, "SUBMITTED", "BOARD_VOTE", "PETITION", "STATEMENT", "DECISION", "ACTION_CLOSED", "DECIDED") {
		t.Fatalf("history of proposal 4: %s %v, want the vetoed amendment's story", history.Status, steps)
	}
	// the challenged amendment's story keeps its released hold, and the
	// panel's draw has its time
	var challenged struct {
		Entries []struct {
			Step string `json:"step"`
			Time string `json:"time"`
		} `json:"entries"`
	}
	n.RESTJSON(t, "/polity/history/v1/proposals/3/history", &challenged)
	steps = nil
	for _, e := range challenged.Entries {
		steps = append(steps, e.Step)
		if strings.HasPrefix(e.Time, "0001-") {
			t.Errorf("history of proposal 3: %s has no time", e.Step)
		}
	}
	if !containsInOrder(steps, "IRP_FILED", "HOLD", "IRP_PANEL", "HOLD_RELEASED", "DECIDED") {
		t.Errorf("history of proposal 3: %v, want the IRP's hold placed, the panel drawn and the hold released", steps)
	}

	ex := startExplorer(t, net.Bin, n)
	t.Run("every page answers 200 over HTTP", func(t *testing.T) {
		for _, path := range []string{"/", "/communities", "/board", "/proposals", "/proposals?kind=STANDARD_BYLAW&status=VETOED",
			"/proposals/1", "/proposals/2", "/proposals/3", "/proposals/4", "/proposals/5", "/api/proposals/3/story", "/irps/1",
			"/petitions/1", "/cases", "/registry",
			"/address/" + net.Address(t, "outsider"), "/search?q=4", "/block/3"} {
			resp, err := httpClient.Get(ex.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			_ = resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("GET %s: %s", path, resp.Status)
			}
		}
	})

	t.Run("the proposal list pages past its page size, newest first", func(t *testing.T) {
		small := startExplorer(t, net.Bin, n, "--page-size", "2")
		seen := map[string]bool{}
		var order []string
		page, pages := "/proposals", 0
		for page != "" && pages < 20 {
			body := httpBody(t, small.URL+page)
			ids := regexp.MustCompile(`<tr><td><a href="/proposals/(\d+)">`).FindAllStringSubmatch(body, -1)
			if len(ids) == 0 || len(ids) > 2 {
				t.Fatalf("page %s lists %d proposals, want 1 or 2", page, len(ids))
			}
			for _, m := range ids {
				if seen[m[1]] {
					t.Fatalf("proposal %s listed twice across pages", m[1])
				}
				seen[m[1]] = true
				order = append(order, m[1])
			}
			page = ""
			if m := regexp.MustCompile(`id="older" href="([^"]+)"`).FindStringSubmatch(body); m != nil {
				page = html.UnescapeString(m[1])
			}
			pages++
		}
		if pages < 2 || !seen["1"] || !seen["4"] {
			t.Errorf("paged through %d pages listing %v, want several pages reaching proposals 4 down to 1", pages, order)
		}
		first, _ := strconv.Atoi(order[0])
		last, _ := strconv.Atoi(order[len(order)-1])
		if first < last {
			t.Errorf("order %v, want newest first", order)
		}
	})

	b := newBrowser(t, chromiumPath(t))
	t.Run("the vetoed proposal's story shows the petition, the decisions and VETOED", func(t *testing.T) {
		b.open(t, ex.URL+"/proposals/4", "#story")
		story := b.text(t, "#story")
		requireContainsAll(t, "the story of proposal 4", story, "SUBMITTED", "BOARD_VOTE", "PETITION", "petition 1 (REJECT_STANDARD_BYLAW) by users",
			"supported by ops", "STATEMENT", "DECISION", "decided SUPPORT", "ACTION_CLOSED", "VETOED")
		requireContainsAll(t, "proposal 4's status", b.text(t, "#proposal-status"), "VETOED")
		b.screenshot(t, "story-vetoed")
	})
	t.Run("the IRP case shows the panel and the recomputed draw", func(t *testing.T) {
		var irp struct {
			IRP struct {
				Panel []string `json:"panel"`
				Seed  string   `json:"seed"`
			} `json:"irp"`
		}
		n.RESTJSON(t, "/polity/review/v1/irps/1", &irp)
		b.open(t, ex.URL+"/irps/1", "#irp-panel")
		requireContainsAll(t, "IRP 1's panel", b.text(t, "#irp-panel"), irp.IRP.Panel...)
		requireContainsAll(t, "IRP 1's draw", b.text(t, "#irp-seed-check"), "Recomputed seed "+irp.IRP.Seed+" matches the seed on chain")
		requireContainsAll(t, "IRP 1's recomputed draw", b.text(t, "#irp-draw-check"), "The recomputed draw picks the same", "the panel on chain is the draw's")
		requireContainsAll(t, "IRP 1's drawn panelist", b.text(t, "#irp-draw-picks"), irp.IRP.Panel[2], "the third seat")
		b.screenshot(t, "irp-1")
	})
	t.Run("the challenged proposal's story shows its released hold and the dated draw", func(t *testing.T) {
		b.open(t, ex.URL+"/proposals/3", "#story")
		requireContainsAll(t, "the story of proposal 3", b.text(t, "#story"), "IRP_FILED", "HOLD", "held by irp/1 (released at block",
			"HOLD_RELEASED", "hold irp/1 released", "IRP_PANEL", "RETURNED")
		panelTime := b.text(t, "#story li.step-IRP_PANEL .time")
		if !strings.HasSuffix(panelTime, " UTC") {
			t.Errorf("the panel draw's step has time %q, want its block's time", panelTime)
		}
		b.screenshot(t, "story-released-hold")
	})
	t.Run("the registry shows what changed between two policy versions", func(t *testing.T) {
		b.open(t, ex.URL+"/registry", "#policy-dev-v2-text table.diff")
		diff := b.text(t, "#policy-dev-v2-text")
		requireContainsAll(t, "dev policy v2's diff", diff, "compared line by line with version 1",
			"Security fixes may ship without notice.", "Builds are reproducible.", "Security fixes ship within 72 hours of a report.")
		lines, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]int](`["d-add", "d-del"].map(c => document.querySelectorAll("#policy-dev-v2-text tr." + c).length)`))
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) != 2 || lines[0] != 2 || lines[1] != 1 {
			t.Errorf("dev policy v2's diff has %v added and removed lines, want [2 1]", lines)
		}
		b.screenshot(t, "registry-diff")
	})
	t.Run("the Board page shows the seats", func(t *testing.T) {
		b.open(t, ex.URL+"/board", "#board-seats")
		rows, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll("#board-seats tr.seat").length`))
		if err != nil {
			t.Fatal(err)
		}
		if rows < 7 {
			t.Errorf("the Board page shows %d seats, want the constitution's seats (at least 7)", rows)
		}
		requireContainsAll(t, "the Board's seats", b.text(t, "#board-seats"), "voting", "dev")
		b.screenshot(t, "board")
	})
	t.Run("a new block appears without a reload", func(t *testing.T) {
		b.open(t, ex.URL+"/", "#blocks")
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`window.__loaded = true`)); err != nil {
			t.Fatal(err)
		}
		first := waitHeight(t, b, 0)
		next := waitHeight(t, b, first)
		sameDocument, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`window.__loaded === true`))
		if err != nil {
			t.Fatal(err)
		}
		newRows, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll("#blocks tr.new-block").length`))
		if err != nil {
			t.Fatal(err)
		}
		if !sameDocument || newRows == 0 {
			t.Errorf("block %d after %d: same document %v, new rows %d; want the new block shown in place", next, first, sameDocument, newRows)
		}
		b.screenshot(t, "overview-live")
	})
	t.Run("a new step appears on a story page without a reload", func(t *testing.T) {
		file := proposalFile(t, net, "Thanks to the panel", newDoc("Resolved: the Board thanks the panel.", "https://polity.example/thanks.md"))
		id, _ := n.SubmitBoardProposal(t, "director-dev", "resolution", file)
		b.open(t, ex.URL+"/proposals/"+id, "#story li.step-BOARD_VOTE_OPENED")
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`window.__loaded = true`)); err != nil {
			t.Fatal(err)
		}
		n.MustTx(t, "director-ops", "proposals", "board-vote", id, "yes")
		waitSelector(t, b, "#story li.step-BOARD_VOTE.new-step", "director-ops's vote on proposal "+id+" shown in place")
		for _, d := range []string{"director-dev", "director-fin", "director-users"} {
			n.MustTx(t, d, "proposals", "board-vote", id, "yes")
		}
		waitSelector(t, b, "#story li.step-DECIDED.new-step", "proposal "+id+"'s ratification shown in place")
		requireContainsAll(t, "proposal "+id+"'s status", b.text(t, "#proposal-status"), "RATIFIED")
		sameDocument, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`window.__loaded === true`))
		if err != nil {
			t.Fatal(err)
		}
		if !sameDocument {
			t.Error("the story page reloaded; want its new steps added in place")
		}
		b.screenshot(t, "story-live")
	})
	t.Run("the other pages render", func(t *testing.T) {
		for _, p := range []struct{ path, sel, name string }{
			{"/communities", "#community-tree", "communities"},
			{"/proposals", "#proposals", "proposals"},
			{"/cases", "#irps", "cases"},
			{"/registry", "#advice", "registry"},
			{"/proposals/1", "#story", "story-policy"},
		} {
			b.open(t, ex.URL+p.path, p.sel)
			b.screenshot(t, p.name)
		}
	})
	t.Run("no console errors", func(t *testing.T) { b.requireNoProblems(t) })
}

// waitSelector waits until the page shows an element matching sel.
func waitSelector(t *testing.T, b *browser, sel, what string) {
	t.Helper()
	Eventually(t, 30*time.Second, what, func() (bool, string) {
		n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sel)+`).length`))
		if err != nil {
			return false, err.Error()
		}
		return n > 0, "no " + sel + " yet"
	})
}

// waitHeight polls the page's live height until it is above after.
func waitHeight(t *testing.T, b *browser, after int64) int64 {
	t.Helper()
	var h int64
	Eventually(t, 30*time.Second, fmt.Sprintf("the page's live height passes %d", after), func() (bool, string) {
		s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS("#live-height")))
		if err != nil {
			return false, err.Error()
		}
		v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return false, "live height " + strconv.Quote(s)
		}
		h = v
		return v > after, s
	})
	return h
}

// containsInOrder reports whether want appear in have in this order.
func containsInOrder(have []string, want ...string) bool {
	i := 0
	for _, h := range have {
		if i < len(want) && h == want[i] {
			i++
		}
	}
	return i == len(want)
}

// httpBody GETs a page that must answer 200 and returns its body.
func httpBody(t *testing.T, url string) string {
	t.Helper()
	resp, err := httpClient.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	return string(body)
}
