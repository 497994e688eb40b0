//go:build !linux

package e2e

import "syscall"

// sysProcAttr has no parent-death signal outside Linux; t.Cleanup stops nodes.
func sysProcAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{} }
