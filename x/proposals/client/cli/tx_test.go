package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/x/proposals/types"
)

// TestReadProposalFile: the document's text comes from the file or from
// --document-text-file (which wins), and an empty hash is filled from it; a
// hash given is left for the chain to check.
func TestReadProposalFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
		return p
	}
	inline := write("inline.json", `{"title": "t", "document": {"uri": "https://x/p.md"}, "document_text": "Art. 1\n"}`)
	f, err := readProposalFile(inline, "")
	require.NoError(t, err)
	require.Equal(t, "Art. 1\n", f.DocumentText)
	require.Equal(t, types.DocumentTextHash("Art. 1\n"), f.Document.Hash)

	text := write("policy.md", "Art. 1 from a file\n")
	f, err = readProposalFile(inline, text)
	require.NoError(t, err)
	require.Equal(t, "Art. 1 from a file\n", f.DocumentText)
	require.Equal(t, types.DocumentTextHash("Art. 1 from a file\n"), f.Document.Hash)

	hashed := write("hashed.json", `{"title": "t", "document": {"hash": "abc", "uri": "https://x/p.md"}, "document_text": "Art. 1\n"}`)
	f, err = readProposalFile(hashed, "")
	require.NoError(t, err)
	require.Equal(t, "abc", f.Document.Hash, "a given hash is the chain's to check")

	_, err = readProposalFile(inline, filepath.Join(dir, "missing.md"))
	require.Error(t, err)
	_, err = readProposalFile(write("bad.json", "{"), "")
	require.ErrorContains(t, err, "bad.json")
}
