package explorer

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// apply replays an edit script: the kept and removed lines must be a, the
// kept and added lines b.
func apply(t *testing.T, a, b []string, ops []byte) {
	t.Helper()
	var fromA, fromB []string
	i, j := 0, 0
	for _, op := range ops {
		switch op {
		case ' ':
			require.Equal(t, a[i], b[j], "a kept line is the same in both")
			fromA, fromB = append(fromA, a[i]), append(fromB, b[j])
			i++
			j++
		case '-':
			fromA = append(fromA, a[i])
			i++
		case '+':
			fromB = append(fromB, b[j])
			j++
		}
	}
	require.Equal(t, strings.Join(a, "\n"), strings.Join(fromA, "\n"))
	require.Equal(t, strings.Join(b, "\n"), strings.Join(fromB, "\n"))
	require.Equal(t, [2]int{len(a), len(b)}, [2]int{i, j})
}

func edits(ops []byte) int { return strings.Count(string(ops), "-") + strings.Count(string(ops), "+") }

// TestEditScript: scripts replay to the new text and are shortest on known
// cases; random texts replay too.
func TestEditScript(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		edits int
	}{
		{"", "", 0},
		{"a\nb\nc", "a\nb\nc", 0},
		{"", "a\nb", 2},
		{"a\nb", "", 2},
		{"a\nb\nc\nd", "a\nx\nc\nd", 2},
		{"a\nb\nc\na\nb\nb\na", "c\nb\na\nb\na\nc", 5}, // Myers' paper example
		{"one\ntwo\nthree", "zero\none\ntwo\nthree\nfour", 2},
	} {
		a, b := splitLines(c.a), splitLines(c.b)
		ops, whole := editScript(a, b)
		require.False(t, whole)
		apply(t, a, b, ops)
		require.Equal(t, c.edits, edits(ops), "%q -> %q: %s", c.a, c.b, ops)
	}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 200; n++ {
		var a, b []string
		for i := r.Intn(30); i > 0; i-- {
			a = append(a, string(rune('a'+r.Intn(4))))
		}
		for i := r.Intn(30); i > 0; i-- {
			b = append(b, string(rune('a'+r.Intn(4))))
		}
		ops, _ := editScript(a, b)
		apply(t, a, b, ops)
	}
}

// TestEditScriptGivesUp: texts needing more than maxDiffEdits edits are
// shown replaced whole, after their common prefix and suffix.
func TestEditScriptGivesUp(t *testing.T) {
	var a, b []string
	for i := 0; i < maxDiffEdits; i++ {
		a = append(a, "old "+strings.Repeat("x", i%7)+string(rune('A'+i%26)))
		b = append(b, "new "+string(rune('a'+i%26)))
	}
	a = append([]string{"title"}, append(a, "end")...)
	b = append([]string{"title"}, append(b, "end")...)
	ops, whole := editScript(a, b)
	require.True(t, whole)
	apply(t, a, b, ops)
	require.Equal(t, byte(' '), ops[0])
	require.Equal(t, byte(' '), ops[len(ops)-1])
}

// TestDiffTextsContext: unchanged runs longer than the context are elided
// and counted; the changed lines keep their line numbers.
func TestDiffTextsContext(t *testing.T) {
	var old []string
	for i := 1; i <= 20; i++ {
		old = append(old, "line "+string(rune('a'+i)))
	}
	updated := append([]string(nil), old...)
	updated[9] = "line changed"
	d := diffTexts(strings.Join(old, "\n")+"\n", strings.Join(updated, "\n")+"\n")
	require.Equal(t, 1, d.Added)
	require.Equal(t, 1, d.Removed)
	var ops []string
	for _, l := range d.Lines {
		ops = append(ops, l.Op)
	}
	require.Equal(t, []string{"…", " ", " ", " ", "-", "+", " ", " ", " ", "…"}, ops)
	require.Equal(t, 6, d.Lines[0].Elided)
	require.Equal(t, diffLine{Op: "-", Old: 10, Text: old[9]}, d.Lines[4])
	require.Equal(t, diffLine{Op: "+", New: 10, Text: "line changed"}, d.Lines[5])
	require.Equal(t, 7, d.Lines[9].Elided)
}
