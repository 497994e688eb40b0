package file_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/app/constitution/file"
	"github.com/polity-chain/polity/app/constitution/file/filetest"
)

// TestBadFiles: each broken constitution is refused with exactly the
// problems at their paths in the file, all of them, not only the first.
// The table is shared with polityd's command test
// (cmd/polityd/cmd/constitution_bad_files_test.go), which feeds the same
// files to `genesis constitution --file` and `--check`.
func TestBadFiles(t *testing.T) {
	require.Equal(t, b64("a"), filetest.ConsensusKey("a"), "the table's consensus keys are the ones these tests read")
	for _, tc := range filetest.BadFiles() {
		t.Run(tc.Name, func(t *testing.T) {
			require.Equal(t, "dev", tc.Example)
			f := example(t, tc.Example)
			tc.Break(f)
			_, err := file.Compile(f, envFor(f))
			require.EqualError(t, err, tc.Want)
		})
	}
}

// TestBadRules: broken alternatives and action rules in the icann example's
// GNSO rule (communities[2]) are refused with every problem at its path.
func TestBadRules(t *testing.T) {
	for _, tc := range filetest.BadRules() {
		t.Run(tc.Name, func(t *testing.T) {
			require.Equal(t, "icann", tc.Example)
			f := example(t, tc.Example)
			require.Equal(t, "gnso", f.Communities[2].ID)
			tc.Break(f)
			_, err := file.Compile(f, envFor(f))
			require.EqualError(t, err, tc.Want)
		})
	}
}
