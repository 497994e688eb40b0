package types_test

import (
	"flag"
	"os"
	"testing"
)

// rapidDefaults make the property tests deterministic and thorough by default:
// a fixed seed, a thousand cases each (they take milliseconds) and no fail
// files written into the source tree. Any of them can still be set on the
// command line, for example -rapid.seed=0 for a random exploration.
var rapidDefaults = map[string]string{
	"rapid.seed":       "20300101",
	"rapid.checks":     "1000",
	"rapid.nofailfile": "true",
}

// TestMain applies rapidDefaults to the flags not given on the command line.
func TestMain(m *testing.M) {
	flag.Parse()
	given := map[string]bool{}
	flag.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, name := range []string{"rapid.seed", "rapid.checks", "rapid.nofailfile"} {
		if !given[name] {
			if err := flag.Set(name, rapidDefaults[name]); err != nil {
				panic(err)
			}
		}
	}
	os.Exit(m.Run())
}
