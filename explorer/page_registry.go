package explorer

import (
	"net/http"
	"net/url"
)

// registryDoc is one registered document with its versions, newest first,
// each with what changed from the version before it.
type registryDoc struct {
	Name     string
	Versions []versionDiff
}

type versionDiff struct {
	Version map[string]any
	Changes []string
}

// registry: bylaws, policies and budgets with their versions and changes.
func (s *Server) registry(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	all := url.Values{"pagination.limit": {pageLimit}}
	var docs []registryDoc
	add := func(name, path string) error {
		res, err := s.node.REST(ctx, path, all)
		if err != nil {
			return err
		}
		docs = append(docs, registryDoc{Name: name, Versions: diffVersions(list(res["history"]))})
		return nil
	}
	if err := add("Bylaws", "/polity/proposals/v1/bylaws"); err != nil {
		s.fail(w, "Registry", "registry", err)
		return
	}
	if err := add("Budget", "/polity/proposals/v1/budgets"); err != nil {
		s.fail(w, "Registry", "registry", err)
		return
	}
	comms, err := s.node.REST(ctx, "/polity/community/v1/communities", all)
	if err != nil {
		s.fail(w, "Registry", "registry", err)
		return
	}
	for _, c := range list(comms["communities"]) {
		id := str(obj(c)["id"])
		if err := add("Policy of "+id, "/polity/proposals/v1/policies/"+url.PathEscape(id)); err != nil {
			s.fail(w, "Registry", "registry", err)
			return
		}
	}
	advice, err := s.node.REST(ctx, "/polity/proposals/v1/advice", all)
	if err != nil {
		s.fail(w, "Registry", "registry", err)
		return
	}
	s.render(w, "registry", "Registry", "registry", map[string]any{"docs": docs, "advice": list(advice["advice"])})
}

// diffVersions orders versions newest first and lists each one's changes
// from the previous version (documents are kept as hash and URI on chain).
func diffVersions(history []any) []versionDiff {
	out := make([]versionDiff, 0, len(history))
	for i := len(history) - 1; i >= 0; i-- {
		cur := obj(history[i])
		d := versionDiff{Version: cur}
		if i > 0 {
			prev := obj(history[i-1])
			cd, pd := obj(cur["document"]), obj(prev["document"])
			if str(cd["uri"]) != str(pd["uri"]) {
				d.Changes = append(d.Changes, "URI: "+str(pd["uri"])+" → "+str(cd["uri"]))
			}
			if str(cd["hash"]) != str(pd["hash"]) {
				d.Changes = append(d.Changes, "hash: "+str(pd["hash"])+" → "+str(cd["hash"]))
			}
			if str(cur["summary"]) != str(prev["summary"]) {
				d.Changes = append(d.Changes, "summary: "+str(prev["summary"])+" → "+str(cur["summary"]))
			}
		} else {
			d.Changes = []string{"first version"}
		}
		out = append(out, d)
	}
	return out
}
