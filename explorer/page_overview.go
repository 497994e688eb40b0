package explorer

import (
	"net/http"
	"net/url"
	"sort"
)

// openStatuses are the proposal statuses that still await someone.
var openStatuses = map[string]bool{
	"PROPOSAL_STATUS_PUBLIC_COMMENT": true, "PROPOSAL_STATUS_BOARD_VOTE": true, "PROPOSAL_STATUS_EC_REVIEW": true,
	"PROPOSAL_STATUS_APPROVED": true, "PROPOSAL_STATUS_QUEUED": true,
}

// openItem is something awaiting action, with its deadline.
type openItem struct {
	What, Link, State, Deadline string
}

// overview: the chain at a glance.
func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	status, err := s.node.RPC(ctx, "status", nil)
	if err != nil {
		s.fail(w, "Overview", "overview", err)
		return
	}
	vals, err := s.node.REST(ctx, "/polity/community/v1/validators", nil)
	if err != nil {
		s.fail(w, "Overview", "overview", err)
		return
	}
	params, err := s.node.REST(ctx, "/polity/community/v1/params", nil)
	if err != nil {
		s.fail(w, "Overview", "overview", err)
		return
	}
	comms, err := s.node.REST(ctx, "/polity/community/v1/communities", url.Values{"pagination.limit": {pageLimit}})
	if err != nil {
		s.fail(w, "Overview", "overview", err)
		return
	}
	// each community's own share limit, shown beside the chain-wide 1/3 cap
	limits := map[string]any{}
	for _, c := range list(comms["communities"]) {
		m := obj(c)
		limits[str(m["id"])] = obj(m["seats"])["validator_power_share"]
	}
	items, err := s.openItems(r)
	if err != nil {
		s.fail(w, "Overview", "overview", err)
		return
	}
	blocks, err := s.node.RPC(ctx, "blockchain", nil)
	if err != nil {
		s.fail(w, "Overview", "overview", err)
		return
	}
	s.render(w, "overview", "Overview", "overview", map[string]any{
		"status": status, "validators": vals, "limits": limits, "params": obj(params["params"]), "open": items,
		"blocks": list(blocks["block_metas"]),
	})
}

// openItems gathers proposals, advice, petitions and IRP cases awaiting
// action, soonest deadline first.
func (s *Server) openItems(r *http.Request) ([]openItem, error) {
	ctx := r.Context()
	var items []openItem
	props, err := s.node.REST(ctx, "/polity/proposals/v1/proposals", url.Values{"pagination.limit": {pageLimit}})
	if err != nil {
		return nil, err
	}
	for _, p := range list(props["proposals"]) {
		m := obj(p)
		if openStatuses[str(m["status"])] {
			items = append(items, openItem{What: "Proposal " + str(m["id"]) + ": " + str(m["title"]),
				Link: "/proposals/" + str(m["id"]), State: trimEnum("PROPOSAL_STATUS_", m["status"]), Deadline: str(m["deadline"])})
		}
	}
	advice, err := s.node.REST(ctx, "/polity/proposals/v1/advice", url.Values{"pagination.limit": {pageLimit}})
	if err != nil {
		return nil, err
	}
	for _, a := range list(advice["advice"]) {
		m := obj(a)
		if st := str(m["status"]); st == "ADVICE_STATUS_PENDING" || st == "ADVICE_STATUS_OVERDUE" {
			link := "/registry"
			if pid := str(m["proposal_id"]); pid != "" && pid != "0" {
				link = "/proposals/" + pid
			}
			items = append(items, openItem{What: "Advice " + str(m["id"]) + " from " + str(m["community_id"]) + " awaits the Board's answer",
				Link: link, State: trimEnum("ADVICE_STATUS_", st), Deadline: str(m["deadline"])})
		}
	}
	petitions, err := s.node.REST(ctx, "/polity/empowered/v1/petitions", url.Values{"pagination.limit": {pageLimit}})
	if err != nil {
		return nil, err
	}
	for _, a := range list(petitions["petitions"]) {
		m := obj(a)
		switch str(m["stage"]) {
		case "STAGE_SUPPORT", "STAGE_FORUM", "STAGE_DECISION":
			items = append(items, openItem{What: "Empowered Community action " + str(m["id"]) + " (" + trimEnum("POWER_", m["power"]) + ")",
				Link: "/petitions/" + str(m["id"]), State: trimEnum("STAGE_", m["stage"]), Deadline: str(m["deadline"])})
		}
	}
	irps, err := s.node.REST(ctx, "/polity/review/v1/irps", url.Values{"pagination.limit": {pageLimit}})
	if err != nil {
		return nil, err
	}
	for _, c := range list(irps["irps"]) {
		m := obj(c)
		switch str(m["status"]) {
		case "IRP_STATUS_PANEL_FORMING":
			items = append(items, openItem{What: "IRP " + str(m["id"]) + ": panel choices", Link: "/irps/" + str(m["id"]),
				State: "PANEL_FORMING", Deadline: str(m["pick_deadline"])})
		case "IRP_STATUS_IN_REVIEW":
			items = append(items, openItem{What: "IRP " + str(m["id"]) + ": the panel reviews", Link: "/irps/" + str(m["id"]), State: "IN_REVIEW"})
		case "IRP_STATUS_UPHELD":
			items = append(items, openItem{What: "IRP " + str(m["id"]) + ": the Board must act", Link: "/irps/" + str(m["id"]),
				State: "UPHELD", Deadline: str(m["board_deadline"])})
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].Deadline, items[j].Deadline
		if (a == "") != (b == "") {
			return a != ""
		}
		return a < b
	})
	return items, nil
}

// head is the live feed the pages poll: the latest height and time.
func (s *Server) head(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	status, err := s.node.RPC(r.Context(), "status", nil)
	if err != nil {
		w.WriteHeader(http.StatusBadGateway)
		writeJSON(w, map[string]any{"error": err.Error()})
		return
	}
	sync := obj(status["sync_info"])
	writeJSON(w, map[string]any{
		"height": str(sync["latest_block_height"]), "time": str(sync["latest_block_time"]),
		"hash": str(sync["latest_block_hash"]), "chain_id": str(obj(status["node_info"])["network"]),
	})
}
