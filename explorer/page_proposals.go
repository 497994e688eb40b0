package explorer

import (
	"net/http"
	"net/url"
	"strconv"
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
