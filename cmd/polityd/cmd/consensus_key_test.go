package cmd

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cometbft/cometbft/privval"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
)

// TestParseConsensusKey: show-validator JSON inline or in a file, the bare
// base64 key and a node home all give the same public key; anything else is
// refused with the reason.
func TestParseConsensusKey(t *testing.T) {
	home := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(home, "config"), 0o700))
	require.NoError(t, os.MkdirAll(filepath.Join(home, "data"), 0o700))
	pv := privval.GenFilePV(filepath.Join(home, "config", "priv_validator_key.json"), filepath.Join(home, "data", "priv_validator_state.json"))
	pv.Save()
	cmtPub, err := pv.GetPubKey()
	require.NoError(t, err)
	want := &ed25519.PubKey{Key: cmtPub.Bytes()}
	b64 := base64.StdEncoding.EncodeToString(want.Key)
	shown := `{"@type":"/cosmos.crypto.ed25519.PubKey","key":"` + b64 + `"}`
	file := filepath.Join(t.TempDir(), "node-pubkey.json")
	require.NoError(t, os.WriteFile(file, []byte(shown+"\n"), 0o600))

	for name, in := range map[string]string{"json": shown, "file": file, "base64": b64, "home": home} {
		got, err := parseConsensusKey(in)
		require.NoError(t, err, name)
		require.True(t, want.Equals(got), name)
	}
	for name, in := range map[string]string{
		"secp256k1 type": `{"@type":"/cosmos.crypto.secp256k1.PubKey","key":"` + b64 + `"}`,
		"short key":      base64.StdEncoding.EncodeToString([]byte("short")),
		"not a key":      "no-such-file,or-key",
	} {
		_, err := parseConsensusKey(in)
		require.Error(t, err, name)
	}
}
