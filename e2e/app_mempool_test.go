package e2e

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestAppMempool runs four validators (no community may hold a third of the
// power), three with Polity's app-side mempool (config.toml mempool.type =
// "app", polityd init's default, docs/operator-guide.md) and one with
// CometBFT's own: in the first, CometBFT keeps no transactions and calls
// CheckTx outside its lock, and the application admits, gossips, proposes,
// forgets and rechecks them (app/mempool.go). Transactions cross between the
// two kinds of node both ways.
func TestAppMempool(t *testing.T) {
	net := NewNetwork(t, Options{Validators: []ValidatorSpec{
		{Community: "ops"}, {Community: "dev"}, {Community: "fin"}, {Community: "users", Mempool: "flood"},
	}, Mempool: "app", TimeoutCommit: time.Second})
	n0, flood := net.Nodes[0], net.Nodes[3]

	validators := map[string]bool{}
	for _, n := range net.Nodes {
		validators[validatorAddress(t, n)] = true
	}
	// gossiped sends from one node until a block proposed by a node of the
	// other kind holds one: that proposer had it from the sender's gossip.
	// Each try follows the previous one's block, so the tries could land a
	// fixed number of blocks apart and lock onto the same proposers; waiting
	// 0-3 extra blocks after a miss moves the next try through every
	// proposer's turn. The 1s blocks let a relayed transaction reach every
	// node before the next proposal even on a loaded machine.
	gossiped := func(t *testing.T, from *Node, proposed func(proposer string) bool) {
		to := net.Address(t, "fin-chair")
		for k := range 30 {
			res := from.MustTx(t, "dev-chair", "bank", "send", "dev-chair", to, "1upolity")
			proposer := proposerAt(t, from, res.Height) // the node that reported the height has the block
			if !validators[proposer] {
				t.Fatalf("block %d's proposer %q is none of the validators %v", res.Height, proposer, validators)
			}
			if proposed(proposer) {
				return
			}
			from.WaitHeight(t, res.Height+int64(k%4), 30*time.Second)
		}
		t.Fatalf("no transaction sent to %s was proposed by a node of the other kind", from.Moniker)
	}
	floodAddr := validatorAddress(t, flood)

	t.Run("from CometBFT's mempool to an app mempool's proposer", func(t *testing.T) {
		gossiped(t, flood, func(p string) bool { return p != floodAddr })
	})

	t.Run("from an app mempool to CometBFT's mempool's proposer", func(t *testing.T) {
		gossiped(t, n0, func(p string) bool { return p == floodAddr })
	})

	t.Run("the metrics show the app-side mempool", func(t *testing.T) {
		for _, name := range []string{"polity_mempool_txs", "polity_mempool_bytes", "polity_mempool_waiting", "polity_mempool_sequence_waits_total"} {
			if v := metricValue(t, n0, name); v < 0 {
				t.Errorf("%s = %v", name, v)
			}
		}
	})

	t.Run("CheckTx refuses with its code and nothing reaches a block", func(t *testing.T) {
		res := n0.broadcast(t, "outsider", "bank", "send", "outsider", net.Address(t, "fin-chair"), "1upolity", "--fees", "5000upolity")
		if res.Code == 0 {
			t.Fatal("an outsider's send was admitted")
		}
		h := n0.WaitHeight(t, MaxHeight(t, n0)+2, 30*time.Second)
		var tx struct {
			Height string `json:"height"`
		}
		if err := n0.RPC("/tx?hash=0x"+res.Hash, &tx); err == nil {
			t.Fatalf("the refused transaction is in block %s (now %d)", tx.Height, h)
		}
	})

	t.Run("concurrent senders are all checked outside CometBFT's lock and committed", func(t *testing.T) {
		to := net.Address(t, "fin-chair")
		txs := map[string][]string{}
		for _, from := range []string{"ops-chair", "ops-member", "dev-member", "fin-member", "users-chair", "users-member"} {
			txs[from] = []string{"bank", "send", from, to, "1upolity"}
		}
		broadcastAll(t, n0, txs) // each must pass CheckTx and succeed in a block
	})

	t.Run("one sender's transactions sent at once, last first, are admitted in sequence order", func(t *testing.T) {
		from, to := "users-chair", net.Address(t, "fin-chair")
		var acc struct {
			Account struct {
				AccountNumber string `json:"account_number"`
				Sequence      string `json:"sequence"`
			} `json:"account"`
		}
		n0.RESTJSON(t, "/cosmos/auth/v1beta1/accounts/"+net.Address(t, from), &acc)
		seq, err := strconv.ParseUint(acc.Account.Sequence, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		const inFlight = 4
		txs := make([][]byte, inFlight)
		for k := range txs {
			txs[k] = presignTxWith(t, n0, from, []string{"--offline", "--account-number", acc.Account.AccountNumber,
				"--sequence", strconv.FormatUint(seq+uint64(k), 10)}, "bank", "send", from, to, "1upolity")
		}
		results := make([]TxResult, inFlight)
		var wg sync.WaitGroup
		send := func(k int) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[k] = broadcastPresigned(t, n0, txs[k])
			}()
		}
		for k := inFlight - 1; k > 0; k-- { // the later ones first: they wait for the first
			send(k)
		}
		deadline := time.Now().Add(10 * time.Second)
		for metricValue(t, n0, "polity_mempool_waiting") < 1 {
			if time.Now().After(deadline) {
				t.Fatal("no transaction waits for its predecessor")
			}
			time.Sleep(20 * time.Millisecond)
		}
		send(0)
		wg.Wait()
		if metricValue(t, n0, "polity_mempool_sequence_waits_total") < 1 {
			t.Fatal("polity_mempool_sequence_waits_total counts no wait")
		}
		for k, r := range results {
			if r.Code != 0 {
				t.Fatalf("transaction at sequence %d: code %d (%s): %s", seq+uint64(k), r.Code, r.Codespace, r.Log)
			}
			if k > 0 && r.Height < results[k-1].Height {
				t.Fatalf("sequence %d committed at %d, before its predecessor at %d", seq+uint64(k), r.Height, results[k-1].Height)
			}
		}
	})
}

// metricValue is the value of an unlabelled metric n exports.
func metricValue(t *testing.T, n *Node, name string) float64 {
	t.Helper()
	body, err := httpGet(fmt.Sprintf("http://127.0.0.1:%d/metrics", n.Ports.Prometheus))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(body, "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			return f
		}
	}
	t.Fatalf("metrics lack %s", name)
	return 0
}

// validatorAddress is n's consensus address, as block headers give it.
func validatorAddress(t *testing.T, n *Node) string {
	t.Helper()
	var st struct {
		ValidatorInfo struct {
			Address string `json:"address"`
		} `json:"validator_info"`
	}
	if err := n.RPC("/status", &st); err != nil {
		t.Fatal(err)
	}
	return st.ValidatorInfo.Address
}

// proposerAt is the proposer of block h.
func proposerAt(t *testing.T, n *Node, h int64) string {
	t.Helper()
	var b struct {
		Block struct {
			Header struct {
				Proposer string `json:"proposer_address"`
			} `json:"header"`
		} `json:"block"`
	}
	if err := n.RPC("/block?height="+strconv.FormatInt(h, 10), &b); err != nil {
		t.Fatal(err)
	}
	return b.Block.Header.Proposer
}
