package explorer

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

// stubNode answers the explorer's reads with recorded JSON, for handler
// tests of what pages make of a node's answers (the e2e test runs the real
// node). REST routes are keyed by path; RPC methods by path and height.
type stubNode struct {
	rest map[string]any // path -> JSON body
	rpc  map[string]any // "method?height=h" or "method" -> result
}

func newStubNode() *stubNode { return &stubNode{rest: map[string]any{}, rpc: map[string]any{}} }

func (n *stubNode) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if body, ok := n.rest[r.URL.Path]; ok {
		_ = json.NewEncoder(w).Encode(body)
		return
	}
	key := r.URL.Path[1:]
	if h := r.URL.Query().Get("height"); h != "" {
		key += "?height=" + h
	}
	if res, ok := n.rpc[key]; ok {
		_ = json.NewEncoder(w).Encode(map[string]any{"jsonrpc": "2.0", "id": -1, "result": res})
		return
	}
	w.WriteHeader(http.StatusNotFound)
	_ = json.NewEncoder(w).Encode(map[string]any{"code": 5, "message": "not found: " + r.URL.String()})
}

// explorerOn serves an explorer reading the stub node.
func explorerOn(t *testing.T, n *stubNode) *Server {
	t.Helper()
	node := httptest.NewServer(n)
	t.Cleanup(node.Close)
	s, err := New(Config{REST: node.URL, RPC: node.URL})
	require.NoError(t, err)
	return s
}
