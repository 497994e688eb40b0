package file_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"

	"github.com/polity-chain/polity/app/constitution/file"
)

// TestJSONFileIsTheSameSchema: every shipped example written as JSON reads
// as the same constitution and compiles to the same genesis; a misspelt
// field in a JSON file is reported at its path as in YAML.
func TestJSONFileIsTheSameSchema(t *testing.T) {
	for _, name := range file.ExampleNames() {
		data, err := file.Example(name)
		require.NoError(t, err)
		js, err := yaml.YAMLToJSON(data)
		require.NoError(t, err)
		fromYAML, err := file.Parse(data)
		require.NoError(t, err)
		fromJSON, err := file.Parse(js)
		require.NoError(t, err, name)
		require.Equal(t, fromYAML, fromJSON, name)

		a, err := file.Compile(fromYAML, envFor(fromYAML))
		require.NoError(t, err)
		b, err := file.Compile(fromJSON, envFor(fromJSON))
		require.NoError(t, err)
		ja, err := cdc.MarshalJSON(a.Community)
		require.NoError(t, err)
		jb, err := cdc.MarshalJSON(b.Community)
		require.NoError(t, err)
		require.JSONEq(t, string(ja), string(jb), name)
	}

	_, err := file.Parse([]byte(`{"communities": [{"id": "dev", "chartr": {}}]}`))
	require.ErrorContains(t, err, "communities[0].chartr: unknown field")
}
