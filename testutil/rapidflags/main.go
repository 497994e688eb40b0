// Package rapidflags gives the property tests (pgregory.net/rapid)
// deterministic, thorough defaults from a package's TestMain.
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

// Checks sets the number of checks for one expensive property test (one that
// builds a whole chain per case) to n, unless -rapid.checks was given, and
// restores it when the test ends. The test must not run in parallel.
func Checks(t *testing.T, n int) {
	given := false
	flag.Visit(func(f *flag.Flag) {
		given = given || f.Name == "rapid.checks" && f.Value.String() != defaultValue("rapid.checks")
	})
	if given {
		return
	}
	old := flag.Lookup("rapid.checks").Value.String()
	if err := flag.Set("rapid.checks", strconv.Itoa(n)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = flag.Set("rapid.checks", old) })
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
