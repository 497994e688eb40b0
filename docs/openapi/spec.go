// Package openapi embeds Polity's OpenAPI document (openapi.yaml, generated
// from proto/ by `make proto-gen`) and serves it, with a Swagger UI, from the
// node's REST server.
package openapi

import (
	_ "embed"

	"sigs.k8s.io/yaml"
)

// YAML is the OpenAPI (Swagger 2.0) document of every REST route the node
// serves.
//
//go:embed openapi.yaml
var YAML []byte

// JSON returns the document as JSON.
func JSON() ([]byte, error) {
	return yaml.YAMLToJSON(YAML)
}
