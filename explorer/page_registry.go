package explorer

import (
	"net/http"
	"net/url"
)

// registryDoc is one registered document with its versions, newest first,
// each with what changed from the version before it.
type registryDoc struct {
	Name     string
	Slug     string // anchors: <slug>-v<version>
	Versions []versionDiff
}

type versionDiff struct {
	Version map[string]any
	// Changes lists what changed in the record (URI, hash, summary).
	Changes []string
	// Text is the line diff of the version's text from the one before it
	// (from nothing for the first version kept with a text); nil when the
	// version keeps no text on chain.
	Text *textDiff
	// TextNote says what the text diff compares, or why there is none.
	TextNote string
	// Compared is set when Text compares two texts (shown open).
	Compared bool
}

// registry: bylaws, policies and budgets with their versions and changes.
func (s *Server) registry(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	all := url.Values{"pagination.limit": {pageLimit}}
	var docs []registryDoc
	add := func(name, slug, path string) error {
		res, err := s.node.REST(ctx, path, all)
		if err != nil {
			return err
		}
		docs = append(docs, registryDoc{Name: name, Slug: slug, Versions: diffVersions(list(res["history"]))})
		return nil
	}
	if err := add("Bylaws", "bylaws", "/polity/proposals/v1/bylaws"); err != nil {
		s.fail(w, "Registry", "registry", err)
		return
	}
	if err := add("Budget", "budget", "/polity/proposals/v1/budgets"); err != nil {
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
		if err := add("Policy of "+id, "policy-"+id, "/polity/proposals/v1/policies/"+url.PathEscape(id)); err != nil {
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

// diffVersions orders versions newest first and gives each what changed from
// the version before: the record's URI, hash and summary, and, when both
// keep their text on chain, a line diff of the texts.
func diffVersions(history []any) []versionDiff {
	out := make([]versionDiff, 0, len(history))
	for i := len(history) - 1; i >= 0; i-- {
		cur := obj(history[i])
		d := versionDiff{Version: cur}
		var prev map[string]any
		if i > 0 {
			prev = obj(history[i-1])
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
		d.Text, d.TextNote = versionText(cur, prev)
		d.Compared = d.Text != nil && str(prev["text"]) != ""
		out = append(out, d)
	}
	return out
}

// versionText compares a version's text with the previous version's.
func versionText(cur, prev map[string]any) (*textDiff, string) {
	text := str(cur["text"])
	if text == "" {
		return nil, "no text on chain: this version is kept as hash and URI only"
	}
	before := str(prev["text"])
	switch {
	case prev == nil:
		diff := diffTexts("", text)
		return &diff, "the first version: its whole text"
	case before == "":
		diff := diffTexts("", text)
		return &diff, "the version before keeps no text on chain: this version's whole text"
	}
	diff := diffTexts(before, text)
	return &diff, "the text compared line by line with version " + str(prev["version"])
}
