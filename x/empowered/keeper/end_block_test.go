package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/internal/collutil"
)

// TestEndBlockDropsBrokenQueueEntry checks that a queue entry whose action
// cannot be read fails alone: EndBlock succeeds and the entry is dropped, so
// it is not retried every block.
func TestEndBlockDropsBrokenQueueEntry(t *testing.T) {
	f := newFixture(t)
	key := collutil.At(f.Now().Add(time.Minute), 999)
	require.NoError(t, f.Empowered.ActionQueue.Set(f.Ctx, key))
	f.NextBlock(time.Minute)
	require.NoError(t, f.Empowered.EndBlocker(f.Ctx), "EndBlock never fails for one item")
	has, err := f.Empowered.ActionQueue.Has(f.Ctx, key)
	require.NoError(t, err)
	require.False(t, has, "the broken entry is dropped")
}
