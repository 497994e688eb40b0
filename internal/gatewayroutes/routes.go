// Package gatewayroutes reads the HTTP routes of the generated gRPC gateway
// code (x/*/types/*.pb.gw.go), so that tests can check the OpenAPI document
// against what the node really serves.
package gatewayroutes

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/grpc-ecosystem/grpc-gateway/runtime"
)

// Route is one HTTP route of the gateway, its path in OpenAPI's template
// form (/polity/review/v1/irps/{id}).
type Route struct {
	Method, Path, File string
}

var (
	patternDecl = regexp.MustCompile(`pattern_(\w+) = runtime\.MustPattern\(runtime\.NewPattern\(1, \[\]int\{([0-9, ]*)\}, \[\]string\{([^}]*)\}, "([^"]*)"`)
	handleCall  = regexp.MustCompile(`mux\.Handle\("([A-Z]+)", pattern_(\w+),`)
	captureVar  = regexp.MustCompile(`\{([^=}]+)=\*\}`)
)

// Read returns every route declared in the *.pb.gw.go files of
// moduleDir/*/types, sorted by path and method, each once. Each path is
// rebuilt with the gateway's own runtime.Pattern from the op codes the
// generator wrote, so it is the template the node matches.
func Read(moduleDir string) ([]Route, error) {
	files, err := filepath.Glob(filepath.Join(moduleDir, "*", "types", "*.pb.gw.go"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.pb.gw.go under %s/*/types", moduleDir)
	}
	seen := map[Route]bool{}
	var routes []Route
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		paths, err := patterns(string(src))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		// Each route is registered twice (a handler for the server and one
		// for the client), with the same pattern.
		for _, m := range handleCall.FindAllStringSubmatch(string(src), -1) {
			path, ok := paths[m[2]]
			if !ok {
				return nil, fmt.Errorf("%s: pattern_%s is used but its declaration was not understood", file, m[2])
			}
			r := Route{Method: m[1], Path: path, File: file}
			if !seen[r] {
				seen[r] = true
				routes = append(routes, r)
			}
		}
	}
	sort.Slice(routes, func(i, j int) bool {
		if routes[i].Path != routes[j].Path {
			return routes[i].Path < routes[j].Path
		}
		return routes[i].Method < routes[j].Method
	})
	return routes, nil
}

// patterns maps each pattern variable's name (without "pattern_") to its path.
func patterns(src string) (map[string]string, error) {
	paths := map[string]string{}
	for _, m := range patternDecl.FindAllStringSubmatch(src, -1) {
		var ops []int
		for _, f := range strings.Split(m[2], ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil {
				return nil, fmt.Errorf("pattern_%s: op %q: %w", m[1], f, err)
			}
			ops = append(ops, n)
		}
		var pool []string
		for _, f := range strings.Split(m[3], ",") {
			s, err := strconv.Unquote(strings.TrimSpace(f))
			if err != nil {
				return nil, fmt.Errorf("pattern_%s: literal %q: %w", m[1], f, err)
			}
			pool = append(pool, s)
		}
		p, err := runtime.NewPattern(1, ops, pool, m[4])
		if err != nil {
			return nil, fmt.Errorf("pattern_%s: %w", m[1], err)
		}
		paths[m[1]] = captureVar.ReplaceAllString(p.String(), "{$1}")
	}
	return paths, nil
}
