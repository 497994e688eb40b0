package file_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"

	"github.com/polity-chain/polity/app/constitution/file"
)

// constitutionSchema compiles docs/constitution.schema.json with the params
// schema it refers to, as an editor would.
func constitutionSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	for _, name := range []string{"constitution.schema.json", "constitution.params.schema.json"} {
		raw, err := os.ReadFile("../../../docs/" + name)
		require.NoError(t, err)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		require.NoError(t, err)
		require.NoError(t, c.AddResource("https://polity.example/"+name, doc))
	}
	s, err := c.Compile("https://polity.example/constitution.schema.json")
	require.NoError(t, err)
	return s
}

// yamlDoc is a constitution file as the JSON value a schema checks.
func yamlDoc(t *testing.T, data []byte) any {
	t.Helper()
	js, err := yaml.YAMLToJSON(data)
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	require.NoError(t, err)
	return doc
}

// TestExamplesValidateAgainstJSONSchema: every shipped example passes the
// JSON Schema editors check files with, params overrides included, and the
// schema refuses what the chain's reader refuses: unknown fields at the top,
// in a member and in a module's params, a bad duration, an unknown enum
// value, a bad attribute key, a rule override that does not say which rule
// it changes.
func TestExamplesValidateAgainstJSONSchema(t *testing.T) {
	schema := constitutionSchema(t)
	for _, name := range file.ExampleNames() {
		data, err := file.Example(name)
		require.NoError(t, err)
		require.NoError(t, schema.Validate(yamlDoc(t, data)), name)
	}

	for _, bad := range []struct{ name, yaml, want string }{
		{"unknown top-level field", "bylawz: {}\n", "bylawz"},
		{"unknown params field", "params: {review: {irp_filling_window: 30d}}\n", "irp_filling_window"},
		{"bad params duration", "params: {review: {irp_filing_window: soon}}\n", "irp_filing_window"},
		{"unknown params enum", "params: {proposals: {kind_rules: [{kind: PROPOSAL_KIND_WHIM}]}}\n", "/params/proposals/kind_rules/0/kind"},
		{"rule override without its key", "params: {proposals: {kind_rules: [{ec_period: 21d}]}}\n", "kind"},
		{"bad ratio in params", "params: {proposals: {against_advice_threshold: most}}\n", "against_advice_threshold"},
		{"bad attribute key", "members: [{key: a, stakeholder: user, attributes: {Employer: x}}]\n", "Employer"},
	} {
		t.Run(bad.name, func(t *testing.T) {
			err := schema.Validate(yamlDoc(t, []byte(bad.yaml)))
			require.Error(t, err)
			require.True(t, strings.Contains(err.Error(), bad.want), "%v\nwant it to name %s", err, bad.want)
		})
	}
}
