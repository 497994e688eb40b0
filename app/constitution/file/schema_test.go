package file_test

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/app/constitution/file"
)

// TestJSONSchemaMatchesGo keeps docs/constitution.schema.json in step with
// the Go schema: every field of every Go type is a property of the same
// shape, nothing more, and the fields without omitempty are the required
// ones.
func TestJSONSchemaMatchesGo(t *testing.T) {
	raw, err := os.ReadFile("../../../docs/constitution.schema.json")
	require.NoError(t, err)
	var schema map[string]any
	require.NoError(t, json.Unmarshal(raw, &schema))
	defs, _ := schema["$defs"].(map[string]any)
	resolve := func(s map[string]any) map[string]any {
		if ref, ok := s["$ref"].(string); ok && strings.HasPrefix(ref, "#/$defs/") {
			def, ok := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
			require.True(t, ok, "unresolved %s", ref)
			return def
		}
		return s
	}
	var walk func(path string, typ reflect.Type, s map[string]any)
	walk = func(path string, typ reflect.Type, s map[string]any) {
		s = resolve(s)
		if typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		switch typ.Kind() {
		case reflect.Struct:
			require.Equal(t, "object", s["type"], path)
			require.Equal(t, false, s["additionalProperties"], "%s: unknown fields are refused", path)
			props, _ := s["properties"].(map[string]any)
			var names, required []string
			for i := 0; i < typ.NumField(); i++ {
				tag := strings.Split(typ.Field(i).Tag.Get("json"), ",")
				names = append(names, tag[0])
				if !slices.Contains(tag[1:], "omitempty") {
					required = append(required, tag[0])
				}
				prop, ok := props[tag[0]].(map[string]any)
				require.True(t, ok, "%s.%s is missing from the JSON Schema", path, tag[0])
				walk(path+"."+tag[0], typ.Field(i).Type, prop)
			}
			for name := range props {
				require.Contains(t, names, name, "%s.%s is in the JSON Schema but not in the Go schema", path, name)
			}
			var schemaRequired []string
			if r, ok := s["required"].([]any); ok {
				for _, e := range r {
					schemaRequired = append(schemaRequired, e.(string))
				}
			}
			require.ElementsMatch(t, required, schemaRequired, "%s: required fields", path)
		case reflect.Slice:
			require.Equal(t, "array", s["type"], path)
			walk(path+"[]", typ.Elem(), s["items"].(map[string]any))
		case reflect.Map:
			require.Equal(t, "object", s["type"], path)
		case reflect.String:
			require.Equal(t, "string", s["type"], path)
		case reflect.Bool:
			require.Equal(t, "boolean", s["type"], path)
		case reflect.Int64, reflect.Uint32, reflect.Uint64:
			require.Equal(t, "integer", s["type"], path)
		default:
			t.Fatalf("%s: no JSON Schema shape for %s", path, typ)
		}
	}
	walk("constitution", reflect.TypeOf(file.File{}), schema)
}
