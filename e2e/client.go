package e2e

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var httpClient = &http.Client{Timeout: 10 * time.Second}

// NodeFlag is the node's RPC address in the form --node takes.
func (n *Node) NodeFlag() string { return fmt.Sprintf("tcp://127.0.0.1:%d", n.Ports.RPC) }

// RPC GETs a CometBFT RPC path such as "/status" or "/block?height=3" and
// decodes the JSON-RPC result into out.
func (n *Node) RPC(path string, out any) error {
	resp, err := httpClient.Get(fmt.Sprintf("http://127.0.0.1:%d%s", n.Ports.RPC, path))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var env struct {
		Result json.RawMessage `json:"result"`
		Error  *struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
			Data    string `json:"data"`
		} `json:"error"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return fmt.Errorf("rpc %s: HTTP %d: %w: %.300s", path, resp.StatusCode, err, body)
	}
	if env.Error != nil {
		return fmt.Errorf("rpc %s: %s: %s", path, env.Error.Message, env.Error.Data)
	}
	return json.Unmarshal(env.Result, out)
}

// REST GETs a REST API path and returns the HTTP status and body.
func (n *Node) REST(path string) (int, []byte, error) {
	resp, err := httpClient.Get(fmt.Sprintf("http://127.0.0.1:%d%s", n.Ports.API, path))
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

// RESTJSON GETs a REST API path, requires HTTP 200 and decodes the body.
func (n *Node) RESTJSON(t testing.TB, path string, out any) {
	t.Helper()
	code, body, err := n.REST(path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	if code != http.StatusOK {
		t.Fatalf("GET %s: HTTP %d, want 200: %s", path, code, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		t.Fatalf("GET %s: %v: %s", path, err, body)
	}
}

// WaitREST polls a REST path, decoding each answer into a T, until done
// reports true; done also describes the record for the timeout message.
func WaitREST[T any](t testing.TB, n *Node, path, what string, timeout time.Duration, done func(T) (bool, string)) T {
	t.Helper()
	var got T
	Eventually(t, timeout, what, func() (bool, string) {
		n.checkAlive(t)
		code, body, err := n.REST(path)
		if err != nil || code != http.StatusOK {
			return false, fmt.Sprintf("HTTP %d %s %v", code, body, err)
		}
		var v T
		if err := json.Unmarshal(body, &v); err != nil {
			return false, err.Error()
		}
		got = v
		return done(v)
	})
	return got
}

// Height returns the node's latest committed height.
func (n *Node) Height() (int64, error) {
	var st struct {
		SyncInfo struct {
			Height string `json:"latest_block_height"`
		} `json:"sync_info"`
	}
	if err := n.RPC("/status", &st); err != nil {
		return 0, err
	}
	return strconv.ParseInt(st.SyncInfo.Height, 10, 64)
}

// WaitHeight waits until the node has committed height h and returns its
// height then.
func (n *Node) WaitHeight(t testing.TB, h int64, timeout time.Duration) int64 {
	t.Helper()
	var got int64
	Eventually(t, timeout, fmt.Sprintf("%s to reach height %d", n.Moniker, h), func() (bool, string) {
		n.checkAlive(t)
		var err error
		if got, err = n.Height(); err != nil {
			return false, err.Error()
		}
		return got >= h, fmt.Sprintf("height %d", got)
	})
	return got
}

// Block is what the tests compare across nodes at one height.
type Block struct {
	Height  int64
	Hash    string
	AppHash string
}

// BlockAt returns the block at height h as the node stores it.
func (n *Node) BlockAt(h int64) (Block, error) {
	var res struct {
		BlockID struct {
			Hash string `json:"hash"`
		} `json:"block_id"`
		Block struct {
			Header struct {
				AppHash string `json:"app_hash"`
			} `json:"header"`
		} `json:"block"`
	}
	if err := n.RPC("/block?height="+itoa(h), &res); err != nil {
		return Block{}, err
	}
	return Block{Height: h, Hash: res.BlockID.Hash, AppHash: res.Block.Header.AppHash}, nil
}

// CometValidators returns CometBFT's current validator set as hex address
// to voting power.
func (n *Node) CometValidators(t testing.TB) map[string]int64 {
	t.Helper()
	return n.CometValidatorsAt(t, 0)
}

// CometValidatorsAt returns the validator set that signs height h (the
// current one when h is 0) as hex address to voting power.
func (n *Node) CometValidatorsAt(t testing.TB, h int64) map[string]int64 {
	t.Helper()
	var res struct {
		Validators []struct {
			Address     string `json:"address"`
			VotingPower string `json:"voting_power"`
		} `json:"validators"`
	}
	path := "/validators?per_page=100"
	if h > 0 {
		path += "&height=" + itoa(h)
	}
	if err := n.RPC(path, &res); err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, v := range res.Validators {
		p, err := strconv.ParseInt(v.VotingPower, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		out[v.Address] = p
	}
	return out
}

// CommitSigners returns the hex addresses of the validators whose precommit
// for block h is in the chain's canonical commit of h (block_id_flag COMMIT),
// failing the test if h has no canonical commit yet.
func (n *Node) CommitSigners(t testing.TB, h int64) map[string]bool {
	t.Helper()
	var res struct {
		SignedHeader struct {
			Commit struct {
				Signatures []struct {
					BlockIDFlag      int    `json:"block_id_flag"`
					ValidatorAddress string `json:"validator_address"`
				} `json:"signatures"`
			} `json:"commit"`
		} `json:"signed_header"`
		Canonical bool `json:"canonical"`
	}
	if err := n.RPC("/commit?height="+itoa(h), &res); err != nil {
		t.Fatal(err)
	}
	if !res.Canonical {
		t.Fatalf("%s: the commit of height %d is not canonical yet", n.Moniker, h)
	}
	const blockIDFlagCommit = 2
	out := map[string]bool{}
	for _, s := range res.SignedHeader.Commit.Signatures {
		if s.BlockIDFlag == blockIDFlagCommit {
			out[s.ValidatorAddress] = true
		}
	}
	return out
}

// Query runs `polityd query <args>` against the node and decodes its JSON.
func (n *Node) Query(t testing.TB, out any, args ...string) {
	t.Helper()
	full := append([]string{"query"}, args...)
	full = append(full, "--node", n.NodeFlag(), "--home", n.net.KeyHome(), "--output", "json")
	raw := n.net.Exec(t, full...)
	if err := json.Unmarshal(raw, out); err != nil {
		t.Fatalf("polityd %s: %v: %s", strings.Join(full, " "), err, raw)
	}
}

// Event is an ABCI event with plain attribute values.
type Event struct {
	Type       string `json:"type"`
	Attributes []struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	} `json:"attributes"`
}

// TxResult is a transaction's outcome: its CheckTx answer when it was
// refused there (Height 0), else its result in a block.
type TxResult struct {
	Hash      string
	Height    int64
	Code      uint32
	Codespace string
	Log       string
	Events    []Event
}

// Attr returns the value of the first attribute key in an event of type typ
// whose attributes include every pair in match.
func (r TxResult) Attr(typ, key string, match ...string) (string, bool) {
	return findAttr(r.Events, typ, key, match...)
}

func findAttr(events []Event, typ, key string, match ...string) (string, bool) {
outer:
	for _, ev := range events {
		if ev.Type != typ {
			continue
		}
		vals := map[string]string{}
		for _, a := range ev.Attributes {
			if _, seen := vals[a.Key]; !seen {
				vals[a.Key] = a.Value
			}
		}
		for i := 0; i+1 < len(match); i += 2 {
			if vals[match[i]] != match[i+1] {
				continue outer
			}
		}
		if v, ok := vals[key]; ok {
			return v, true
		}
	}
	return "", false
}

// Tx signs args (after "tx") with the named key, broadcasts it to the node
// and, when CheckTx accepts it, waits for it in a block. The caller checks
// the code; see MustTx.
func (n *Node) Tx(t testing.TB, from string, args ...string) TxResult {
	t.Helper()
	res := n.broadcast(t, from, args...)
	if res.Code != 0 {
		return res
	}
	return n.WaitTx(t, res.Hash)
}

// broadcast returns the CheckTx answer (Height 0).
func (n *Node) broadcast(t testing.TB, from string, args ...string) TxResult {
	t.Helper()
	res, err := n.TryBroadcast(from, args...)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TryBroadcast is Broadcast for use outside the test's goroutine: it returns
// the CheckTx answer (Height 0), and an error only when the CLI failed.
func (n *Node) TryBroadcast(from string, args ...string) (TxResult, error) {
	full := append([]string{"tx"}, args...)
	full = append(full, "--from", from, "--home", n.net.KeyHome(), "--keyring-backend", "test",
		"--chain-id", n.net.ChainID, "--node", n.NodeFlag(), "--gas", "2000000",
		"--broadcast-mode", "sync", "--yes", "--output", "json")
	raw, errOut, err := n.net.Run(full...)
	if err != nil {
		return TxResult{}, fmt.Errorf("polityd %s: %v\nstdout: %s\nstderr: %s", strings.Join(full, " "), err, raw, errOut)
	}
	var res struct {
		TxHash    string `json:"txhash"`
		Code      uint32 `json:"code"`
		Codespace string `json:"codespace"`
		RawLog    string `json:"raw_log"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return TxResult{}, fmt.Errorf("polityd %s: %v: %s", strings.Join(full, " "), err, raw)
	}
	return TxResult{Hash: res.TxHash, Code: res.Code, Codespace: res.Codespace, Log: res.RawLog}, nil
}

// MustTx is Tx requiring success in a block.
func (n *Node) MustTx(t testing.TB, from string, args ...string) TxResult {
	t.Helper()
	r := n.Tx(t, from, args...)
	if r.Code != 0 {
		t.Fatalf("tx %s from %s: code %d (%s) at height %d: %s", strings.Join(args, " "), from, r.Code, r.Codespace, r.Height, r.Log)
	}
	return r
}

// WaitTx waits until the transaction is in a block and returns its result.
func (n *Node) WaitTx(t testing.TB, hash string) TxResult {
	t.Helper()
	var res struct {
		Hash     string `json:"hash"`
		Height   string `json:"height"`
		TxResult struct {
			Code      uint32  `json:"code"`
			Codespace string  `json:"codespace"`
			Log       string  `json:"log"`
			Events    []Event `json:"events"`
		} `json:"tx_result"`
	}
	Eventually(t, 30*time.Second, "tx "+hash+" in a block", func() (bool, string) {
		n.checkAlive(t)
		if err := n.RPC("/tx?hash=0x"+hash, &res); err != nil {
			return false, err.Error()
		}
		return true, ""
	})
	h, err := strconv.ParseInt(res.Height, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return TxResult{Hash: res.Hash, Height: h, Code: res.TxResult.Code, Codespace: res.TxResult.Codespace,
		Log: res.TxResult.Log, Events: res.TxResult.Events}
}

// BlockEvents returns the events of a block's FinalizeBlock outside its
// transactions: those of BeginBlock and EndBlock, such as a passed motion's
// execution.
func (n *Node) BlockEvents(t testing.TB, height int64) []Event {
	t.Helper()
	var res struct {
		FinalizeBlockEvents []Event `json:"finalize_block_events"`
	}
	if err := n.RPC("/block_results?height="+strconv.FormatInt(height, 10), &res); err != nil {
		t.Fatalf("block_results %d: %v", height, err)
	}
	return res.FinalizeBlockEvents
}

// BlockSearch returns the heights of the blocks whose finalize-block events
// match a CometBFT query (block_search), in order.
func (n *Node) BlockSearch(t testing.TB, query string) []int64 {
	t.Helper()
	var res struct {
		Blocks []struct {
			Block struct {
				Header struct {
					Height string `json:"height"`
				} `json:"header"`
			} `json:"block"`
		} `json:"blocks"`
	}
	if err := n.RPC("/block_search?query="+url.QueryEscape(strconv.Quote(query)), &res); err != nil {
		t.Fatal(err)
	}
	var heights []int64
	for _, b := range res.Blocks {
		h, err := strconv.ParseInt(b.Block.Header.Height, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		heights = append(heights, h)
	}
	return heights
}

// TxSearch runs CometBFT's tx_search and returns the matching transactions.
func (n *Node) TxSearch(t testing.TB, query string) []TxResult {
	t.Helper()
	var res struct {
		Txs []struct {
			Hash     string `json:"hash"`
			Height   string `json:"height"`
			TxResult struct {
				Code   uint32  `json:"code"`
				Events []Event `json:"events"`
			} `json:"tx_result"`
		} `json:"txs"`
	}
	if err := n.RPC("/tx_search?per_page=100&query="+url.QueryEscape(strconv.Quote(query)), &res); err != nil {
		t.Fatalf("tx_search %s: %v", query, err)
	}
	out := make([]TxResult, 0, len(res.Txs))
	for _, tx := range res.Txs {
		h, _ := strconv.ParseInt(tx.Height, 10, 64) // CometBFT always sends a number
		out = append(out, TxResult{Hash: tx.Hash, Height: h, Code: tx.TxResult.Code, Events: tx.TxResult.Events})
	}
	return out
}

// Address returns the account address of a key in the network's keyring.
func (net *Network) Address(t testing.TB, name string) string {
	t.Helper()
	return strings.TrimSpace(string(net.Exec(t, "keys", "show", name, "--address",
		"--home", net.KeyHome(), "--keyring-backend", "test")))
}

// AddKey creates a key in the network's keyring and returns its address.
func (net *Network) AddKey(t testing.TB, name string) string {
	t.Helper()
	net.Exec(t, "keys", "add", name, "--home", net.KeyHome(), "--keyring-backend", "test", "--output", "json")
	return net.Address(t, name)
}

// ConsensusKey is a fresh validator key, as a community would admit it.
type ConsensusKey struct {
	// PubKey is the proto JSON of the key ({"@type": ".../ed25519.PubKey", "key": ...}).
	PubKey json.RawMessage
	// HexAddress is CometBFT's address of the key (as /validators shows it).
	HexAddress string
	// Address is the bech32 consensus address (polityvalcons1...).
	Address string
}

// NewConsensusKey makes a fresh ed25519 validator key in a scratch home.
func (net *Network) NewConsensusKey(t testing.TB, name string) ConsensusKey {
	t.Helper()
	home := filepath.Join(net.Dir, "keys", name)
	net.Exec(t, "init", name, "--chain-id", net.ChainID, "--home", home)
	pub := net.Exec(t, "comet", "show-validator", "--home", home)
	addr := strings.TrimSpace(string(net.Exec(t, "comet", "show-address", "--home", home)))
	raw, err := os.ReadFile(filepath.Join(home, "config", "priv_validator_key.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pv struct {
		Address string `json:"address"`
	}
	if err := json.Unmarshal(raw, &pv); err != nil || pv.Address == "" {
		t.Fatalf("priv_validator_key.json of %s: %v", name, err)
	}
	if !json.Valid(pub) {
		t.Fatalf("comet show-validator printed %q", pub)
	}
	return ConsensusKey{PubKey: json.RawMessage(strings.TrimSpace(string(pub))), HexAddress: pv.Address, Address: addr}
}

// Motion is the part of a motion record the tests read.
type Motion struct {
	ID            string            `json:"id"`
	BodyID        string            `json:"body_id"`
	Title         string            `json:"title"`
	Status        string            `json:"status"`
	FailureReason string            `json:"failure_reason"`
	Tally         map[string]string `json:"tally"`
	SubmitHeight  string            `json:"submit_height"`
	DecidedHeight string            `json:"decided_height"`
	// ExecutedHeight is when EndBlock ran a passed motion's messages.
	ExecutedHeight string `json:"executed_height"`
}

// Motion statuses as the JSON APIs print them.
const (
	MotionVoting          = "MOTION_STATUS_VOTING"
	MotionPassed          = "MOTION_STATUS_PASSED"
	MotionRejected        = "MOTION_STATUS_REJECTED"
	MotionExecutionFailed = "MOTION_STATUS_EXECUTION_FAILED"
	// MotionQueued is a passed motion whose messages EndBlock has yet to run:
	// what the deciding vote's events report.
	MotionQueued = "MOTION_STATUS_QUEUED"
)

// writeJSON writes v into a new file in the network's directory.
func writeJSON(t testing.TB, net *Network, pattern string, v any) string {
	t.Helper()
	raw, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.CreateTemp(net.Dir, pattern)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(raw); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return f.Name()
}

// SubmitMotion opens a motion in body with the given messages (proto JSON
// with "@type"; the authority is left for the CLI to fill with the body's
// address) and returns its id, read from the motion_submitted event.
func (n *Node) SubmitMotion(t testing.TB, body, from, title string, msgs ...map[string]any) (uint64, TxResult) {
	t.Helper()
	file := writeJSON(t, n.net, "motion-*.json", map[string]any{"title": title, "summary": "e2e: " + title, "messages": msgs})
	res := n.MustTx(t, from, "community", "submit-motion", body, file)
	idStr, ok := res.Attr("polity.community", "motion_id", "action", "motion_submitted")
	if !ok {
		t.Fatalf("submit-motion tx %s has no polity.community motion_submitted event: %+v", res.Hash, res.Events)
	}
	id, err := strconv.ParseUint(idStr, 10, 64)
	if err != nil {
		t.Fatalf("motion_id %q: %v", idStr, err)
	}
	return id, res
}

// GeneratedMsg builds one message with the CLI as an operator would, signed
// by signer (a body's address): `polityd tx <args> --from <signer>
// --generate-only`, and returns it as proto JSON for a motion.
func (n *Node) GeneratedMsg(t testing.TB, signer string, args ...string) map[string]any {
	t.Helper()
	full := append([]string{"tx"}, args...)
	full = append(full, "--from", signer, "--generate-only", "--output", "json", "--chain-id", n.net.ChainID,
		"--node", n.NodeFlag(), "--home", n.net.KeyHome(), "--keyring-backend", "test")
	raw := n.net.Exec(t, full...)
	var tx struct {
		Body struct {
			Messages []map[string]any `json:"messages"`
		} `json:"body"`
	}
	if err := json.Unmarshal(raw, &tx); err != nil || len(tx.Body.Messages) != 1 {
		t.Fatalf("polityd %s printed %s (%v), want one message", strings.Join(full, " "), raw, err)
	}
	return tx.Body.Messages[0]
}

// Vote casts a vote on a motion and requires the transaction to succeed.
//
// A vote that passes the motion only queues it: its messages run in EndBlock
// of the same block. Their events are then that block's FinalizeBlock events,
// which are appended to the result so that callers find what the motion did
// (motions run in one block share them).
func (n *Node) Vote(t testing.TB, id uint64, from, option string) TxResult {
	t.Helper()
	res := n.MustTx(t, from, "community", "vote", itoa(id), option)
	// A vote that settles the motion leaves its decision, and a passed
	// motion's messages, to EndBlock of the same block: the vote's result
	// carries that block's events then.
	block := n.BlockEvents(t, res.Height)
	if _, ok := findAttr(block, "polity.community", "status", "action", "motion_decided", "motion_id", itoa(id)); ok {
		res.Events = append(res.Events, block...)
	}
	return res
}

// Motion reads a motion over REST.
func (n *Node) Motion(t testing.TB, id uint64) Motion {
	t.Helper()
	var res struct {
		Motion Motion `json:"motion"`
	}
	n.RESTJSON(t, "/polity/community/v1/motions/"+itoa(id), &res)
	return res.Motion
}

// Decide submits a motion from the first voter, has every voter vote yes,
// and returns the motion once it is no longer in voting, with the vote
// transaction that decided it.
func (n *Node) Decide(t testing.TB, body, title string, voters []string, msgs ...map[string]any) (Motion, TxResult) {
	t.Helper()
	if len(voters) == 0 {
		t.Fatal("Decide needs at least one voter")
	}
	id, _ := n.SubmitMotion(t, body, voters[0], title, msgs...)
	var last TxResult
	for _, v := range voters {
		last = n.Vote(t, id, v, "yes")
	}
	m := n.Motion(t, id)
	if m.Status == MotionVoting {
		t.Fatalf("motion %d (%s) is still in voting after every voter voted yes: %+v", id, title, m)
	}
	return m, last
}

// AgreeAt waits until each node has committed height h and requires them all
// to hold the same block and app hash there; it returns that block.
func AgreeAt(t testing.TB, h int64, nodes ...*Node) Block {
	t.Helper()
	var first Block
	for i, n := range nodes {
		n.WaitHeight(t, h, 60*time.Second)
		b, err := n.BlockAt(h)
		if err != nil {
			t.Fatalf("%s: block %d: %v", n.Moniker, h, err)
		}
		if b.Hash == "" || b.AppHash == "" {
			t.Fatalf("%s: block %d has no hash or app hash: %+v", n.Moniker, h, b)
		}
		if i == 0 {
			first = b
			continue
		}
		if b != first {
			t.Fatalf("at height %d %s has block %s app hash %s, but %s has block %s app hash %s",
				h, nodes[0].Moniker, first.Hash, first.AppHash, n.Moniker, b.Hash, b.AppHash)
		}
	}
	return first
}

// MaxHeight returns the highest latest height among the nodes.
func MaxHeight(t testing.TB, nodes ...*Node) int64 {
	t.Helper()
	var top int64
	for _, n := range nodes {
		h, err := n.Height()
		if err != nil {
			t.Fatalf("%s: %v", n.Moniker, err)
		}
		top = max(top, h)
	}
	return top
}
