package explorer

import (
	"net/http"
	"net/url"
	"strconv"
)

// cases: IRP, reconsideration, complaint, review and emergency records.
func (s *Server) cases(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	all := url.Values{"pagination.limit": {pageLimit}}
	data := map[string]any{}
	for _, src := range []struct{ key, path string }{
		{"irps", "/polity/review/v1/irps"},
		{"reconsiderations", "/polity/review/v1/reconsiderations"},
		{"complaints", "/polity/review/v1/complaints"},
		{"reviews", "/polity/review/v1/reviews"},
		{"emergencies", "/polity/review/v1/emergencies"},
		{"petitions", "/polity/empowered/v1/petitions"},
	} {
		res, err := s.node.REST(ctx, src.path, all)
		if err != nil {
			s.fail(w, "Cases", "cases", err)
			return
		}
		data[src.key] = list(res[src.key])
	}
	s.render(w, "cases", "Cases", "cases", data)
}

// petition: an Empowered Community action with its statements and decisions.
func (s *Server) petition(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
	if err != nil || id == 0 {
		s.fail(w, "Action", "cases", badRequest("an action id is a positive number, not "+strconv.Quote(r.PathValue("id"))))
		return
	}
	ctx := r.Context()
	base := "/polity/empowered/v1/petitions/" + strconv.FormatUint(id, 10)
	a, err := s.node.REST(ctx, base, nil)
	if err != nil {
		s.fail(w, "Action "+r.PathValue("id"), "cases", err)
		return
	}
	st, err := s.node.REST(ctx, base+"/statements", url.Values{"pagination.limit": {pageLimit}})
	if err != nil {
		s.fail(w, "Action "+r.PathValue("id"), "cases", err)
		return
	}
	d, err := s.node.REST(ctx, base+"/decisions", nil)
	if err != nil {
		s.fail(w, "Action "+r.PathValue("id"), "cases", err)
		return
	}
	s.render(w, "petition", "Action "+strconv.FormatUint(id, 10), "cases", map[string]any{
		"action": a, "statements": list(st["statements"]), "decisions": list(d["decisions"]),
	})
}
