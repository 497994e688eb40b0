package explorer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// storyStep is one history entry with its links.
type storyStep struct {
	Entry  map[string]any
	TxLink string
	RefURL string
	// TimeFromBlock is set when the entry's time was read from its block
	// (the history query had none: records written before their time was kept).
	TimeFromBlock bool
}

// storyData is what the story page and its live feed render.
type storyData struct {
	Proposal map[string]any
	Status   string
	Steps    []storyStep
}

// loadStory reads a proposal and its history, and dates from their blocks
// the steps the history query gives no time.
func (s *Server) loadStory(ctx context.Context, id uint64) (storyData, error) {
	p, err := s.node.REST(ctx, "/polity/proposals/v1/proposals/"+strconv.FormatUint(id, 10), nil)
	if err != nil {
		return storyData{}, err
	}
	h, err := s.node.REST(ctx, "/polity/history/v1/proposals/"+strconv.FormatUint(id, 10)+"/history", nil)
	if err != nil {
		return storyData{}, err
	}
	d := storyData{Proposal: obj(p["proposal"]), Status: str(h["status"])}
	times := map[string]string{} // block height -> time, read once per request
	for _, e := range list(h["entries"]) {
		m := obj(e)
		step := storyStep{Entry: m, TxLink: txLink(m), RefURL: refURL(str(m["ref"]))}
		if height := str(m["height"]); formatTime(m["time"]) == "—" && num(height) > 0 {
			if _, ok := times[height]; !ok {
				times[height] = s.blockTime(ctx, height)
			}
			if t := times[height]; t != "" {
				m["time"], step.TimeFromBlock = t, true
			}
		}
		d.Steps = append(d.Steps, step)
	}
	return d, nil
}

// blockTime is a block's header time ("" when the node does not have it).
func (s *Server) blockTime(ctx context.Context, height string) string {
	res, err := s.node.RPC(ctx, "block", url.Values{"height": {height}})
	if err != nil {
		return ""
	}
	return str(obj(obj(res["block"])["header"])["time"])
}

// documentText is a proposal's document text and whether its SHA-256 is the
// document's hash, as the chain checked at submission ("" when it has none).
func (s *Server) documentText(ctx context.Context, id uint64, doc map[string]any) (string, bool) {
	res, err := s.node.REST(ctx, "/polity/proposals/v1/proposals/"+strconv.FormatUint(id, 10)+"/text", nil)
	if err != nil {
		return "", false // an older node without the route: no text to show
	}
	text := str(res["text"])
	sum := sha256.Sum256([]byte(text))
	return text, text != "" && hex.EncodeToString(sum[:]) == str(doc["hash"])
}

// story: one proposal's whole story in time order, from the history query;
// the page then follows it live through /api/proposals/{id}/story.
func (s *Server) story(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
	if err != nil || id == 0 {
		s.fail(w, "Proposal", "proposals", badRequest("a proposal id is a positive number, not "+strconv.Quote(r.PathValue("id"))))
		return
	}
	d, err := s.loadStory(r.Context(), id)
	if err != nil {
		s.fail(w, "Proposal "+r.PathValue("id"), "proposals", err)
		return
	}
	text, verified := s.documentText(r.Context(), id, obj(d.Proposal["document"]))
	s.render(w, "story", "Proposal "+strconv.FormatUint(id, 10), "proposals", map[string]any{
		"proposal": d.Proposal, "steps": d.Steps, "id": id, "text": text, "textVerified": verified,
	})
}

// storyFeed is the story's live feed: the steps rendered as on the page, the
// status and the step count, so a page replaces its list when either moved.
func (s *Server) storyFeed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
	if err != nil || id == 0 {
		w.WriteHeader(http.StatusBadRequest)
		writeJSON(w, map[string]string{"error": "a proposal id is a positive number"})
		return
	}
	d, err := s.loadStory(r.Context(), id)
	if err != nil {
		status := http.StatusBadGateway
		if ne, ok := asNodeError(err); ok && !ne.Unreachable && ne.NotFound() {
			status = http.StatusNotFound
		}
		w.WriteHeader(status)
		writeJSON(w, map[string]string{"error": err.Error()})
		return
	}
	var steps strings.Builder
	if err := s.pages["story"].ExecuteTemplate(&steps, "steps", map[string]any{"steps": d.Steps}); err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		writeJSON(w, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, map[string]any{
		"status": trimEnum("PROPOSAL_STATUS_", d.Proposal["status"]), "count": len(d.Steps), "steps": steps.String(),
	})
}

// txLink leads to the transaction that made a step (found by tx_search), or
// to its block for steps taken at the end of a block.
func txLink(entry map[string]any) string {
	height := str(entry["height"])
	if height == "" || height == "0" {
		return ""
	}
	if msg := str(entry["msg_type"]); msg != "" {
		return "/txs?" + url.Values{"height": {height}, "action": {msg}}.Encode()
	}
	return "/block/" + height
}

// refURL is the explorer page of a history entry's record, if it has one.
func refURL(ref string) string {
	kind, id, ok := strings.Cut(ref, "/")
	if !ok {
		return ""
	}
	switch kind {
	case "irp":
		return "/irps/" + id
	case "action":
		return "/petitions/" + id
	case "proposal":
		return "/proposals/" + id
	case "reconsideration", "emergency":
		return "/cases#" + kind + "-" + id
	case "advice":
		return "/registry#advice-" + id
	case "hold":
		// hold/<source>: the case or action that held the proposal
		return refURL(id)
	}
	return ""
}
