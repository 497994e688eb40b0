package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEditTOML checks that settings are replaced inside their own section
// only, and that a setting the file does not have is an error (a renamed
// option must not be silently skipped).
func TestEditTOML(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	in := "moniker = \"x\"\n[rpc]\nladdr = \"tcp://0.0.0.0:26657\"\n[p2p]\nladdr = \"tcp://0.0.0.0:26656\"\n"
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := editTOML(path, map[string]map[string]string{"rpc": {"laddr": q("tcp://127.0.0.1:1")}}); err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "[rpc]\nladdr = \"tcp://127.0.0.1:1\"") || !strings.Contains(string(out), "[p2p]\nladdr = \"tcp://0.0.0.0:26656\"") {
		t.Errorf("edited config:\n%s", out)
	}
	if err := editTOML(path, map[string]map[string]string{"rpc": {"no_such_key": "1"}}); err == nil {
		t.Error("a missing key was not reported")
	}
}

// TestIDsOf checks that ids are read from typed (quoted) and plain attributes
// of the named events only.
func TestIDsOf(t *testing.T) {
	tx := txOutcome{Events: []abciEvent{
		{Type: "polity.community.v1.EventMotionSubmitted", Attributes: []eventAttr{{"motion_id", `"7"`}}},
		{Type: "polity.community.v1.EventVoteCast", Attributes: []eventAttr{{"motion_id", `"7"`}}},
		{Type: "submit_proposal", Attributes: []eventAttr{{"proposal_id", "3"}}},
	}}
	if got := idsOf([]txOutcome{tx}, "proposal_id", "submit_proposal"); len(got) != 1 || got[0] != 3 {
		t.Errorf("idsOf plain = %v, want [3]", got)
	}
	if got := idsOf([]txOutcome{tx}, "motion_id", "EventMotionSubmitted"); len(got) != 1 || got[0] != 7 {
		t.Errorf("idsOf = %v, want [7]", got)
	}
}
