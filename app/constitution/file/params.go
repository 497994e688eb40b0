package file

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/gogoproto/proto"
)

// protoDuration is how the modules' params JSON writes a duration.
var protoDuration = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?s$`)

// listKeys name the field that identifies an element of a list of rules, so
// that a file overrides one rule without restating the others.
var listKeys = []string{"kind", "power", "type", "msg_type_url"}

// paramsCodec reads and writes params JSON; params hold no Any.
var paramsCodec = codec.NewProtoCodec(codectypes.NewInterfaceRegistry())

// overlayParams applies the file's overrides to params (a module's Params),
// recording problems under path.
func overlayParams(path string, params proto.Message, overrides map[string]any, ps *Problems) {
	if len(overrides) == 0 {
		return
	}
	raw, err := paramsCodec.MarshalJSON(params)
	if err != nil {
		ps.add(path, "%v", err)
		return
	}
	var base any
	if err := json.Unmarshal(raw, &base); err != nil {
		ps.add(path, "%v", err)
		return
	}
	before := len(*ps)
	merged := merge(path, base, any(overrides), ps)
	if len(*ps) > before {
		return
	}
	out, err := json.Marshal(merged)
	if err != nil {
		ps.add(path, "%v", err)
		return
	}
	if err := paramsCodec.UnmarshalJSON(out, params); err != nil {
		ps.add(path, "%v", err)
	}
}

// merge lays over on base, the module's current value at path.
func merge(path string, base, over any, ps *Problems) any {
	switch b := base.(type) {
	case map[string]any:
		o, ok := over.(map[string]any)
		if !ok {
			ps.add(path, "want an object")
			return base
		}
		out := map[string]any{}
		for k, v := range b {
			out[k] = v
		}
		for _, k := range sortedKeys(o) {
			cur, known := b[k]
			if !known {
				ps.add(path+"."+k, "unknown parameter")
				continue
			}
			out[k] = merge(path+"."+k, cur, o[k], ps)
		}
		return out
	case []any:
		o, ok := over.([]any)
		if !ok {
			ps.add(path, "want a list")
			return base
		}
		return mergeList(path, b, o, ps)
	case string:
		if protoDuration.MatchString(b) {
			s, ok := over.(string)
			if !ok {
				ps.add(path, "want a duration such as 21d")
				return base
			}
			d, err := ParseDuration(s)
			if err != nil {
				ps.add(path, "%v", err)
				return base
			}
			return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + "s"
		}
		if f, isNum := over.(float64); isNum {
			// numbers (uint64 and decimals) are strings in params JSON
			return strconv.FormatFloat(f, 'f', -1, 64)
		}
	}
	return over
}

// mergeList merges a list of rules on its key field; any other list is
// replaced whole.
func mergeList(path string, base, over []any, ps *Problems) any {
	key := ""
	if len(base) > 0 {
		if first, ok := base[0].(map[string]any); ok {
			for _, k := range listKeys {
				if _, has := first[k]; has {
					key = k
					break
				}
			}
		}
	}
	if key == "" {
		return over
	}
	out := append([]any{}, base...)
	for i, e := range over {
		el, ok := e.(map[string]any)
		if !ok {
			ps.add(fmt.Sprintf("%s[%d]", path, i), "want an object")
			continue
		}
		id, ok := el[key]
		if !ok {
			ps.add(fmt.Sprintf("%s[%d]", path, i), "needs %s to say which rule it changes", key)
			continue
		}
		found := false
		for j, b := range out {
			if bm, _ := b.(map[string]any); bm != nil && bm[key] == id {
				out[j] = merge(fmt.Sprintf("%s[%d]", path, i), b, e, ps)
				found = true
				break
			}
		}
		if !found {
			// a new rule: the first rule is its template, so it is complete
			out = append(out, merge(fmt.Sprintf("%s[%d]", path, i), base[0], e, ps))
		}
	}
	return out
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
