package e2e

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// restJSONAtHeight is RESTJSON on the state committed at a height (the
// x-cosmos-block-height header): what a transaction left behind, however long
// ago it landed and whatever deadlines have passed since.
func restJSONAtHeight(t testing.TB, n *Node, path string, height int64, out any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("http://127.0.0.1:%d%s", n.Ports.API, path), nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("x-cosmos-block-height", itoa(height))
	resp, err := httpClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s at height %d: %v", path, height, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s at height %d: %v", path, height, err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s at height %d: HTTP %d, want 200: %s", path, height, resp.StatusCode, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		t.Fatalf("GET %s at height %d: %v: %s", path, height, err, body)
	}
}

// presignTx builds a transaction with the CLI (`tx <args> --generate-only`),
// signs it with the key's current account number and sequence and returns
// its bytes, for broadcastPresigned to send later without starting the CLI:
// a transaction that must land inside a short window is then one RPC call
// and one block away, whatever the machine's speed. The key must send
// nothing else before the bytes are broadcast.
func presignTx(t testing.TB, n *Node, from string, args ...string) []byte {
	t.Helper()
	return presignTxWith(t, n, from, nil, args...)
}

// presignTxWith is presignTx with more flags for `tx sign` (for example
// --offline with an account number and sequence).
func presignTxWith(t testing.TB, n *Node, from string, signFlags []string, args ...string) []byte {
	t.Helper()
	common := []string{"--from", from, "--home", n.net.KeyHome(), "--keyring-backend", "test",
		"--chain-id", n.net.ChainID, "--node", n.NodeFlag()}
	gen := append(append([]string{"tx"}, args...), common...)
	gen = append(gen, "--gas", "2000000", "--generate-only", "--output", "json")
	unsigned := filepath.Join(t.TempDir(), "unsigned.json")
	if err := os.WriteFile(unsigned, n.net.Exec(t, gen...), 0o600); err != nil {
		t.Fatal(err)
	}
	signed := filepath.Join(filepath.Dir(unsigned), "signed.json")
	n.net.Exec(t, append(append([]string{"tx", "sign", unsigned, "--output-document", signed, "--output", "json"}, common...), signFlags...)...)
	enc := strings.TrimSpace(string(n.net.Exec(t, "tx", "encode", signed)))
	raw, err := base64.StdEncoding.DecodeString(enc)
	if err != nil {
		t.Fatalf("tx encode printed %q: %v", enc, err)
	}
	return raw
}

// broadcastPresigned sends signed transaction bytes with CometBFT's
// broadcast_tx_sync and, when CheckTx accepts them, waits for the
// transaction in a block. The caller checks the code.
func broadcastPresigned(t testing.TB, n *Node, tx []byte) TxResult {
	t.Helper()
	var res struct {
		Code      uint32 `json:"code"`
		Codespace string `json:"codespace"`
		Log       string `json:"log"`
		Hash      string `json:"hash"`
	}
	if err := n.RPC("/broadcast_tx_sync?tx=0x"+hex.EncodeToString(tx), &res); err != nil {
		t.Fatalf("broadcast_tx_sync: %v", err)
	}
	if res.Code != 0 {
		return TxResult{Hash: res.Hash, Code: res.Code, Codespace: res.Codespace, Log: res.Log}
	}
	return n.WaitTx(t, res.Hash)
}
