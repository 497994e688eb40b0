package cmd

import (
	"fmt"
	"os"
	"strings"
	"testing"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
	"cosmossdk.io/log/v2"
	dbm "github.com/cosmos/cosmos-db"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/polity-chain/polity/app"
)

// polityModules are the modules whose every RPC must be documented.
var polityModules = []string{"community", "proposals", "review", "empowered"}

// TestEveryRPCHasShortAndExample walks each Polity module's Query and Msg
// service descriptors, so an RPC added to a proto cannot land without a
// one-line description and a usage example in its x/<module>/autocli.go (or,
// when autocli skips it, on its hand-written command: see
// TestModuleCommandsAreDocumented).
func TestEveryRPCHasShortAndExample(t *testing.T) {
	app.SetAddressConfig()
	a := app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, false, simtestutil.NewAppOptionsWithFlagHome(t.TempDir()))
	opts := a.AutoCliOpts()
	for _, module := range polityModules {
		modOpts, ok := opts.ModuleOptions[module]
		require.True(t, ok, "no autocli options for %s", module)
		for kind, desc := range map[string]*autocliv1.ServiceCommandDescriptor{"query": modOpts.Query, "tx": modOpts.Tx} {
			require.NotNil(t, desc, "%s has no %s descriptor", module, kind)
			require.NotEmpty(t, desc.Short, "%s %s: the module command needs a Short description", kind, module)
			byMethod := map[string]*autocliv1.RpcCommandOptions{}
			for _, o := range desc.RpcCommandOptions {
				byMethod[o.RpcMethod] = o
			}
			sd, err := gogoproto.HybridResolver.FindDescriptorByName(protoreflect.FullName(desc.Service))
			require.NoError(t, err, desc.Service)
			methods := sd.(protoreflect.ServiceDescriptor).Methods()
			require.Positive(t, methods.Len())
			for i := 0; i < methods.Len(); i++ {
				name := string(methods.Get(i).Name())
				o, ok := byMethod[name]
				require.True(t, ok, "%s.%s has no RpcCommandOptions in x/%s/autocli.go", desc.Service, name, module)
				if o.Skip {
					continue // hand-written; checked on the command tree
				}
				require.NotEmpty(t, o.Short, "%s.%s lacks a Short description", desc.Service, name)
				require.NotContains(t, strings.TrimSpace(o.Short), "\n", "%s.%s: Short is one line", desc.Service, name)
				require.NotEmpty(t, o.Example, "%s.%s lacks an Example", desc.Service, name)
			}
		}
	}
}

// TestModuleCommandsAreDocumented builds polityd's real command tree: every
// module command has its own description, every subcommand (autocli's and
// the hand-written ones) has a Short and an Example, and every example line
// names its own command with flags it has and the number of arguments it
// takes.
func TestModuleCommandsAreDocumented(t *testing.T) {
	t.Chdir(t.TempDir())
	root := NewRootCmd()
	var examples int
	for _, group := range []string{"tx", "query"} {
		for _, module := range polityModules {
			moduleCmd, _, err := root.Find([]string{group, module})
			require.NoError(t, err)
			require.Equal(t, module, moduleCmd.Name(), "polityd %s %s", group, module)
			require.NotContains(t, moduleCmd.Short, "commands for the", "polityd %s %s has the generic description", group, module)
			require.NotEmpty(t, moduleCmd.Short)
			for _, sub := range moduleCmd.Commands() {
				if !sub.IsAvailableCommand() || sub.Name() == "help" {
					continue
				}
				where := fmt.Sprintf("polityd %s %s %s", group, module, sub.Name())
				require.NotEmpty(t, sub.Short, "%s lacks a Short description", where)
				require.NotEmpty(t, sub.Example, "%s lacks an Example", where)
				runsItself := false
				for _, line := range strings.Split(sub.Example, "\n") {
					if !strings.HasPrefix(line, "polityd ") {
						continue // prose around the command, such as a file's contents
					}
					// A line may prepare the command's input with another command.
					runsItself = checkExample(t, root, line) == sub || runsItself
					examples++
				}
				require.True(t, runsItself, "no line of %s's example runs it", where)
			}
		}
	}
	require.Greater(t, examples, 115, "every RPC's example was checked")
}

// checkExample parses one example line with the command tree and returns
// the command it reaches. Its flags must exist and take the values given
// (enum flags check their values, message flags their JSON), and its
// positional arguments must fit the command's Args. A pipe or redirection
// ends the command. A message flag
// reads a *.json value as a file, so each file an example names is written,
// as {}, in the test's working directory.
func checkExample(t *testing.T, root *cobra.Command, line string) *cobra.Command {
	t.Helper()
	words, err := shellWords(line)
	require.NoError(t, err, line)
	for i, w := range words {
		if w == "|" || w == ">" {
			words = words[:i]
			break
		}
		if strings.HasSuffix(w, ".json") {
			require.NoError(t, os.WriteFile(w, []byte("{}"), 0o600))
		}
	}
	found, rest, err := root.Find(words[1:])
	require.NoError(t, err, line)
	require.NoError(t, found.ParseFlags(rest), "example %q", line)
	require.NoError(t, found.ValidateArgs(found.Flags().Args()), "example %q", line)
	return found
}

// shellWords splits a command line as a POSIX shell would for the examples'
// quoting: single quotes, double quotes (kept literal inside, $(...)
// included) and backslash escapes.
func shellWords(line string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\'' || c == '"':
			end := strings.IndexByte(line[i+1:], c)
			if end < 0 {
				return nil, fmt.Errorf("unterminated %c quote", c)
			}
			cur.WriteString(line[i+1 : i+1+end])
			i += end + 1
			inWord = true
		case c == '\\' && i+1 < len(line):
			cur.WriteByte(line[i+1])
			i++
			inWord = true
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

func TestShellWords(t *testing.T) {
	words, err := shellWords(`polityd tx x a 'b c' "d $(e f)" g\ h`)
	require.NoError(t, err)
	require.Equal(t, []string{"polityd", "tx", "x", "a", "b c", "d $(e f)", "g h"}, words)
	_, err = shellWords(`polityd 'open`)
	require.Error(t, err)
}
