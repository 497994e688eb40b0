package main

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
)

// rpcClient speaks CometBFT JSON-RPC to one node on 127.0.0.1.
type rpcClient struct {
	url string
	hc  *http.Client
}

func newRPC(port int) *rpcClient {
	return &rpcClient{
		url: fmt.Sprintf("http://127.0.0.1:%d", port),
		hc:  &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256, MaxConnsPerHost: 256}, Timeout: 60 * time.Second},
	}
}

// rpcError is an error answered by the node (not a transport failure).
type rpcError struct{ msg string }

func (e rpcError) Error() string { return e.msg }

func (c *rpcClient) call(method string, params any, out any) error {
	body, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": method, "params": params})
	if err != nil {
		return err
	}
	resp, err := c.hc.Post(c.url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var env struct {
		Result json.RawMessage `json:"result"`
		Error  *struct {
			Message string `json:"message"`
			Data    string `json:"data"`
		} `json:"error"`
	}
	if err := json.Unmarshal(raw, &env); err != nil {
		return fmt.Errorf("%s: %w: %.200s", method, err, raw)
	}
	if env.Error != nil {
		return rpcError{env.Error.Message + ": " + env.Error.Data}
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(env.Result, out)
}

// checkTxResult is broadcast_tx_sync's answer: CheckTx's code and log.
type checkTxResult struct {
	Code      uint32 `json:"code"`
	Codespace string `json:"codespace"`
	Log       string `json:"log"`
	Hash      string `json:"hash"`
}

func (c *rpcClient) broadcast(tx []byte) (checkTxResult, error) {
	var r checkTxResult
	err := c.call("broadcast_tx_sync", map[string]any{"tx": base64.StdEncoding.EncodeToString(tx)}, &r)
	return r, err
}

func (c *rpcClient) height() (int64, error) {
	var r struct {
		SyncInfo struct {
			Height string `json:"latest_block_height"`
		} `json:"sync_info"`
	}
	if err := c.call("status", map[string]any{}, &r); err != nil {
		return 0, err
	}
	return strconv.ParseInt(r.SyncInfo.Height, 10, 64)
}

// waitHeight polls until the node has committed block h.
func (c *rpcClient) waitHeight(h int64, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		got, err := c.height()
		if err == nil && got >= h {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("node did not reach height %d in %v (at %d, %v)", h, timeout, got, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func (c *rpcClient) headerTime(h int64) (time.Time, error) {
	var r struct {
		Header struct {
			Time time.Time `json:"time"`
		} `json:"header"`
	}
	err := c.call("header", map[string]any{"height": strconv.FormatInt(h, 10)}, &r)
	return r.Header.Time, err
}

// txOutcome is one committed transaction's result.
type txOutcome struct {
	Code    uint32      `json:"code"`
	Log     string      `json:"log"`
	GasUsed int64       `json:"gas_used,string"`
	Events  []abciEvent `json:"events"`
}

type abciEvent struct {
	Type       string      `json:"type"`
	Attributes []eventAttr `json:"attributes"`
}

type eventAttr struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// blockResults reads a committed block's transaction results; right after
// the block the node may not have stored them yet, so it retries briefly.
func (c *rpcClient) blockResults(h int64) ([]txOutcome, error) {
	var r struct {
		Txs []txOutcome `json:"txs_results"`
	}
	var err error
	for range 50 {
		if err = c.call("block_results", map[string]any{"height": strconv.FormatInt(h, 10)}, &r); err == nil {
			return r.Txs, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return nil, err
}

func (c *rpcClient) mempoolSize() (int, error) {
	var r struct {
		N string `json:"n_txs"`
	}
	if err := c.call("num_unconfirmed_txs", map[string]any{}, &r); err != nil {
		return 0, err
	}
	return strconv.Atoi(r.N)
}

// protoMsg is a request or response of a gRPC query, in gogoproto form.
type protoMsg interface {
	Marshal() ([]byte, error)
	Unmarshal([]byte) error
}

// abciQuery runs a gRPC query method over abci_query and decodes its answer.
func (c *rpcClient) abciQuery(path string, req, res protoMsg) error {
	bz, err := req.Marshal()
	if err != nil {
		return err
	}
	var r struct {
		Response struct {
			Code  uint32 `json:"code"`
			Log   string `json:"log"`
			Value []byte `json:"value"`
		} `json:"response"`
	}
	if err := c.call("abci_query", map[string]any{"path": path, "data": hex.EncodeToString(bz)}, &r); err != nil {
		return err
	}
	if r.Response.Code != 0 {
		return fmt.Errorf("%s: %s", path, r.Response.Log)
	}
	return res.Unmarshal(r.Response.Value)
}

// account reads an account's number and sequence over abci_query.
func (c *rpcClient) account(addr string) (num, seq uint64, err error) {
	var res authtypes.QueryAccountResponse
	if err := c.abciQuery("/cosmos.auth.v1beta1.Query/Account", &authtypes.QueryAccountRequest{Address: addr}, &res); err != nil {
		return 0, 0, fmt.Errorf("account %s: %w", addr, err)
	}
	if res.Account == nil {
		return 0, 0, fmt.Errorf("account %s: none", addr)
	}
	var acc authtypes.BaseAccount
	if err := acc.Unmarshal(res.Account.Value); err != nil {
		return 0, 0, fmt.Errorf("account %s is a %s: %w", addr, res.Account.TypeUrl, err)
	}
	return acc.AccountNumber, acc.Sequence, nil
}

// simulate runs a signed transaction through the node's Simulate (over
// abci_query, served once the node's gRPC server is on) and returns the gas
// it used, as a wallet's "auto" gas does.
func (c *rpcClient) simulate(tx []byte) (uint64, error) {
	var res txtypes.SimulateResponse
	if err := c.abciQuery("/cosmos.tx.v1beta1.Service/Simulate", &txtypes.SimulateRequest{TxBytes: tx}, &res); err != nil {
		return 0, err
	}
	if res.GasInfo == nil {
		return 0, fmt.Errorf("simulate: no gas info")
	}
	return res.GasInfo.GasUsed, nil
}
