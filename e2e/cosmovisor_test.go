package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// cosmovisorVersion is the cosmovisor the upgrade test runs nodes under (the
// newest the module proxy serves here).
const cosmovisorVersion = "v1.5.0"

// cosmovisorBinary returns a cosmovisor binary: $POLITY_COSMOVISOR_BIN, one
// on PATH, or one built from the module proxy into a scratch module (`go
// install pkg@version` asks the proxy for the version list, which it may
// refuse; a pinned require does not).
func cosmovisorBinary(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("POLITY_COSMOVISOR_BIN"); bin != "" {
		return bin
	}
	if bin, err := exec.LookPath("cosmovisor"); err == nil {
		return bin
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	start := time.Now()
	for _, args := range [][]string{
		{"mod", "init", "cosmovisor-build"},
		{"get", "cosmossdk.io/tools/cosmovisor@" + cosmovisorVersion},
		{"build", "-o", "cosmovisor", "cosmossdk.io/tools/cosmovisor/cmd/cosmovisor"},
	} {
		cmd := exec.CommandContext(ctx, "go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("building cosmovisor %s: go %v: %v\n%s", cosmovisorVersion, args, err, out)
		}
	}
	t.Logf("built cosmovisor %s in %s", cosmovisorVersion, time.Since(start).Round(100*time.Millisecond))
	return filepath.Join(dir, "cosmovisor")
}

// installUnderCosmovisor lays out <home>/cosmovisor as docs/operator-guide.md
// says: the genesis binary, and, once an upgrade is scheduled, each
// upgrade's binary under upgrades/<name>/bin.
func installUnderCosmovisor(t *testing.T, home, upgrade, bin string) {
	t.Helper()
	dir := filepath.Join(home, "cosmovisor", "genesis", "bin")
	if upgrade != "" {
		dir = filepath.Join(home, "cosmovisor", "upgrades", upgrade, "bin")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "polityd"), raw, 0o755); err != nil { //nolint:gosec // an executable
		t.Fatal(err)
	}
}

// StartUnderCosmovisor starts the node as `cosmovisor run start`, which
// switches to an upgrade's binary by itself at the planned height.
func (n *Node) StartUnderCosmovisor(t *testing.T, cosmovisor string) {
	t.Helper()
	cmd := exec.Command(cosmovisor, "run", "start", "--home", n.Home, "--log_no_color")
	cmd.Env = append(os.Environ(), "DAEMON_NAME=polityd", "DAEMON_HOME="+n.Home,
		"DAEMON_ALLOW_DOWNLOAD_BINARIES=false", "DAEMON_RESTART_AFTER_UPGRADE=true", "UNSAFE_SKIP_BACKUP=true")
	n.startProcess(t, "cosmovisor "+cosmovisor, cmd)
}
