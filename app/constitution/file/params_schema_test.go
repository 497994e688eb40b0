package file_test

import (
	"encoding/json"
	"flag"
	"os"
	"slices"
	"testing"

	cosmos_proto "github.com/cosmos/cosmos-proto"
	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/types/descriptorpb"

	_ "github.com/polity-chain/polity/x/community/types"
	_ "github.com/polity-chain/polity/x/empowered/types"
	_ "github.com/polity-chain/polity/x/proposals/types"
	_ "github.com/polity-chain/polity/x/review/types"
)

var updateSchema = flag.Bool("update-params-schema", false, "rewrite docs/constitution.params.schema.json from the modules' Params protos")

const paramsSchemaPath = "../../../docs/constitution.params.schema.json"

// TestParamsSchemaMatchesProto keeps docs/constitution.params.schema.json,
// the JSON Schema of a file's params overrides, what the modules' Params
// protos make it. After a params change run
//
//	go test ./app/constitution/file -run TestParamsSchemaMatchesProto -args -update-params-schema
func TestParamsSchemaMatchesProto(t *testing.T) {
	want := paramsSchema(t)
	if *updateSchema {
		require.NoError(t, os.WriteFile(paramsSchemaPath, want, 0o644))
	}
	got, err := os.ReadFile(paramsSchemaPath)
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "regenerate with -args -update-params-schema")
}

// paramsSchema describes each module's params as a file overrides them:
// every field optional (omitted ones keep their defaults), field names as
// the params JSON writes them, durations human, 64-bit numbers and
// decimals as strings or numbers, enums by name, lists of rules keyed by
// the field that names the rule.
func paramsSchema(t *testing.T) []byte {
	t.Helper()
	defs := map[string]any{}
	for _, module := range []string{"community", "proposals", "review", "empowered"} {
		d, err := gogoproto.HybridResolver.FindDescriptorByName(protoreflect.FullName("polity." + module + ".v1.Params"))
		require.NoError(t, err)
		defs[module] = messageSchema(d.(protoreflect.MessageDescriptor), nil)
	}
	out, err := json.MarshalIndent(map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://polity.example/constitution.params.schema.json",
		"title":       "Polity constitution: module params overrides",
		"description": "Generated from the modules' Params protos by TestParamsSchemaMatchesProto (app/constitution/file); do not edit. Reference: docs/constitution.md, params.",
		"$defs":       defs,
	}, "", "  ")
	require.NoError(t, err)
	return append(out, '\n')
}

// ruleKeys name the field that identifies an element of a list of rules
// (file.listKeys): an override of a rule must say which it changes.
var ruleKeys = []string{"kind", "power", "type", "msg_type_url"}

func messageSchema(m protoreflect.MessageDescriptor, seen []protoreflect.FullName) map[string]any {
	props := map[string]any{}
	fields := m.Fields()
	for i := range fields.Len() {
		f := fields.Get(i)
		var s map[string]any
		switch {
		case f.IsMap():
			s = map[string]any{"type": "object", "additionalProperties": fieldSchema(f.MapValue(), seen)}
		case f.IsList():
			item := fieldSchema(f, seen)
			if f.Kind() == protoreflect.MessageKind {
				for _, k := range ruleKeys {
					if resolved(f.Message()).Fields().ByName(protoreflect.Name(k)) != nil {
						item["required"] = []string{k}
						break
					}
				}
			}
			s = map[string]any{"type": "array", "items": item}
		default:
			s = fieldSchema(f, seen)
		}
		props[string(f.Name())] = s
	}
	return map[string]any{"type": "object", "additionalProperties": false, "properties": props}
}

func fieldSchema(f protoreflect.FieldDescriptor, seen []protoreflect.FullName) map[string]any {
	switch f.Kind() {
	case protoreflect.BoolKind:
		return map[string]any{"type": "boolean"}
	case protoreflect.Int32Kind, protoreflect.Sint32Kind, protoreflect.Sfixed32Kind,
		protoreflect.Uint32Kind, protoreflect.Fixed32Kind:
		return map[string]any{"type": "integer"}
	case protoreflect.Int64Kind, protoreflect.Sint64Kind, protoreflect.Sfixed64Kind,
		protoreflect.Uint64Kind, protoreflect.Fixed64Kind:
		return map[string]any{"type": []string{"string", "integer"}, "pattern": "^-?[0-9]+$"}
	case protoreflect.FloatKind, protoreflect.DoubleKind:
		return map[string]any{"type": "number"}
	case protoreflect.EnumKind:
		values := f.Enum().Values()
		names := make([]string, 0, values.Len())
		for i := range values.Len() {
			names = append(names, string(values.Get(i).Name()))
		}
		return map[string]any{"type": "string", "enum": names}
	case protoreflect.StringKind:
		if scalar(f) == "cosmos.Dec" || scalar(f) == "cosmos.Int" {
			return map[string]any{"type": []string{"string", "number"}, "pattern": "^-?[0-9]*\\.?[0-9]+$"}
		}
		return map[string]any{"type": "string"}
	case protoreflect.BytesKind:
		return map[string]any{"type": "string"}
	case protoreflect.MessageKind, protoreflect.GroupKind:
		m := resolved(f.Message())
		switch m.FullName() {
		case "google.protobuf.Duration":
			return map[string]any{"$ref": "constitution.schema.json#/$defs/duration"}
		case "google.protobuf.Timestamp":
			return map[string]any{"type": "string", "format": "date-time"}
		}
		if slices.Contains(seen, m.FullName()) {
			return map[string]any{"type": "object"} // recursive: not unfolded again
		}
		return messageSchema(m, append(seen, m.FullName()))
	}
	return map[string]any{}
}

// resolved is m itself, or for a placeholder (a type of another file, as
// the gogoproto registry links them) the registered descriptor.
func resolved(m protoreflect.MessageDescriptor) protoreflect.MessageDescriptor {
	if !m.IsPlaceholder() {
		return m
	}
	if d, err := gogoproto.HybridResolver.FindDescriptorByName(m.FullName()); err == nil {
		if md, ok := d.(protoreflect.MessageDescriptor); ok {
			return md
		}
	}
	return m
}

// scalar is a field's cosmos_proto.scalar option ("cosmos.Dec", ...).
func scalar(f protoreflect.FieldDescriptor) string {
	opts, ok := f.Options().(*descriptorpb.FieldOptions)
	if !ok || opts == nil || !proto.HasExtension(opts, cosmos_proto.E_Scalar) {
		return ""
	}
	s, _ := proto.GetExtension(opts, cosmos_proto.E_Scalar).(string)
	return s
}
