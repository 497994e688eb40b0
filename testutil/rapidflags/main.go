// Package rapidflags gives the property tests (pgregory.net/rapid)
// deterministic, thorough defaults: from a package's TestMain (Main), or for
// one expensive test (Checks).
package rapidflags

import (
	"flag"
	"os"
	"strconv"
	"testing"
)

// defaults make the property tests deterministic and thorough: a fixed seed,
// a thousand cases each (they take milliseconds) and no fail files written
// into the source tree. Any of them can still be set on the command line,
// for example -rapid.seed=0 for a random exploration.
var defaults = []struct{ name, value string }{
	{"rapid.seed", "20300101"},
	{"rapid.checks", "1000"},
	{"rapid.nofailfile", "true"},
}

// Main applies the defaults to the flags not given on the command line and
// runs the tests; call it from TestMain.
func Main(m *testing.M) {
	flag.Parse()
	given := map[string]bool{}
	flag.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, d := range defaults {
		if !given[d.name] {
			if err := flag.Set(d.name, d.value); err != nil {
				panic(err)
			}
		}
	}
	os.Exit(m.Run())
}

// Checks gives one expensive property test (one that builds a whole chain
// per case) the defaults' fixed seed and no fail files, and n checks instead
// of a thousand, without a TestMain: each flag not given on the command line
// is set for the test and restored when it ends. The test must not run in
// parallel.
func Checks(t *testing.T, n int) {
	given := map[string]bool{}
	flag.Visit(func(f *flag.Flag) {
		// a value Main set is a default, not the user's choice
		given[f.Name] = f.Value.String() != defaultValue(f.Name)
	})
	for _, d := range defaults {
		if given[d.name] {
			continue
		}
		value := d.value
		if d.name == "rapid.checks" {
			value = strconv.Itoa(n)
		}
		old := flag.Lookup(d.name).Value.String()
		if err := flag.Set(d.name, value); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = flag.Set(d.name, old) })
	}
}

// defaultValue is this package's default for a flag.
func defaultValue(name string) string {
	for _, d := range defaults {
		if d.name == name {
			return d.value
		}
	}
	return ""
}
