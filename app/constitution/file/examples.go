package file

import (
	"embed"
	"fmt"
	"sort"
	"strings"
)

//go:embed examples/*.yaml
var examples embed.FS

// Example returns the shipped example name (dev, defi, icann).
func Example(name string) ([]byte, error) {
	data, err := examples.ReadFile("examples/" + name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("no example %q: the examples are %s", name, strings.Join(ExampleNames(), ", "))
	}
	return data, nil
}

// ExampleNames lists the shipped examples.
func ExampleNames() []string {
	entries, _ := examples.ReadDir("examples")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(names)
	return names
}
