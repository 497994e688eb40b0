package e2e

import (
	"regexp"
	"strings"
	"testing"
)

// errLine is a log line at ERR level in polityd's text format
// ("3:04PM ERR msg key=value ...").
var errLine = regexp.MustCompile(`(?m)^\S+ ERR .*$`)

// TestGracefulStopLogsNoErrors: a validator and a full node peered with it
// (the full node block-syncs first, so every shutdown path of CometBFT runs)
// are stopped with SIGTERM after serving RPC and REST; neither logs an ERR
// line while stopping, and both exit cleanly.
func TestGracefulStopLogsNoErrors(t *testing.T) {
	net := NewNetwork(t, Options{Bootstrap: true})
	v := net.Nodes[0]
	full := net.addFullNode(t, "full", v)
	full.Start(t)
	full.WaitReady(t)
	AgreeAt(t, MaxHeight(t, v, full)+2, v, full)

	for _, n := range []*Node{full, v} {
		before := len(n.Log(t))
		n.Stop(t)
		n.mu.Lock()
		exitErr := n.exitErr
		n.mu.Unlock()
		if exitErr != nil {
			t.Errorf("%s exited with %v after SIGTERM", n.Moniker, exitErr)
		}
		stopLog := n.Log(t)[before:]
		if !strings.Contains(stopLog, "Closing application.db") {
			t.Fatalf("%s's log has no shutdown after SIGTERM:\n%s", n.Moniker, stopLog)
		}
		if errs := errLine.FindAllString(stopLog, -1); len(errs) > 0 {
			t.Errorf("%s logged %d ERR lines while stopping:\n%s", n.Moniker, len(errs), strings.Join(errs, "\n"))
		}
	}
}
