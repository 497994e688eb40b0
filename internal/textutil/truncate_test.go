package textutil_test

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/internal/textutil"
)

// TestTruncate checks the byte bound and that a multi-byte rune is never split.
func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exact", 5, "exact"},
		{"abcdef", 3, "abc"},
		{"añb", 2, "a"}, // ñ is two bytes: cutting inside it drops it
		{"añb", 3, "añ"},
		{"€€", 4, "€"},
		{"abc", 0, ""},
		{"abc", -1, ""},
	} {
		got := textutil.Truncate(tc.in, tc.n)
		require.Equal(t, tc.want, got, "%q to %d", tc.in, tc.n)
		require.True(t, utf8.ValidString(got))
		require.LessOrEqual(t, len(got), max(tc.n, 0))
	}
}
