//go:build linux

package e2e

import "syscall"

// sysProcAttr makes the kernel kill a node if the test binary dies (a panic
// or a -timeout), so no polityd outlives its test even when t.Cleanup cannot
// run. (The signal follows the OS thread that started the child; the Go
// runtime retires a thread only when a goroutine locked to it exits, which
// the harness never does.)
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
