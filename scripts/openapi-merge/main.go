// Command openapi-merge merges the per-file Swagger 2.0 documents that
// protoc-gen-swagger writes (buf.gen.openapi.yaml) into the one OpenAPI
// document the node serves, docs/openapi/openapi.yaml.
//
// REST routes go to `paths`. Msg services have no REST route: a Msg travels
// inside a signed transaction sent to POST /cosmos/tx/v1beta1/txs, so their
// generated unbound-method paths (/polity.review.v1.Msg/FileIRP) are moved to
// the `x-msgs` list, which names each Msg's type URL and the definitions of its
// request and response.
//
// Usage: go run ./scripts/openapi-merge <generated dir> <output yaml>
package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"sigs.k8s.io/yaml"
)

// unboundMsgPath matches the path protoc-gen-swagger invents for a method
// without an HTTP rule: /<package>.Msg/<Method>.
var unboundMsgPath = regexp.MustCompile(`^/([A-Za-z0-9_.]+)\.Msg/([A-Za-z0-9_]+)$`)

const description = `Every REST route a Polity node serves: the queries of Polity's four modules
(x/community, x/proposals, x/review, x/empowered) under /polity/, and the
Cosmos SDK routes the node also serves (auth, bank, consensus, upgrade, tx,
CometBFT and node information) under /cosmos/.

Polity has no x/staking and no x/gov: validators are set by community motions
(/polity/community/v1/validators) and governance runs through
/polity/proposals/v1/proposals, /polity/review/v1 and /polity/empowered/v1.

Transactions: a Msg has no REST route of its own. Sign a transaction that
carries it (polityd tx ... --generate-only, then sign) and send it to
POST /cosmos/tx/v1beta1/txs. The x-msgs list names every Msg's type URL and
the definitions of its request and response.

Generated from proto/ by make proto-gen; do not edit by hand.`

type msgEntry struct {
	TypeURL  string `json:"type_url"`
	Service  string `json:"service"`
	Method   string `json:"method"`
	Request  string `json:"request"`
	Response string `json:"response"`
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: openapi-merge <generated dir> <output yaml>")
		os.Exit(2)
	}
	out, err := merge(os.Args[1])
	if err == nil {
		err = os.WriteFile(os.Args[2], out, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "openapi-merge:", err)
		os.Exit(1)
	}
}

func merge(dir string) ([]byte, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".swagger.json") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.swagger.json under %s", dir)
	}

	paths := map[string]map[string]any{}
	definitions := map[string]any{}
	tags := map[string]bool{}
	var msgs []msgEntry
	for _, file := range files {
		var doc struct {
			Paths       map[string]map[string]map[string]any `json:"paths"`
			Definitions map[string]any                       `json:"definitions"`
		}
		raw, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		for name, def := range doc.Definitions {
			// The same type can come out of two files with and without its
			// comments (whether the plugin saw its source); keep the fuller one.
			if prev, ok := definitions[name]; !ok || encodedLen(def) > encodedLen(prev) {
				definitions[name] = def
			}
		}
		for path, ops := range doc.Paths {
			if m := unboundMsgPath.FindStringSubmatch(path); m != nil {
				entry, err := msgFromOperation(m[1], m[2], ops)
				if err != nil {
					return nil, fmt.Errorf("%s: %s: %w", file, path, err)
				}
				msgs = append(msgs, entry)
				continue
			}
			if paths[path] == nil {
				paths[path] = map[string]any{}
			}
			for method, op := range ops {
				if _, dup := paths[path][method]; dup {
					return nil, fmt.Errorf("%s: %s %s is defined twice", file, method, path)
				}
				// Tags are the fully qualified service (include_package_in_tags);
				// operation ids are only unique within one service, so qualify them.
				if t, ok := op["tags"].([]any); ok && len(t) == 1 {
					service, _ := t[0].(string)
					tags[service] = true
					if id, ok := op["operationId"].(string); ok {
						op["operationId"] = service + "." + strings.TrimPrefix(id, lastSegment(service)+"_")
					}
				}
				paths[path][method] = op
			}
		}
	}
	sort.Slice(msgs, func(i, j int) bool { return msgs[i].TypeURL < msgs[j].TypeURL })

	tagList := make([]map[string]string, 0, len(tags))
	for _, t := range sortedKeys(tags) {
		tagList = append(tagList, map[string]string{"name": t})
	}
	doc := map[string]any{
		"swagger": "2.0",
		"info": map[string]any{
			"title":       "Polity REST API",
			"version":     "v1",
			"description": description,
		},
		"consumes":    []string{"application/json"},
		"produces":    []string{"application/json"},
		"tags":        tagList,
		"paths":       paths,
		"definitions": definitions,
		"x-msgs":      msgs,
	}
	j, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	return yaml.JSONToYAML(j)
}

// msgFromOperation reads the request and response definitions of an unbound
// Msg method's generated POST operation.
func msgFromOperation(pkg, method string, ops map[string]map[string]any) (msgEntry, error) {
	op, ok := ops["post"]
	if !ok {
		return msgEntry{}, fmt.Errorf("no post operation")
	}
	var request, response string
	if params, ok := op["parameters"].([]any); ok && len(params) == 1 {
		request = refOf(params[0].(map[string]any)["schema"])
	}
	if responses, ok := op["responses"].(map[string]any); ok {
		if ok200, ok := responses["200"].(map[string]any); ok {
			response = refOf(ok200["schema"])
		}
	}
	if request == "" || response == "" {
		return msgEntry{}, fmt.Errorf("request or response definition not found")
	}
	return msgEntry{
		TypeURL:  "/" + strings.TrimPrefix(request, "#/definitions/"),
		Service:  pkg + ".Msg",
		Method:   method,
		Request:  request,
		Response: response,
	}, nil
}

func encodedLen(v any) int {
	b, _ := json.Marshal(v)
	return len(b)
}

func refOf(schema any) string {
	s, _ := schema.(map[string]any)
	ref, _ := s["$ref"].(string)
	return ref
}

func lastSegment(service string) string {
	return service[strings.LastIndex(service, ".")+1:]
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
