package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/x/review/types"
)

// TestDrawSeedBlockSkipped: a seed block the case reaches only after its
// height (the chain moved past it before the queue got to it) is never mixed
// in late: the case drops the seed it had, announces new seed blocks after
// the current one, and draws on those.
func TestDrawSeedBlockSkipped(t *testing.T) {
	f := newFixture(t)
	_, irp := irpAgainstBylaw(t, f)
	toPickDeadline(t, f, irp)
	first := f.GetIRP(irp).SeedHeights
	require.GreaterOrEqual(t, len(first), 2, "the test constitution announces several seed blocks")
	finalise(f, nil) // a block without a hash at the first height: new blocks
	announced := f.GetIRP(irp).SeedHeights
	require.Equal(t, f.Ctx.BlockHeight()+1, announced[0])

	// the chain is next seen one block after the first announced height
	f.ResetEvents()
	skipped := announced[0]
	f.SetBlock(skipped+1, f.Now().Add(time.Second))
	f.EndBlockAll()
	c := f.GetIRP(irp)
	require.Equal(t, types.IRPPanelForming, c.Status)
	require.Zero(t, c.SeedBlocksMixed)
	require.Empty(t, c.Seed)
	require.Equal(t, skipped+2, c.SeedHeights[0], "the new seed blocks all come after this one")
	require.Len(t, c.SeedHeights, len(first))
	require.Equal(t, c.SeedHeights[len(c.SeedHeights)-1], c.SeedHeight)
	ev := requireEvent[*types.EventDrawSeedAnnounced](t, f)
	require.Equal(t, c.SeedHeights, ev.Heights)
	require.Contains(t, ev.Note, "was not reached in time")
	require.Empty(t, typedEvents[*types.EventQueueItemFailed](t, f), "nothing fails: the case goes on")

	toSeedHeight(t, f, irp)
	c = f.GetIRP(irp)
	require.Equal(t, types.IRPInReview, c.Status)
	require.Equal(t, seedOf(t, c), c.Seed)
}
