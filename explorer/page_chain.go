package explorer

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// block: a block's header and its transactions.
func (s *Server) block(w http.ResponseWriter, r *http.Request) {
	h, err := strconv.ParseInt(r.PathValue("height"), 10, 64)
	if err != nil || h <= 0 {
		s.fail(w, "Block", "", badRequest("a height is a positive number, not "+strconv.Quote(r.PathValue("height"))))
		return
	}
	ctx := r.Context()
	height := strconv.FormatInt(h, 10)
	b, err := s.node.RPC(ctx, "block", url.Values{"height": {height}})
	if err != nil {
		s.fail(w, "Block "+height, "", err)
		return
	}
	txs, err := s.node.RPC(ctx, "tx_search", url.Values{"query": {"\"tx.height=" + height + "\""}, "per_page": {"100"}})
	if err != nil {
		s.fail(w, "Block "+height, "", err)
		return
	}
	s.render(w, "block", "Block "+height, "", map[string]any{"block": b, "height": h, "txs": list(txs["txs"])})
}

// tx: one transaction with its result and events.
func (s *Server) tx(w http.ResponseWriter, r *http.Request) {
	hash := strings.TrimPrefix(r.PathValue("hash"), "0x")
	if !txHashPattern.MatchString(hash) {
		s.fail(w, "Transaction", "", badRequest("a transaction hash is 64 hex digits, not "+strconv.Quote(hash)))
		return
	}
	res, err := s.node.RPC(r.Context(), "tx", url.Values{"hash": {"0x" + hash}})
	if err != nil {
		s.fail(w, "Transaction", "", err)
		return
	}
	s.render(w, "tx", "Transaction "+shortAddr(hash), "", map[string]any{"tx": res, "hash": strings.ToUpper(hash)})
}

// findTx finds the transaction of a history step: the one at that height
// carrying that message. With none (a step a motion or EndBlock took) it
// shows the block; with several, the block lists them all.
func (s *Server) findTx(w http.ResponseWriter, r *http.Request) {
	height, action := r.URL.Query().Get("height"), r.URL.Query().Get("action")
	if _, err := strconv.ParseInt(height, 10, 64); err != nil || strings.ContainsAny(action, "'\"") {
		s.fail(w, "Transaction", "", badRequest("need a numeric height and a message type"))
		return
	}
	res, err := s.node.RPC(r.Context(), "tx_search", url.Values{
		"query": {"\"tx.height=" + height + " AND message.action='" + action + "'\""}, "per_page": {"2"},
	})
	if err != nil {
		s.fail(w, "Transaction", "", err)
		return
	}
	if txs := list(res["txs"]); len(txs) == 1 {
		http.Redirect(w, r, "/tx/"+str(obj(txs[0])["hash"]), http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/block/"+height, http.StatusSeeOther)
}
