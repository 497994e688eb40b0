package main

import (
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/polity-chain/polity/app/constitution/file"
)

func TestValidateFlags(t *testing.T) {
	good := config{members: 10, workers: 2, runs: 1, boardPerRun: 1, dur: time.Second, mixes: []string{mixVote, mixBoard}}
	if err := good.validate(); err != nil {
		t.Fatalf("good flags refused: %v", err)
	}
	for _, c := range []struct {
		name   string
		break_ func(*config)
		want   string
	}{
		{"no senders", func(c *config) { c.members = 0 }, "-n 0"},
		{"no workers", func(c *config) { c.workers = 0 }, "-w 0"},
		{"no runs", func(c *config) { c.runs = 0 }, "-runs 0"},
		{"negative k", func(c *config) { c.perTx = -1 }, "-k -1"},
		{"negative rate", func(c *config) { c.rate = -1 }, "-rate -1"},
		{"board mix without proposals", func(c *config) { c.boardPerRun = 0 }, "-board 0"},
		{"no duration", func(c *config) { c.dur = 0 }, "-d 0s"},
		{"unknown mix", func(c *config) { c.mixes = []string{"vote", "votes"} }, `unknown mix "votes"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := good
			c.break_(&cfg)
			err := cfg.validate()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// TestLoadConstitution: the file the load writes is the shipped dev example
// plus its accounts, parsed by the constitution file's own reader (unknown
// fields refused): every window long, each member a funded voting member of
// the load's community, each outsider a funded key only.
func TestLoadConstitution(t *testing.T) {
	example, err := file.Example("dev")
	if err != nil {
		t.Fatal(err)
	}
	members := []*sender{{addr: "polity1member0"}, {addr: "polity1member1"}}
	outsiders := []*sender{{addr: "polity1outsider0"}}
	raw, err := loadConstitution(example, members, outsiders, "upolity")
	if err != nil {
		t.Fatal(err)
	}
	f, err := file.Parse(raw)
	if err != nil {
		t.Fatalf("the load's constitution does not parse: %v", err)
	}
	base, err := file.Parse(example)
	if err != nil {
		t.Fatal(err)
	}
	if w := f.Windows; w.Voting != loadWindow || w.Comment != loadWindow || w.Review != loadWindow {
		t.Fatalf("windows %+v, want every one %s", w, loadWindow)
	}
	if len(f.Keys) != len(base.Keys)+3 || len(f.Members) != len(base.Members)+2 {
		t.Fatalf("%d keys and %d members, want the example's %d and %d plus 3 and 2", len(f.Keys), len(f.Members), len(base.Keys), len(base.Members))
	}
	k := f.Keys[len(base.Keys)]
	if k.Address != "polity1member0" || k.Balance != loadBalance+"upolity" {
		t.Fatalf("first load key %+v", k)
	}
	m := f.Members[len(base.Members)+1]
	if m.Key != "load-member-1" || len(m.Memberships) != 1 || m.Memberships[0].Community != loadCommunity {
		t.Fatalf("second load member %+v", m)
	}
}

// TestStopAllStopsStartedNodes: an interrupted run stops every process it
// started in its own process group.
func TestStopAllStopsStartedNodes(t *testing.T) {
	n := &node{name: "sleeper", cmd: exec.Command("sleep", "60")}
	n.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := n.cmd.Start(); err != nil {
		t.Skipf("cannot start sleep: %v", err)
	}
	pid := n.cmd.Process.Pid
	running.add(n)
	running.stopAll()
	if n.cmd != nil {
		t.Fatal("the node is still marked running")
	}
	if err := syscall.Kill(pid, 0); err == nil {
		t.Fatalf("process %d is still alive", pid)
	}
	if len(running.nodes) != 0 {
		t.Fatalf("%d nodes left in the set", len(running.nodes))
	}
}

// TestPickForSpread: a sender never votes twice on one id in a run, runs use
// disjoint ids, and with spread 2 each id gets the votes of half the senders.
func TestPickForSpread(t *testing.T) {
	const runs, perTx, spread, senders = 2, 6, 2, 10
	ids := make([]uint64, runs*perTx*spread)
	for i := range ids {
		ids[i] = uint64(i)
	}
	runOf := map[uint64]int{}
	for run := range runs {
		voters := map[uint64]int{}
		for i := range senders {
			seen := map[uint64]bool{}
			for k := range perTx {
				id := pickFor(ids, run, perTx, spread, i, k)
				if seen[id] {
					t.Fatalf("run %d: sender %d votes twice on %d", run, i, id)
				}
				seen[id] = true
				if r, ok := runOf[id]; ok && r != run {
					t.Fatalf("id %d used by runs %d and %d", id, r, run)
				}
				runOf[id] = run
				voters[id]++
			}
		}
		if len(voters) != perTx*spread {
			t.Fatalf("run %d votes on %d ids, want %d", run, len(voters), perTx*spread)
		}
		for id, n := range voters {
			if n != senders/spread {
				t.Fatalf("run %d: id %d has %d voters, want %d", run, id, n, senders/spread)
			}
		}
	}
}

// TestBoardSpreadKeepsResolutionsOpen: the seven directors' votes in a run
// reach no resolution more than three times, fewer than the four a Board
// majority needs, so no resolution is decided mid-run; every resolution of
// the run is voted on.
func TestBoardSpreadKeepsResolutionsOpen(t *testing.T) {
	const runs, perTx, directors = 2, 9, 7
	ids := make([]uint64, boardSpread*runs*perTx)
	for i := range ids {
		ids[i] = uint64(i)
	}
	for run := range runs {
		voters := map[uint64]int{}
		for i := range directors {
			for k := range perTx {
				voters[pickFor(ids, run, perTx, boardSpread, i, k)]++
			}
		}
		if len(voters) != boardSpread*perTx {
			t.Fatalf("run %d votes on %d resolutions, want %d", run, len(voters), boardSpread*perTx)
		}
		for id, n := range voters {
			if n > 3 {
				t.Fatalf("run %d: resolution %d has %d of %d directors' votes", run, id, n, directors)
			}
		}
	}
}
