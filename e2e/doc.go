// Package e2e drives real polityd processes on 127.0.0.1: it initialises
// homes, writes the default constitution, gives every node its own free
// ports and a sub-second block time, starts and stops nodes by PID, and runs
// the CLI, CometBFT RPC and REST against them.
//
// The harness runs the binary at $POLITYD_BIN (the Makefile exports it),
// defaulting to ../build/polityd, so run `make build` first or use `make e2e`.
// Only the upgrade test builds: it compiles a second binary carrying the
// next upgrade (build tag polity_next) unless $POLITYD_NEXT_BIN names one.
// Every test that starts polityd skips under `go test -short`.
//
// Each node logs into the test's temporary directory; when a test fails, the
// tail of every node's log is printed. Every process a test starts is stopped
// in t.Cleanup, whatever the outcome, and is also killed by the kernel if the
// test binary itself dies (Pdeathsig on Linux). Each node runs in its own
// process group, and what it leaves there when it stops (cosmovisor's
// polityd) is ended too.
//
// Nothing waits a fixed time: every condition is polled with a deadline.
package e2e
