//go:build linux

package e2e

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/polity-chain/polity/internal/gatewayroutes"
)

// TestOpenAPIServed reads the OpenAPI document a node serves and checks it
// against the node itself: every /polity/ route of the generated gateway is
// listed with its method and answers on the node (the gateway answers 501
// only to a path it does not route), the document lists no /polity/ path the
// gateway lacks, and the Swagger UI at /swagger/ renders the same document.
func TestOpenAPIServed(t *testing.T) {
	net := NewNetwork(t, Options{Bootstrap: true})
	n := net.Nodes[0]

	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	routes, err := gatewayroutes.Read(filepath.Join(root, "x"))
	if err != nil {
		t.Fatal(err)
	}

	code, served, err := n.REST("/openapi.yaml")
	if err != nil || code != http.StatusOK {
		t.Fatalf("GET /openapi.yaml: HTTP %d, %v: %.300s", code, err, served)
	}
	var doc struct {
		Swagger string                    `json:"swagger"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := yaml.Unmarshal(served, &doc); err != nil {
		t.Fatalf("/openapi.yaml does not parse: %v", err)
	}
	if doc.Swagger != "2.0" {
		t.Errorf("/openapi.yaml: swagger = %q, want 2.0", doc.Swagger)
	}

	placeholder := regexp.MustCompile(`\{[^}]+\}`)
	listed := map[string]bool{}
	var polityRoutes int
	for _, r := range routes {
		if !strings.HasPrefix(r.Path, "/polity/") {
			continue
		}
		polityRoutes++
		listed[r.Path] = true
		if _, ok := doc.Paths[r.Path][strings.ToLower(r.Method)]; !ok {
			t.Errorf("%s %s is served by the gateway but missing from /openapi.yaml", r.Method, r.Path)
		}
		if r.Method != http.MethodGet {
			continue
		}
		code, body, err := n.REST(placeholder.ReplaceAllString(r.Path, "1"))
		if err != nil {
			t.Fatalf("GET %s: %v", r.Path, err)
		}
		if code == http.StatusNotImplemented {
			t.Errorf("GET %s: the node does not route it (HTTP 501: %.200s)", r.Path, body)
		}
	}
	if polityRoutes < 50 {
		t.Fatalf("read %d /polity/ gateway routes, want the four modules' (50 or more)", polityRoutes)
	}
	for path := range doc.Paths {
		if strings.HasPrefix(path, "/polity/") && !listed[path] {
			t.Errorf("/openapi.yaml lists %s, which the gateway does not serve", path)
		}
	}

	code, body, err := n.REST("/openapi.json")
	if err != nil || code != http.StatusOK || !json.Valid(body) {
		t.Errorf("GET /openapi.json: HTTP %d, %v, valid JSON %v", code, err, json.Valid(body))
	}
	code, body, err = n.REST("/swagger/")
	if err != nil || code != http.StatusOK || !strings.Contains(string(body), "swagger-ui") {
		t.Errorf("GET /swagger/: HTTP %d, %v: %.200s", code, err, body)
	}
	code, body, err = n.REST("/swagger/swagger.yaml")
	if err != nil || code != http.StatusOK || string(body) != string(served) {
		t.Errorf("GET /swagger/swagger.yaml: HTTP %d, %v; the UI must render /openapi.yaml", code, err)
	}
	// Polity has no x/staking: the gateway still answers 501 there, so the
	// check above tells routed paths from others.
	if code, _, _ := n.REST("/cosmos/staking/v1beta1/validators"); code != http.StatusNotImplemented {
		t.Errorf("GET /cosmos/staking/v1beta1/validators: HTTP %d, want 501", code)
	}
}
