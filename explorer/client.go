package explorer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// nodeClient reads a node's REST gateway and CometBFT RPC.
type nodeClient struct {
	rest string // e.g. http://127.0.0.1:1317
	rpc  string // e.g. http://127.0.0.1:26657
	http *http.Client
}

// nodeError is a failed read: Unreachable when no answer came at all.
type nodeError struct {
	URL         string
	Status      int
	Message     string
	Unreachable bool
}

func (e *nodeError) Error() string {
	if e.Unreachable {
		return fmt.Sprintf("the node is unreachable (%s): %s", e.URL, e.Message)
	}
	return fmt.Sprintf("%s answered %d: %s", e.URL, e.Status, e.Message)
}

// NotFound reports whether the node said the record does not exist.
func (e *nodeError) NotFound() bool {
	return e.Status == http.StatusNotFound || strings.Contains(strings.ToLower(e.Message), "not found")
}

func newNodeClient(rest, rpc string) *nodeClient {
	return &nodeClient{
		rest: strings.TrimRight(rest, "/"),
		rpc:  strings.TrimRight(normalizeRPC(rpc), "/"),
		http: &http.Client{Timeout: 10 * time.Second},
	}
}

// normalizeRPC accepts CometBFT's tcp:// form for the RPC address.
func normalizeRPC(rpc string) string {
	if strings.HasPrefix(rpc, "tcp://") {
		return "http://" + strings.TrimPrefix(rpc, "tcp://")
	}
	return rpc
}

// REST reads a gateway route into a generic JSON value.
func (c *nodeClient) REST(ctx context.Context, path string, query url.Values) (map[string]any, error) {
	u := c.rest + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	var out map[string]any
	if err := c.get(ctx, u, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// RPC reads a CometBFT RPC method and returns its "result".
func (c *nodeClient) RPC(ctx context.Context, method string, query url.Values) (map[string]any, error) {
	u := c.rpc + "/" + method
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	var out struct {
		Result map[string]any `json:"result"`
		Error  *struct {
			Message string `json:"message"`
			Data    string `json:"data"`
		} `json:"error"`
	}
	if err := c.get(ctx, u, &out); err != nil {
		return nil, err
	}
	if out.Error != nil {
		return nil, &nodeError{URL: u, Status: http.StatusBadGateway, Message: strings.TrimSpace(out.Error.Message + " " + out.Error.Data)}
	}
	return out.Result, nil
}

func (c *nodeClient) get(ctx context.Context, u string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return &nodeError{URL: u, Message: err.Error(), Unreachable: true}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return &nodeError{URL: u, Message: err.Error(), Unreachable: true}
	}
	if resp.StatusCode != http.StatusOK {
		var gw struct {
			Message string `json:"message"`
		}
		msg := strings.TrimSpace(string(body))
		if json.Unmarshal(body, &gw) == nil && gw.Message != "" {
			msg = gw.Message
		}
		return &nodeError{URL: u, Status: resp.StatusCode, Message: msg}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(out); err != nil {
		return &nodeError{URL: u, Status: resp.StatusCode, Message: "not JSON: " + err.Error()}
	}
	return nil
}

// asNodeError unwraps a nodeError.
func asNodeError(err error) (*nodeError, bool) {
	var ne *nodeError
	ok := errors.As(err, &ne)
	return ne, ok
}

// pageLimit is the largest list page a Polity node serves (queryutil.MaxPageLimit);
// lists beyond it show their first page (the proposal list pages on).
const (
	pageLimit   = "200"
	maxPageSize = 200
)
