package explorer

import "strings"

// A line diff of two document versions (Myers' O(ND) algorithm), shown as
// unified-diff hunks: changed lines with a few unchanged lines around them.

// diffLine is one line of a diff: Op is '+' (added), '-' (removed), ' '
// (unchanged) or '…' (a run of unchanged lines left out, counted in Text).
type diffLine struct {
	Op     string
	Old    int // line number in the old text (0 when added or elided)
	New    int // line number in the new text (0 when removed or elided)
	Text   string
	Elided int
}

// textDiff is what the registry page shows for one version.
type textDiff struct {
	Lines   []diffLine
	Added   int
	Removed int
	// Whole is set when the texts differ too much for an edit script within
	// maxDiffEdits: everything old is shown removed, everything new added.
	Whole bool
}

const (
	// diffContext is how many unchanged lines surround each change.
	diffContext = 3
	// maxDiffEdits bounds the edit script's length (and so the work: at
	// most maxDiffEdits² steps) a request may cost.
	maxDiffEdits = 1000
)

// splitLines splits a text into lines without their line ends.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(strings.ReplaceAll(s, "\r\n", "\n"), "\n"), "\n")
}

// diffTexts compares two texts line by line.
func diffTexts(oldText, newText string) textDiff {
	a, b := splitLines(oldText), splitLines(newText)
	ops, whole := editScript(a, b)
	d := textDiff{Whole: whole}
	var all []diffLine
	i, j := 0, 0
	for _, op := range ops {
		switch op {
		case ' ':
			all = append(all, diffLine{Op: " ", Old: i + 1, New: j + 1, Text: a[i]})
			i++
			j++
		case '-':
			all = append(all, diffLine{Op: "-", Old: i + 1, Text: a[i]})
			i++
			d.Removed++
		case '+':
			all = append(all, diffLine{Op: "+", New: j + 1, Text: b[j]})
			j++
			d.Added++
		}
	}
	d.Lines = withContext(all, diffContext)
	return d
}

// withContext keeps the changed lines and ctx unchanged lines on each side
// of them; longer unchanged runs become one elision line.
func withContext(all []diffLine, ctx int) []diffLine {
	keep := make([]bool, len(all))
	for i, l := range all {
		if l.Op == " " {
			continue
		}
		for k := max(0, i-ctx); k <= min(len(all)-1, i+ctx); k++ {
			keep[k] = true
		}
	}
	var out []diffLine
	for i := 0; i < len(all); {
		if keep[i] {
			out = append(out, all[i])
			i++
			continue
		}
		n := 0
		for i < len(all) && !keep[i] {
			n++
			i++
		}
		out = append(out, diffLine{Op: "…", Elided: n})
	}
	return out
}

// editScript returns the shortest edit script turning a into b, one byte per
// line of the result (' ' keep, '-' remove from a, '+' add from b). The
// common prefix and suffix are matched first; past maxDiffEdits edits it
// gives up and replaces the middle whole (whole is then true).
func editScript(a, b []string) (ops []byte, whole bool) {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	middle, ok := myers(a[pre:len(a)-suf], b[pre:len(b)-suf], maxDiffEdits)
	if !ok {
		middle = append([]byte(strings.Repeat("-", len(a)-pre-suf)), strings.Repeat("+", len(b)-pre-suf)...)
	}
	ops = append([]byte(strings.Repeat(" ", pre)), middle...)
	return append(ops, strings.Repeat(" ", suf)...), !ok
}

// myers is Myers' greedy algorithm with a snapshot of the furthest-reaching
// paths after each number of edits d, walked back from the end to recover
// the script. It reports false when more than limit edits are needed.
func myers(a, b []string, limit int) ([]byte, bool) {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return append([]byte(strings.Repeat("-", n)), strings.Repeat("+", m)...), true
	}
	offset := n + m
	v := make([]int, 2*offset+2)
	var trace [][]int // trace[d][k+d]: v[k] after d edits
	for d := 0; d <= min(n+m, limit); d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
				x = v[offset+k+1] // a line added from b (down)
			} else {
				x = v[offset+k-1] + 1 // a line removed from a (right)
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[offset+k] = x
			if x >= n && y >= m {
				return backtrack(trace, n, m, d), true
			}
		}
		trace = append(trace, append([]int(nil), v[offset-d:offset+d+1]...))
	}
	return nil, false
}

// backtrack recovers the edit script from the snapshots, end to start.
func backtrack(trace [][]int, n, m, d int) []byte {
	var rev []byte
	x, y := n, m
	for ; d > 0; d-- {
		prev := trace[d-1] // v after d-1 edits, indexed k+(d-1)
		at := func(k int) int { return prev[k+d-1] }
		k := x - y
		var pk int
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			rev = append(rev, ' ')
			x--
			y--
		}
		if x == px {
			rev = append(rev, '+')
		} else {
			rev = append(rev, '-')
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		rev = append(rev, ' ')
		x--
		y--
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}
