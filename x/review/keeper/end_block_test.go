package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/review/types"
)

// TestEndBlockDropsBrokenQueueEntry checks that a due entry whose record
// cannot be read fails alone: EndBlock succeeds, the entry leaves its queue
// so it is not retried every block, and EventQueueItemFailed records it.
func TestEndBlockDropsBrokenQueueEntry(t *testing.T) {
	f := newFixture(t)
	key := collutil.At(f.Now().Add(time.Minute), 999)
	require.NoError(t, f.Review.ComplaintQueue.Set(f.Ctx, key))
	f.NextBlock(time.Minute)
	require.NoError(t, f.Review.EndBlocker(f.Ctx), "EndBlock never fails for one item")
	has, err := f.Review.ComplaintQueue.Has(f.Ctx, key)
	require.NoError(t, err)
	require.False(t, has, "the broken entry is dropped")
	failed := typedEvents[*types.EventQueueItemFailed](t, f)
	require.Len(t, failed, 1)
	require.Equal(t, "complaint", failed[0].Queue)
	require.Equal(t, uint64(999), failed[0].Id)
	require.Contains(t, failed[0].Error, "999")
}
