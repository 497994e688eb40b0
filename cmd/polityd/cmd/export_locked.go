package cmd

import (
	"errors"
	"fmt"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
)

// stopNodeFirst wraps the commands that open the node's database (export,
// rollback) so that, on a running node, they say what to do instead of
// leveldb's bare "resource temporarily unavailable".
func stopNodeFirst(root *cobra.Command, names ...string) {
	for _, name := range names {
		cmd, _, err := root.Find([]string{name})
		if err != nil || cmd == root || cmd.RunE == nil {
			continue
		}
		run := cmd.RunE
		cmd.RunE = func(c *cobra.Command, args []string) error {
			return explainLocked(run(c, args))
		}
	}
}

// explainLocked turns the database lock error into an instruction.
func explainLocked(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, syscall.EAGAIN) || strings.Contains(err.Error(), "resource temporarily unavailable") {
		return fmt.Errorf("the node's database is locked by the running node: stop polityd first, then run this again (%w)", err)
	}
	return err
}
