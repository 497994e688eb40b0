package explorer

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Kinds and statuses offered as filters (enum names without their prefix).
var (
	proposalKinds    = []string{"RESOLUTION", "TECHNICAL", "POLICY", "BUDGET", "STANDARD_BYLAW", "FUNDAMENTAL_BYLAW"}
	proposalStatuses = []string{"PUBLIC_COMMENT", "BOARD_VOTE", "EC_REVIEW", "APPROVED", "QUEUED", "RATIFIED", "REJECTED",
		"VETOED", "RETURNED", "WITHDRAWN", "EXPIRED", "EXECUTION_FAILED"}
)

// proposals: the proposals, newest first, filtered by kind and status, one
// page at a time: `after` is the node's next_key of the page before.
func (s *Server) proposals(w http.ResponseWriter, r *http.Request) {
	kind, status, after := r.URL.Query().Get("kind"), r.URL.Query().Get("status"), r.URL.Query().Get("after")
	q := url.Values{"pagination.limit": {strconv.Itoa(s.cfg.PageSize)}, "pagination.reverse": {"true"}}
	if kind != "" {
		q.Set("kind", "PROPOSAL_KIND_"+kind)
	}
	if status != "" {
		q.Set("status", "PROPOSAL_STATUS_"+status)
	}
	if after != "" {
		q.Set("pagination.key", after)
	}
	res, err := s.node.REST(r.Context(), "/polity/proposals/v1/proposals", q)
	if err != nil {
		s.fail(w, "Proposals", "proposals", err)
		return
	}
	older := ""
	if next := str(obj(res["pagination"])["next_key"]); next != "" {
		page := url.Values{"after": {next}}
		if kind != "" {
			page.Set("kind", kind)
		}
		if status != "" {
			page.Set("status", status)
		}
		older = "/proposals?" + page.Encode()
	}
	s.render(w, "proposals", "Proposals", "proposals", map[string]any{
		"proposals": list(res["proposals"]), "kinds": proposalKinds, "statuses": proposalStatuses, "kind": kind, "status": status,
		"older": older, "paged": after != "",
	})
}

// storyStep is one history entry with its links.
type storyStep struct {
	Entry  map[string]any
	TxLink string
	RefURL string
}

// story: one proposal's whole story in time order, from the history query.
func (s *Server) story(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
	if err != nil || id == 0 {
		s.fail(w, "Proposal", "proposals", badRequest("a proposal id is a positive number, not "+strconv.Quote(r.PathValue("id"))))
		return
	}
	ctx := r.Context()
	p, err := s.node.REST(ctx, "/polity/proposals/v1/proposals/"+strconv.FormatUint(id, 10), nil)
	if err != nil {
		s.fail(w, "Proposal "+r.PathValue("id"), "proposals", err)
		return
	}
	h, err := s.node.REST(ctx, "/polity/history/v1/proposals/"+strconv.FormatUint(id, 10)+"/history", nil)
	if err != nil {
		s.fail(w, "Proposal "+r.PathValue("id"), "proposals", err)
		return
	}
	var steps []storyStep
	for _, e := range list(h["entries"]) {
		m := obj(e)
		steps = append(steps, storyStep{Entry: m, TxLink: txLink(m), RefURL: refURL(str(m["ref"]))})
	}
	s.render(w, "story", "Proposal "+strconv.FormatUint(id, 10), "proposals", map[string]any{
		"proposal": obj(p["proposal"]), "history": h, "steps": steps,
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
	}
	return ""
}
