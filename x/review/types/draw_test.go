package types_test

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/big"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/x/review/types"
)

// seed is a block hash in lower-case hex.
func seed(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// TestDrawFirstSelection recomputes the first selection by hand from the
// published procedure: SHA-256(0x0000 ‖ seed "/" ‖ 0x0000) mod the pool size
// indexes the sorted pool.
func TestDrawFirstSelection(t *testing.T) {
	pool := []string{"c", "a", "e", "b", "d"}
	s := seed("block 42")
	got, err := types.DrawPanelists(s, pool, 1)
	require.NoError(t, err)

	var idx [2]byte
	binary.BigEndian.PutUint16(idx[:], 0)
	msg := append(append(append([]byte{}, idx[:]...), []byte(s+"/")...), idx[:]...)
	sum := sha256.Sum256(msg)
	j := new(big.Int).Mod(new(big.Int).SetBytes(sum[:]), big.NewInt(5)).Int64()
	require.Equal(t, []string{"a", "b", "c", "d", "e"}[j], got[0])
}

// TestDrawProperties checks that a draw is deterministic, independent of the
// input order, never repeats, leaves its input alone and changes with the seed.
func TestDrawProperties(t *testing.T) {
	pool := make([]string, 12)
	for i := range pool {
		pool[i] = fmt.Sprintf("polity1panelist%02d", i)
	}
	reversed := slices.Clone(pool)
	slices.Reverse(reversed)
	before := slices.Clone(reversed)
	differs := false
	for i := range 20 {
		s := seed(fmt.Sprint(i))
		a, err := types.DrawPanelists(s, pool, len(pool))
		require.NoError(t, err)
		b, err := types.DrawPanelists(s, reversed, len(pool))
		require.NoError(t, err)
		require.Equal(t, a, b)
		require.ElementsMatch(t, pool, a, "a full draw is a permutation")
		other, err := types.DrawPanelists(seed(fmt.Sprint(i+100)), pool, 3)
		require.NoError(t, err)
		differs = differs || !slices.Equal(a[:3], other)
	}
	require.True(t, differs, "the seed decides the draw")
	require.Equal(t, before, reversed, "the caller's slice is not reordered")
}

// TestDrawErrors checks a bad seed and too small a pool.
func TestDrawErrors(t *testing.T) {
	_, err := types.DrawPanelists("", []string{"a"}, 1)
	require.Error(t, err)
	_, err = types.DrawPanelists("xyz", []string{"a"}, 1)
	require.Error(t, err)
	_, err = types.DrawPanelists(seed("s"), []string{"a", "b"}, 3)
	require.Error(t, err)
	got, err := types.DrawPanelists(seed("s"), nil, 0)
	require.NoError(t, err)
	require.Empty(t, got)
}
