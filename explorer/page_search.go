package explorer

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

var txHashPattern = regexp.MustCompile(`^(0x)?[0-9a-fA-F]{64}$`)

// search: a proposal id, an address or a transaction hash.
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	switch {
	case q == "":
		s.fail(w, "Search", "", badRequest("search for a proposal id, an address (polity1…) or a transaction hash"))
	case isNumber(q):
		http.Redirect(w, r, "/proposals/"+q, http.StatusSeeOther)
	case txHashPattern.MatchString(q):
		http.Redirect(w, r, "/tx/"+strings.ToUpper(strings.TrimPrefix(q, "0x")), http.StatusSeeOther)
	case strings.HasPrefix(q, "polity1"):
		http.Redirect(w, r, "/address/"+url.PathEscape(q), http.StatusSeeOther)
	default:
		s.fail(w, "Search", "", badRequest("not a proposal id, an address (polity1…) or a transaction hash: "+strconv.Quote(q)))
	}
}

func isNumber(s string) bool {
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

// address: what the chain knows of an account: membership, seat, validators,
// and the transactions it signed.
func (s *Server) address(w http.ResponseWriter, r *http.Request) {
	addr := r.PathValue("addr")
	ctx := r.Context()
	data := map[string]any{"address": addr}
	m, err := s.node.REST(ctx, "/polity/community/v1/members/"+url.PathEscape(addr), nil)
	if ne, ok := asNodeError(err); ok && !ne.Unreachable && ne.NotFound() {
		data["notMember"] = true
	} else if err != nil {
		s.fail(w, "Address", "", err)
		return
	} else {
		data["member"] = m
	}
	txs, err := s.node.RPC(ctx, "tx_search", url.Values{
		"query": {"\"message.sender='" + addr + "'\""}, "per_page": {"50"}, "order_by": {"\"desc\""},
	})
	if err != nil {
		s.fail(w, "Address", "", err)
		return
	}
	data["txs"] = list(txs["txs"])
	s.render(w, "address", "Address "+shortAddr(addr), "", data)
}
