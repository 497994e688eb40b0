package explorer

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

const zeroTime = "0001-01-01T00:00:00Z"

func version(n, proposal, text string) map[string]any {
	return map[string]any{
		"kind": "DOCUMENT_KIND_BYLAWS", "version": n, "summary": "bylaws v" + n, "proposal_id": proposal, "height": "1" + n,
		"document": map[string]any{"hash": "h" + n, "uri": "https://polity.example/bylaws-v" + n + ".md"}, "text": text,
	}
}

// registryNode has bylaws in three versions: the founding one without text,
// then two with their texts.
func registryNode() *stubNode {
	n := newStubNode()
	n.rest["/polity/proposals/v1/bylaws"] = map[string]any{"history": []any{
		version("1", "0", ""),
		version("2", "3", "Art. 1 The Board has seven directors.\nArt. 2 Terms are three years.\nArt. 3 Meetings are public.\n"),
		version("3", "5", "Art. 1 The Board has seven directors.\nArt. 2 Terms are two years.\nArt. 3 Meetings are public.\n"),
	}}
	n.rest["/polity/proposals/v1/budgets"] = map[string]any{"history": []any{}}
	n.rest["/polity/community/v1/communities"] = map[string]any{"communities": []any{}}
	n.rest["/polity/proposals/v1/advice"] = map[string]any{"advice": []any{}}
	return n
}

// TestRegistryShowsTextDiff: a version kept with its text is compared line
// by line with the version before; the first version with a text shows its
// whole text, and one without says it is hash and URI only.
func TestRegistryShowsTextDiff(t *testing.T) {
	s := explorerOn(t, registryNode())
	code, body, _ := get(t, s, "/registry")
	require.Equal(t, http.StatusOK, code, body)
	v3 := section(t, body, `id="bylaws-v3-text"`, "</details>")
	require.Contains(t, v3, "<details open>")
	require.Contains(t, v3, "the text compared line by line with version 2")
	require.Contains(t, v3, `<tr class="d-del"><td class="ln">2</td><td class="ln"></td><td class="dl"><span class="op">-</span>Art. 2 Terms are three years.</td></tr>`)
	require.Contains(t, v3, `<tr class="d-add"><td class="ln"></td><td class="ln">2</td><td class="dl"><span class="op">&#43;</span>Art. 2 Terms are two years.</td></tr>`)
	require.Contains(t, v3, `<tr class="d-ctx"><td class="ln">1</td><td class="ln">1</td>`)
	require.Contains(t, v3, ">+1</span>")
	require.Contains(t, v3, ">−1</span>")

	v2 := section(t, body, `id="bylaws-v2-text"`, "</details>")
	require.Contains(t, v2, "the version before keeps no text on chain: this version&#39;s whole text")
	require.Equal(t, 3, strings.Count(v2, `class="d-add"`))
	require.NotContains(t, v2, "<details open>", "a whole text is folded")

	v1 := section(t, body, `id="bylaws-v1-text"`, "</tr>")
	require.Contains(t, v1, "no text on chain: this version is kept as hash and URI only")
	require.Contains(t, body, "hash: h2 → h3", "the record's changes are still listed")
}

// section returns body from the first occurrence of start to the next end.
func section(t *testing.T, body, start, end string) string {
	t.Helper()
	i := strings.Index(body, start)
	require.GreaterOrEqual(t, i, 0, "no %s in:\n%s", start, body)
	j := strings.Index(body[i:], end)
	require.GreaterOrEqual(t, j, 0)
	return body[i : i+j]
}

func entry(height, time, step, detail, ref, msg string) map[string]any {
	return map[string]any{"height": height, "time": time, "module": "review", "step": step, "actor": "", "detail": detail, "ref": ref, "msg_type": msg}
}

// storyNode has proposal 3's story: an IRP whose panel step has no time (a
// case drawn before the chain kept it), a hold placed and released.
func storyNode() *stubNode {
	n := newStubNode()
	n.rest["/polity/proposals/v1/proposals/3"] = map[string]any{"proposal": map[string]any{
		"id": "3", "title": "Term limits", "status": "PROPOSAL_STATUS_RETURNED", "kind": "PROPOSAL_KIND_STANDARD_BYLAW",
		"document":    map[string]any{"hash": hex.EncodeToString(sha([]byte("Two terms at most.\n"))), "uri": "https://polity.example/t.md"},
		"board_tally": map[string]any{"yes": "5"}, "messages": []any{},
	}}
	n.rest["/polity/proposals/v1/proposals/3/text"] = map[string]any{"proposal_id": "3", "text": "Two terms at most.\n"}
	n.rest["/polity/history/v1/proposals/3/history"] = map[string]any{"status": "PROPOSAL_STATUS_RETURNED", "entries": []any{
		entry("10", "2030-01-01T00:00:10Z", "IRP_FILED", "IRP 1 filed", "irp/1", "/polity.review.v1.MsgFileIRP"),
		entry("10", "2030-01-01T00:00:10Z", "HOLD", "held by irp/1 (released at block 30): interim relief requested", "hold/irp/1", ""),
		entry("16", zeroTime, "IRP_PANEL", "panel of IRP 1", "irp/1", ""),
		entry("30", "2030-01-01T00:00:30Z", "HOLD_RELEASED", "hold irp/1 released: the case is decided", "hold/irp/1", ""),
	}}
	n.rpc["block?height=16"] = map[string]any{"block": map[string]any{"header": map[string]any{"height": "16", "time": "2030-01-01T00:00:16.5Z"}}}
	return n
}

// TestStoryShowsReleasedHoldAndDatesSteps: the story lists the released
// hold (its record links to the case that held it), dates a step without a
// time from its block, and shows the document's text with its hash checked.
func TestStoryShowsReleasedHoldAndDatesSteps(t *testing.T) {
	s := explorerOn(t, storyNode())
	code, body, _ := get(t, s, "/proposals/3")
	require.Equal(t, http.StatusOK, code, body)
	panel := section(t, body, `step-IRP_PANEL`, "</li>")
	require.Contains(t, panel, `<span class="time" title="the time of block 16">2030-01-01 00:00:16 UTC</span>`)
	released := section(t, body, `step-HOLD_RELEASED`, "</li>")
	require.Contains(t, released, "hold irp/1 released: the case is decided")
	require.Contains(t, released, `<a class="ref" href="/irps/1">hold/irp/1</a>`)
	require.Contains(t, released, `<a href="/block/30"`, "a step of the chain links its block")
	require.Contains(t, section(t, body, `step-IRP_FILED`, "</li>"), `href="/txs?action=%2Fpolity.review.v1.MsgFileIRP&amp;height=10"`)
	require.Contains(t, body, `data-live="/api/proposals/3/story" data-count="4"`)
	text := section(t, body, `id="document-text"`, "</details>")
	require.Contains(t, text, "19 bytes; its SHA-256 is the document's hash")
	require.Contains(t, text, "<pre>Two terms at most.\n</pre>")
}

// TestStoryFeed: the live feed gives the status, the number of steps and the
// steps rendered as the page renders them; it refuses a bad id and passes on
// a missing proposal as 404.
func TestStoryFeed(t *testing.T) {
	n := storyNode()
	s := explorerOn(t, n)
	code, body, hdr := get(t, s, "/api/proposals/3/story")
	require.Equal(t, http.StatusOK, code, body)
	require.Equal(t, "application/json", hdr.Get("Content-Type"))
	var feed struct {
		Status string `json:"status"`
		Count  int    `json:"count"`
		Steps  string `json:"steps"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &feed))
	require.Equal(t, "RETURNED", feed.Status)
	require.Equal(t, 4, feed.Count)
	_, page, _ := get(t, s, "/proposals/3")
	require.Equal(t, strings.TrimSpace(feed.Steps), strings.TrimSpace(section(t, page, `<li class="step step-IRP_FILED"`, "</ol>")),
		"the feed's steps are the page's")

	code, _, _ = get(t, s, "/api/proposals/x/story")
	require.Equal(t, http.StatusBadRequest, code)
	code, body, _ = get(t, s, "/api/proposals/9/story")
	require.Equal(t, http.StatusNotFound, code, body)
	require.Contains(t, body, `"error"`)
}

func sha(b []byte) []byte {
	sum := sha256.Sum256(b)
	return sum[:]
}

// irpNode has IRP 1 drawn from the hashes of blocks 5 and 6, with its pool
// and picks recorded as x/review keeps them.
func irpNode(t *testing.T, tamper bool) *stubNode {
	t.Helper()
	n := newStubNode()
	hashes := [][]byte{sha([]byte("block 5")), sha([]byte("block 6"))}
	for i, h := range hashes {
		height := []string{"5", "6"}[i]
		n.rpc["block?height="+height] = map[string]any{"block_id": map[string]any{"hash": strings.ToUpper(hex.EncodeToString(h))}}
	}
	seed, err := reviewtypes.DrawSeed(1, hashes)
	require.NoError(t, err)
	pool := []string{"polity1aaa", "polity1bbb", "polity1ccc", "polity1ddd"}
	drawn, err := reviewtypes.DrawPanelists(hex.EncodeToString(seed), pool, 2)
	require.NoError(t, err)
	third := drawn[1]
	if tamper {
		for _, p := range pool {
			if p != drawn[0] && p != drawn[1] {
				third = p // a panel the draw did not choose
			}
		}
	}
	n.rest["/polity/review/v1/irps/1"] = map[string]any{"irp": map[string]any{
		"id": "1", "status": "IRP_STATUS_IN_REVIEW", "proposal_id": "3", "seed": hex.EncodeToString(seed),
		"seed_heights": []any{"5", "6"}, "draw_seed_blocks": 2,
		"claimant_pick": drawn[0], "respondent_pick": "polity1zzz", "panel": []any{drawn[0], "polity1zzz", third},
		"draw_pool": pool, "drawn_panelists": []any{drawn[0], third}, "drawn_time": "2030-01-01T00:00:06Z",
		"claim": map[string]any{"uri": "https://x"},
	}}
	return n
}

// TestIRPDrawRecomputed: the IRP page recomputes the seed from the blocks
// and then which panelists the draw chose from the recorded pool, naming
// the seat each filled; a panel the draw did not choose is flagged.
func TestIRPDrawRecomputed(t *testing.T) {
	s := explorerOn(t, irpNode(t, false))
	code, body, _ := get(t, s, "/irps/1")
	require.Equal(t, http.StatusOK, code, body)
	require.Contains(t, body, "matches the seed on chain")
	check := section(t, body, `id="irp-draw-check"`, "</p>")
	require.Contains(t, check, "The recomputed draw picks the same 2 panelist(s) from the pool of 4: the panel on chain is the draw's.")
	picks := section(t, body, `id="irp-draw-picks"`, "</table>")
	require.Contains(t, picks, "the claimant&#39;s seat (the claimant did not choose)")
	require.Contains(t, picks, "the third seat")
	require.Equal(t, 4, strings.Count(section(t, body, `id="irp-draw-pool"`, "</table>"), "<tr><td>"))

	s = explorerOn(t, irpNode(t, true))
	_, body, _ = get(t, s, "/irps/1")
	require.Contains(t, section(t, body, `id="irp-draw-check"`, "</p>"), "The recomputed draw differs from the panel on chain.")
}
