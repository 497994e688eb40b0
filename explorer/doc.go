// Package explorer serves Polity's decisions explorer: server-rendered pages
// (Go templates, a little plain JavaScript, all embedded) built only from a
// node's public endpoints — the REST gateway and CometBFT RPC — so it runs
// against any Polity node. When the node cannot be reached every page still
// answers, with a visible message and status 502. See docs/explorer.md.
package explorer
