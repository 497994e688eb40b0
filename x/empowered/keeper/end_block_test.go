package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/empowered/types"
)

// TestEndBlockDropsBrokenQueueEntry checks that a queue entry whose action
// cannot be read fails alone: EndBlock succeeds and the entry is dropped, so
// it is not retried every block, with an event saying so.
func TestEndBlockDropsBrokenQueueEntry(t *testing.T) {
	f := newFixture(t)
	key := collutil.At(f.Now().Add(time.Minute), 999)
	require.NoError(t, f.Empowered.ActionQueue.Set(f.Ctx, key))
	f.NextBlock(time.Minute)
	require.NoError(t, f.Empowered.EndBlocker(f.Ctx), "EndBlock never fails for one item")
	has, err := f.Empowered.ActionQueue.Has(f.Ctx, key)
	require.NoError(t, err)
	require.False(t, has, "the broken entry is dropped")
	failed := typedEvents[*types.EventQueueItemFailed](t, f.Events())
	require.Len(t, failed, 1, "and the failure is on record")
	require.Equal(t, "action", failed[0].Queue)
	require.Equal(t, uint64(999), failed[0].Id)
	require.Contains(t, failed[0].Error, "999")
}
