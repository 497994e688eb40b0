package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/app/constitution/file"
	"github.com/polity-chain/polity/app/constitution/file/filetest"
)

// polityd runs polityd in process, as main does, and returns what it
// printed and its error.
func polityd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	viper.Reset() // the CometBFT pre-run keeps --home in the global viper
	root := NewRootCmd()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := svrcmd.Execute(root, "POLITYD", app.DefaultNodeHome)
	return out.String(), err
}

// freshHome is a new node home made by polityd init: a genesis file, no
// constitution in it yet, this node's consensus key and no keys.
func freshHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	out, err := polityd(t, "init", "node0", "--chain-id", "polity-test", "--home", home)
	require.NoError(t, err, out)
	return home
}

// keyFiles are the keys of the home's test keyring.
func keyFiles(t *testing.T, home string) []string {
	t.Helper()
	keys, err := filepath.Glob(filepath.Join(home, "keyring-test", "*.info"))
	require.NoError(t, err)
	return keys
}

// writeBroken writes the example tc breaks, broken, as a YAML file.
func writeBroken(t *testing.T, tc filetest.Bad) string {
	t.Helper()
	data, err := file.Example(tc.Example)
	require.NoError(t, err)
	f, err := file.Parse(data)
	require.NoError(t, err)
	if tc.Break != nil {
		tc.Break(f)
	}
	data, err = file.Marshal(f)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), tc.Example+".yaml")
	require.NoError(t, os.WriteFile(path, data, 0o600))
	return path
}

// badFiles are the file package's broken files, their problems naming
// addresses with Polity's prefix.
func badFiles() []filetest.Bad {
	app.SetAddressConfig()
	return append(filetest.BadFiles(), filetest.BadRules()...)
}

// TestBadFilesWriteNothing feeds every broken file of the file package's
// tables (filetest) to the real `polityd genesis constitution`, with --file
// and with --check, each in a fresh home: the command refuses it with
// exactly the problems the file package reports, at their paths, the home's
// genesis file is byte for byte what it was, and no key is created.
func TestBadFilesWriteNothing(t *testing.T) {
	t.Setenv("POLITYD_HOME", "")
	for _, tc := range badFiles() {
		t.Run(tc.Name, func(t *testing.T) {
			path := writeBroken(t, tc)
			for _, mode := range []string{"--file", "--check"} {
				t.Run(mode, func(t *testing.T) {
					home := freshHome(t)
					genesis := filepath.Join(home, "config", "genesis.json")
					before, err := os.ReadFile(genesis)
					require.NoError(t, err)

					out, err := polityd(t, "genesis", "constitution", mode, path, "--home", home, "--keyring-backend", "test")
					require.EqualError(t, err, path+":\n"+tc.Want, out)

					after, err := os.ReadFile(genesis)
					require.NoError(t, err)
					require.True(t, bytes.Equal(before, after), "%s rewrote %s", mode, genesis)
					require.Empty(t, keyFiles(t, home), "%s created keys", mode)
				})
			}
		})
	}
}

// TestCheckWritesNoGenesis: --check of a broken file in a home that has no
// genesis file yet leaves it without one, and without keys.
func TestCheckWritesNoGenesis(t *testing.T) {
	t.Setenv("POLITYD_HOME", "")
	tc := badFiles()[0]
	path := writeBroken(t, tc)
	home := t.TempDir()
	out, err := polityd(t, "genesis", "constitution", "--check", path, "--home", home, "--keyring-backend", "test")
	require.EqualError(t, err, path+":\n"+tc.Want, out)
	require.NoFileExists(t, filepath.Join(home, "config", "genesis.json"))
	require.Empty(t, keyFiles(t, home))
}

// TestGoodFileWrites is the control of TestBadFilesWriteNothing: the same
// command on the unbroken examples the tables break passes --check, and
// --file rewrites the genesis and creates the keys, so an unchanged genesis
// and an empty keyring there are the command's doing, not the test's.
func TestGoodFileWrites(t *testing.T) {
	t.Setenv("POLITYD_HOME", "")
	for _, example := range []string{"dev", "icann"} {
		t.Run(example, func(t *testing.T) {
			path := writeBroken(t, filetest.Bad{Example: example})
			home := freshHome(t)
			genesis := filepath.Join(home, "config", "genesis.json")
			before, err := os.ReadFile(genesis)
			require.NoError(t, err)

			out, err := polityd(t, "genesis", "constitution", "--check", path, "--home", home, "--keyring-backend", "test")
			require.NoError(t, err, out)
			require.Contains(t, out, path+": valid")

			out, err = polityd(t, "genesis", "constitution", "--file", path, "--home", home, "--keyring-backend", "test")
			require.NoError(t, err, out)
			after, err := os.ReadFile(genesis)
			require.NoError(t, err)
			require.False(t, bytes.Equal(before, after), "--file left %s as it was", genesis)
			require.NotEmpty(t, keyFiles(t, home), "--file created no keys")
		})
	}
}

// TestJSONFileChecks: a constitution written as JSON (the same schema) is
// read by the command like YAML.
func TestJSONFileChecks(t *testing.T) {
	t.Setenv("POLITYD_HOME", "")
	data, err := file.Example("dev")
	require.NoError(t, err)
	js, err := yaml.YAMLToJSON(data)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "dev.json")
	require.NoError(t, os.WriteFile(path, js, 0o600))
	out, err := polityd(t, "genesis", "constitution", "--check", path, "--home", freshHome(t), "--keyring-backend", "test")
	require.NoError(t, err, out)
	require.Contains(t, out, path+": valid")
}
