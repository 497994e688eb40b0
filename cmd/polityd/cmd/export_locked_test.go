package cmd

import (
	"errors"
	"fmt"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestExplainLocked: the database lock error of a running node becomes an
// instruction; other errors pass unchanged.
func TestExplainLocked(t *testing.T) {
	locked := explainLocked(fmt.Errorf("open data/application.db/LOCK: %w", syscall.EAGAIN))
	require.ErrorIs(t, locked, syscall.EAGAIN)
	require.Contains(t, locked.Error(), "stop polityd first")
	other := errors.New("no such file")
	require.Same(t, other, explainLocked(other))
	require.NoError(t, explainLocked(nil))
}
