package explorer

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// closedAddr is a 127.0.0.1 address nothing listens on.
func closedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return "http://" + addr
}

func get(t *testing.T, h http.Handler, path string) (int, string, http.Header) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	body, err := io.ReadAll(rec.Result().Body)
	require.NoError(t, err)
	return rec.Code, string(body), rec.Result().Header
}

// TestUnreachableNode: with no node behind it every page still answers, 502
// with a visible message and the navigation, and the live feed says why.
func TestUnreachableNode(t *testing.T) {
	down := closedAddr(t)
	s, err := New(Config{REST: down, RPC: down})
	require.NoError(t, err)
	for _, path := range []string{"/", "/communities", "/board", "/proposals", "/proposals/3", "/irps/1", "/cases",
		"/petitions/1", "/registry", "/address/polity1xyz", "/block/5", "/tx/" + strings.Repeat("AB", 32), "/txs?height=3&action=/x.Msg"} {
		code, body, hdr := get(t, s, path)
		require.Equal(t, http.StatusBadGateway, code, path)
		require.Contains(t, hdr.Get("Content-Type"), "text/html", path)
		require.Contains(t, body, "The node is unreachable.", path)
		require.Contains(t, body, `href="/board"`, "%s: the navigation stays", path)
	}
	code, body, _ := get(t, s, "/api/head")
	require.Equal(t, http.StatusBadGateway, code)
	var head map[string]string
	require.NoError(t, json.Unmarshal([]byte(body), &head))
	require.Contains(t, head["error"], "unreachable")
	code, body, _ = get(t, s, "/api/proposals/3/story")
	require.Equal(t, http.StatusBadGateway, code)
	require.NoError(t, json.Unmarshal([]byte(body), &head))
	require.Contains(t, head["error"], "unreachable", "a story page's live feed says why")
}

// TestBadInput: malformed ids and searches are refused with 400 before the
// node is asked; a search routes ids, hashes and addresses to their pages.
func TestBadInput(t *testing.T) {
	down := closedAddr(t)
	s, err := New(Config{REST: down, RPC: down})
	require.NoError(t, err)
	for _, path := range []string{"/proposals/abc", "/proposals/0", "/irps/-1", "/petitions/x", "/block/0", "/tx/nothex",
		"/search?q=", "/search?q=what", "/txs?height=x&action=y"} {
		code, body, _ := get(t, s, path)
		require.Equal(t, http.StatusBadRequest, code, path)
		require.NotContains(t, body, "unreachable", path)
	}
	hash := strings.Repeat("ab", 32)
	for q, want := range map[string]string{
		"7": "/proposals/7", hash: "/tx/" + strings.ToUpper(hash), "0x" + hash: "/tx/" + strings.ToUpper(hash),
		"polity1abc": "/address/polity1abc",
	} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/search?q="+q, nil))
		require.Equal(t, http.StatusSeeOther, rec.Code, q)
		require.Equal(t, want, rec.Header().Get("Location"), q)
	}
}

// TestStaticAssetsEmbedded: the script and the style sheet are served from
// the binary.
func TestStaticAssetsEmbedded(t *testing.T) {
	s, err := New(Config{REST: "http://127.0.0.1:1", RPC: "http://127.0.0.1:1"})
	require.NoError(t, err)
	for _, path := range []string{"/static/explorer.js", "/static/style.css"} {
		code, body, _ := get(t, s, path)
		require.Equal(t, http.StatusOK, code, path)
		require.NotEmpty(t, body, path)
	}
}

// TestConfigRequired: both endpoints are needed.
func TestConfigRequired(t *testing.T) {
	_, err := New(Config{REST: "http://127.0.0.1:1317"})
	require.Error(t, err)
}
