//go:build linux

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestStopEndsWhatTheNodeLeftBehind: a node process that starts a child and
// exits on SIGTERM without it (as cosmovisor can leave its polityd) leaves
// nothing running once the harness has stopped it.
func TestStopEndsWhatTheNodeLeftBehind(t *testing.T) {
	dir := t.TempDir()
	ready := filepath.Join(dir, "ready")
	n := &Node{Moniker: "leaver", LogPath: filepath.Join(dir, "leaver.log")}
	n.startProcess(t, "leaver", exec.Command("sh", "-c",
		`sleep 600 & trap 'exit 0' TERM; touch "$0"; while :; do sleep 0.1; done`, ready))
	pgid := n.PID()
	t.Cleanup(func() { endGroup(pgid) }) // should the test fail before stop
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(ready); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the process did not start its child")
		}
	}
	if err := n.stop(); err != nil {
		t.Fatal(err)
	}
	if groupAlive(pgid) {
		t.Fatalf("processes remain in group %d after stop", pgid)
	}
}
