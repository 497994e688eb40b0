package file

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"sigs.k8s.io/yaml"
)

// unknownFields lists every field of a constitution document that File does
// not have, each at its path in the file (communities[2].knd), in document
// order for lists and sorted key order for objects. The strict decoder stops
// at the first unknown field and names no path; --check reports them all.
func unknownFields(data []byte) ([]string, error) {
	raw, err := yaml.YAMLToJSON(data)
	if err != nil {
		return nil, err
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	var out []string
	walkUnknown(doc, reflect.TypeOf(File{}), "", &out)
	return out, nil
}

var jsonUnmarshaler = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()

// walkUnknown compares a decoded JSON value with the Go type it fills.
func walkUnknown(v any, t reflect.Type, path string, out *[]string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(jsonUnmarshaler) {
		return // decodes itself (durations, enums)
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return // a type mismatch: the strict decoder reports it
		}
		fields := jsonFields(t)
		for _, key := range sortedKeys(obj) {
			ft, known := fields[key]
			if !known {
				*out = append(*out, fmt.Sprintf("%s: unknown field", join(path, key)))
				continue
			}
			walkUnknown(obj[key], ft, join(path, key), out)
		}
	case reflect.Slice, reflect.Array:
		if list, ok := v.([]any); ok {
			for i, item := range list {
				walkUnknown(item, t.Elem(), fmt.Sprintf("%s[%d]", path, i), out)
			}
		}
	case reflect.Map:
		if obj, ok := v.(map[string]any); ok {
			for _, key := range sortedKeys(obj) {
				walkUnknown(obj[key], t.Elem(), join(path, key), out)
			}
		}
	}
}

// jsonFields maps a struct's JSON names to their types, inlining embedded
// structs as encoding/json does.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	fields := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			for k, v := range jsonFields(f.Type) {
				fields[k] = v
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[name] = f.Type
	}
	return fields
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
