package types_test

import (
	"crypto/sha256"
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/x/review/types"
)

// hashes are stand-in block hashes for heights from..from+n-1.
func hashes(from, n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		sum := sha256.Sum256([]byte{byte(from + i)})
		out[i] = sum[:]
	}
	return out
}

// TestDrawSeedRecomputable recomputes the documented formula by hand and
// checks that every block's hash matters and that the case id separates
// draws closing in the same block.
func TestDrawSeedRecomputable(t *testing.T) {
	hs := hashes(10, 5)
	var id [8]byte
	binary.BigEndian.PutUint64(id[:], 7)
	want := sha256.Sum256(append([]byte("polity/irp-draw/"), id[:]...))
	seed := want[:]
	for _, h := range hs {
		next := sha256.Sum256(append(append([]byte{}, seed...), h...))
		seed = next[:]
	}
	got, err := types.DrawSeed(7, hs)
	require.NoError(t, err)
	require.Equal(t, seed, got)

	for i := range hs {
		changed := hashes(10, 5)
		changed[i][0] ^= 1
		other, err := types.DrawSeed(7, changed)
		require.NoError(t, err)
		require.NotEqual(t, got, other, "block %d's hash must change the seed", i)
	}
	other, err := types.DrawSeed(8, hs)
	require.NoError(t, err)
	require.NotEqual(t, got, other, "another case, another seed")

	_, err = types.DrawSeed(7, nil)
	require.Error(t, err)
	_, err = types.DrawSeed(7, [][]byte{hs[0], {}})
	require.Error(t, err, "a missing hash is never replaced")
}
