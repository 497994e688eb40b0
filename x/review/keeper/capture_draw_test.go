package keeper_test

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/review/types"
)

// Capture path: grinding the panel draw. The seed mixes the hashes of
// several consecutive blocks announced when the choices close, so that no
// one block proposer chooses it, and nothing stands in for a missing hash.

// finalise runs the next block with the given hash (a proposer's choice of
// its own block) and its EndBlockers.
func finalise(f *keepertest.Fixture, hash []byte) {
	f.NextBlock(time.Second)
	info := f.Ctx.HeaderInfo()
	info.Hash = hash
	f.Ctx = f.Ctx.WithHeaderInfo(info)
	f.EndBlockAll()
}

// TestCaptureDrawSeedSpansBlocks: the seed heights are announced when the
// choices close, all of them after the block that announces them, and no
// side may choose once they are (ErrOutOfWindow, nothing changed). The seed
// is SHA-256-chained over every announced block's hash: the proposer of one
// of them changes the seed with its block but does not choose it, since the
// blocks after its own, by other proposers, still change it. Anyone
// recomputes it from the public hashes (types.DrawSeed).
func TestCaptureDrawSeedSpansBlocks(t *testing.T) {
	f := newFixture(t)
	_, irp := irpAgainstBylaw(t, f)
	f.MustDeliver(choose(keepertest.BoardChooser(), irp, "panelist-2"))
	f.Advance(f.GetIRP(irp).PickDeadline.Sub(f.Now()) - time.Second)
	f.ResetEvents()
	f.Advance(time.Second) // the claimant did not choose: the deadline closes the choices
	c := f.GetIRP(irp)
	announced := requireEvent[*types.EventDrawSeedAnnounced](t, f)
	require.Equal(t, c.SeedHeights, announced.Heights)
	require.Len(t, c.SeedHeights, int(f.ReviewParams().DrawSeedBlocks))
	require.GreaterOrEqual(t, len(c.SeedHeights), 3)
	for _, h := range c.SeedHeights {
		require.Greater(t, h, f.Ctx.BlockHeight(), "announced before it is produced")
	}

	// a proposer of the third seed block picks its hash; the others do not
	hashes := make([][]byte, len(c.SeedHeights))
	for i, h := range c.SeedHeights {
		hashes[i] = keepertest.BlockHash(h)
	}
	chosen := sha256.Sum256([]byte("the proposer's favourite block"))
	hashes[2] = chosen[:]
	for i := range c.SeedHeights {
		requireFailsUnchanged(t, f, choose(c.Claimant, irp, "panelist-3"), types.ErrOutOfWindow)
		finalise(f, hashes[i])
		if i < len(hashes)-1 {
			require.Equal(t, types.IRPPanelForming, f.GetIRP(irp).Status, "no draw before the last seed block")
		}
	}
	c = f.GetIRP(irp)
	require.Equal(t, types.IRPInReview, c.Status)
	want, err := types.DrawSeed(irp, hashes)
	require.NoError(t, err)
	require.Equal(t, hex.EncodeToString(want), c.Seed, "recomputable from the public block hashes")
	require.NotEqual(t, seedOf(t, c), c.Seed, "one block's hash changes the seed")

	// ...but every later block changes it again: the third block's proposer
	// cannot fix the seed by its own block
	later := append([][]byte{}, hashes...)
	other := sha256.Sum256([]byte("another proposer's block"))
	later[len(later)-1] = other[:]
	again, err := types.DrawSeed(irp, later)
	require.NoError(t, err)
	require.NotEqual(t, want, again)
}

// TestCaptureDrawSeedNeverFabricated: a block finalised without a hash is
// never replaced by a made-up seed (the old test-only fallback): the case
// drops the seed it had and announces new seed blocks, all still to come;
// the draw then runs on real hashes only.
func TestCaptureDrawSeedNeverFabricated(t *testing.T) {
	f := newFixture(t)
	_, irp := irpAgainstBylaw(t, f)
	toPickDeadline(t, f, irp)
	first := f.GetIRP(irp).SeedHeights
	finalise(f, keepertest.BlockHash(first[0]))
	require.Equal(t, uint32(1), f.GetIRP(irp).SeedBlocksMixed)

	f.ResetEvents()
	finalise(f, nil)
	c := f.GetIRP(irp)
	require.Equal(t, types.IRPPanelForming, c.Status)
	require.Zero(t, c.SeedBlocksMixed)
	require.Empty(t, c.Seed)
	require.Equal(t, f.Ctx.BlockHeight()+1, c.SeedHeights[0], "new seed blocks, none produced yet")
	ev := requireEvent[*types.EventDrawSeedAnnounced](t, f)
	require.Contains(t, ev.Note, "no hash")
	require.Empty(t, typedEvents[*types.EventQueueItemFailed](t, f), "nothing fails: the case goes on")

	toSeedHeight(t, f, irp)
	c = f.GetIRP(irp)
	require.Equal(t, types.IRPInReview, c.Status)
	require.Equal(t, seedOf(t, c), c.Seed)
}
