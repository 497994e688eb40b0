package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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

// TestAddMembersWithoutTemplate: a genesis whose membership has no member
// record is refused with an error, not a panic on a nil map.
func TestAddMembersWithoutTemplate(t *testing.T) {
	community := map[string]any{
		"members":     []map[string]any{{"address": "polity1other"}},
		"memberships": []map[string]any{{"community_id": loadCommunity, "address": "polity1orphan"}},
		"params":      map[string]any{},
	}
	raw, err := json.Marshal(map[string]any{"app_state": map[string]any{"community": community}})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "genesis.json")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = addMembers(path, []*sender{{addr: "polity1new"}})
	if err == nil || !strings.Contains(err.Error(), "no member record") {
		t.Fatalf("got %v, want the missing member record reported", err)
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
