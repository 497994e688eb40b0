package docsync_test

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	// register the modules' proto files
	_ "github.com/polity-chain/polity/x/community/types"
	_ "github.com/polity-chain/polity/x/empowered/types"
	_ "github.com/polity-chain/polity/x/proposals/types"
	_ "github.com/polity-chain/polity/x/review/types"
)

// modules are the Polity modules with a README.
var modules = []string{"community", "proposals", "review", "empowered"}

// TestREADMEsListMessagesAndEvents fails when a module README's "Messages"
// or "Events" section misses a Msg of the module's Msg service or an event
// of its events.proto, lists one twice, or lists one that does not exist.
func TestREADMEsListMessagesAndEvents(t *testing.T) {
	for _, m := range modules {
		t.Run(m, func(t *testing.T) {
			sections := readmeSections(t, filepath.Join("..", "..", "x", m, "README.md"))
			require.Equal(t, declaredMsgs(t, m), sorted(t, sections["Messages"]), "x/%s README, section Messages", m)
			require.Equal(t, declaredEvents(t, m), sorted(t, sections["Events"]), "x/%s README, section Events", m)
		})
	}
}

// declaredMsgs are the request types of the module's Msg service, sorted.
func declaredMsgs(t *testing.T, module string) []string {
	t.Helper()
	fd, err := proto.HybridResolver.FindFileByPath("polity/" + module + "/v1/tx.proto")
	require.NoError(t, err)
	require.Equal(t, 1, fd.Services().Len(), "one Msg service")
	methods := fd.Services().Get(0).Methods()
	var out []string
	for i := range methods.Len() {
		out = append(out, string(methods.Get(i).Input().Name()))
	}
	slices.Sort(out)
	return out
}

// declaredEvents are the Event messages of the module's events.proto, sorted.
func declaredEvents(t *testing.T, module string) []string {
	t.Helper()
	fd, err := proto.HybridResolver.FindFileByPath("polity/" + module + "/v1/events.proto")
	require.NoError(t, err)
	var out []string
	for i := range fd.Messages().Len() {
		if name := string(fd.Messages().Get(i).Name()); strings.HasPrefix(name, "Event") {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// listItem is a README list line naming a message or event first.
var listItem = regexp.MustCompile("^- `((?:Msg|Event)[A-Za-z0-9]+)`")

// readmeSections returns, for each "## " section of a README, the names its
// list items start with, in order.
func readmeSections(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	out := map[string][]string{}
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if title, ok := strings.CutPrefix(line, "## "); ok {
			section = strings.Fields(title)[0]
			continue
		}
		if m := listItem.FindStringSubmatch(line); m != nil {
			out[section] = append(out[section], m[1])
		}
	}
	require.NoError(t, sc.Err())
	return out
}

// sorted returns names sorted, failing on a name listed twice.
func sorted(t *testing.T, names []string) []string {
	t.Helper()
	out := slices.Sorted(slices.Values(names))
	for i := 1; i < len(out); i++ {
		require.NotEqual(t, out[i-1], out[i], "%s is listed twice", out[i])
	}
	return out
}
