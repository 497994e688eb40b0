//go:build !linux

package e2e

import "syscall"

// sysProcAttr has no parent-death signal outside Linux; t.Cleanup stops nodes.
func sysProcAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{} }

// endGroup has nothing to do where nodes have no process group of their own.
func endGroup(int) {}
