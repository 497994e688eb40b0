//go:build linux

package e2e

import (
	"slices"
	"strings"
	"testing"
)

// memberAttributesReplaced: on the defi chain the attributes the file gives
// devs-chair are on record (REST), and the member replaces them whole with
// update-profile over the CLI: the new set is on record, sorted, the old
// keys gone. An update with a bad key is refused and changes nothing.
func memberAttributesReplaced(t *testing.T, net *Network, n *Node) {
	t.Helper()
	type attribute struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	}
	addr := net.Address(t, "devs-chair")
	attrs := func() []attribute {
		var out struct {
			Member struct {
				Attributes []attribute `json:"attributes"`
			} `json:"member"`
		}
		n.RESTJSON(t, "/polity/community/v1/members/"+addr, &out)
		return out.Member.Attributes
	}
	fromFile := []attribute{{"affiliation", "Protocol Labs Collective"}, {"github", "devs-chair"}}
	if got := attrs(); !slices.Equal(got, fromFile) {
		t.Fatalf("devs-chair's attributes from the file: %v, want %v", got, fromFile)
	}
	if res := n.Tx(t, "devs-chair", "community", "update-profile", "https://example.org/devs-chair",
		"--attributes", `{"key":"Bad Key","value":"x"}`); res.Code == 0 || !strings.Contains(res.Log, "invalid member attribute") {
		t.Errorf("a bad attribute key: code %d: %s; want it refused as an invalid member attribute", res.Code, res.Log)
	}
	if got := attrs(); !slices.Equal(got, fromFile) {
		t.Errorf("devs-chair's attributes after a refused update: %v, want %v", got, fromFile)
	}
	n.MustTx(t, "devs-chair", "community", "update-profile", "https://example.org/devs-chair",
		"--attributes", `{"key":"country","value":"CH"}`, "--attributes", `{"key":"employer","value":"Example Foundation"}`)
	if got, want := attrs(), []attribute{{"country", "CH"}, {"employer", "Example Foundation"}}; !slices.Equal(got, want) {
		t.Errorf("devs-chair's attributes after update-profile: %v, want %v", got, want)
	}
}
