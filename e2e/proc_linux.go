//go:build linux

package e2e

import (
	"errors"
	"syscall"
	"time"
)

// sysProcAttr makes the kernel kill a node if the test binary dies (a panic
// or a -timeout), so no polityd outlives its test even when t.Cleanup cannot
// run. (The signal follows the OS thread that started the child; the Go
// runtime retires a thread only when a goroutine locked to it exits, which
// the harness never does.) The node gets its own process group, so that
// endGroup can find what it leaves behind.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL, Setpgid: true}
}

// groupAlive reports whether any process is left in the process group.
func groupAlive(pgid int) bool {
	return !errors.Is(syscall.Kill(-pgid, 0), syscall.ESRCH)
}

// endGroup stops what is left in a stopped node's process group. Cosmovisor
// starts the upgraded polityd itself, without the parent-death signal, and a
// stop signal that reaches cosmovisor alone can leave that polityd running
// with no parent. Leftovers get SIGTERM, and SIGKILL after 30 s.
func endGroup(pgid int) {
	if !groupAlive(pgid) {
		return
	}
	_ = syscall.Kill(-pgid, syscall.SIGTERM) // ESRCH only means it is gone
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if !groupAlive(pgid) {
			return
		}
	}
	_ = syscall.Kill(-pgid, syscall.SIGKILL)
}
