package main

import (
	"fmt"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// plan is one load: each sender's messages in order, signed offline before
// the load starts.
type plan struct {
	senders []*sender
	perTx   int                    // transactions per sender
	msg     func(i, k int) sdk.Msg // sender i's k-th message
	fee     func(i int) sdk.Coins  // sender i's fee per transaction
}

// signed holds each sender's pre-signed transactions.
type signed struct {
	plan
	chainID string
	gas     uint64 // what each transaction declares
	txs     [][][]byte
}

// presign refreshes each sender's account number and sequence from the node,
// then signs every transaction on all cores.
func presign(n *node, p plan) (*signed, time.Duration, error) {
	if err := forEach(len(p.senders), 16, func(i int) error {
		var err error
		s := p.senders[i]
		s.accNum, s.seq, err = n.rpc.account(s.addr)
		return err
	}); err != nil {
		return nil, 0, err
	}
	gas := gasLimit
	if gas == 0 {
		var err error
		if gas, err = simulatedGas(n, p); err != nil {
			return nil, 0, err
		}
	}
	start := time.Now()
	out := &signed{plan: p, chainID: n.chainID, gas: gas, txs: make([][][]byte, len(p.senders))}
	err := forEach(len(p.senders), runtime.NumCPU(), func(i int) error {
		out.txs[i] = make([][]byte, p.perTx)
		for k := range out.txs[i] {
			tx, err := sign(n.chainID, p.senders[i], p.senders[i].seq+uint64(k), gas, p.fee(i), p.msg(i, k))
			if err != nil {
				return err
			}
			out.txs[i][k] = tx
		}
		return nil
	})
	return out, time.Since(start), err
}

// simulatedGas is gasMargin times the most gas the node's simulation gives
// for the first transaction of gasSample senders spread over the plan.
func simulatedGas(n *node, p plan) (uint64, error) {
	var most uint64
	step := max(1, len(p.senders)/gasSample)
	for i := 0; i < len(p.senders); i += step {
		tx, err := sign(n.chainID, p.senders[i], p.senders[i].seq, setupGasLimit, p.fee(i), p.msg(i, 0))
		if err != nil {
			return 0, err
		}
		used, err := n.rpc.simulate(tx)
		if err != nil {
			return 0, fmt.Errorf("sender %d: %w", i, err)
		}
		most = max(most, used)
	}
	return uint64(math.Ceil(float64(most) * gasMargin)), nil
}

// forEach runs f(0..n-1) on w goroutines and returns the first error.
func forEach(n, w int, f func(i int) error) error {
	var next atomic.Int64
	var first error
	var once sync.Once
	var wg sync.WaitGroup
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := f(i); err != nil {
					once.Do(func() { first = err })
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}

// sendStats counts what the node answered during the load.
type sendStats struct {
	accepted, refused, mempoolFull, resigned, resequenced atomic.Int64
	// outOfOrder counts answers refusing a transaction for its sequence,
	// which the generator sends again: CheckTx work that admits nothing.
	outOfOrder atomic.Int64
	mu         sync.Mutex
	refusals   map[string]int
}

func (s *sendStats) refuse(kind string) {
	s.refused.Add(1)
	s.mu.Lock()
	s.refusals[kind]++
	s.mu.Unlock()
}

// topRefusals lists the commonest CheckTx refusals.
func (s *sendStats) topRefusals(n int) []string {
	type kv struct {
		k string
		v int
	}
	var all []kv
	for k, v := range s.refusals {
		all = append(all, kv{k, v})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v })
	var out []string
	for i := 0; i < len(all) && i < n; i++ {
		out = append(out, fmt.Sprintf("%d× %s", all[i].v, all[i].k))
	}
	return out
}

// answer is what one broadcast came to.
type answer int

const (
	answerAccepted  answer = iota // CheckTx admitted it
	answerSeen                    // the node had it already: counted as sent
	answerFull                    // the mempool is full: wait (retryAfter) and send it again
	answerTransport               // no answer: send it again
	answerDead                    // the RPC server refused the request: the sender stops
	answerSequence                // refused for its sequence (want: what the node expects)
	answerRefused                 // refused by CheckTx: the message is dropped
)

// classify reads a broadcast's result, counting what it must in st.
func classify(st *sendStats, res checkTxResult, err error) (a answer, retryAfter time.Duration) {
	switch {
	case err != nil && strings.Contains(err.Error(), "mempool is full"):
		st.mempoolFull.Add(1)
		return answerFull, 20 * time.Millisecond
	case res.Codespace == "sdk" && res.Code == 20:
		// Polity's app-side mempool is full: CometBFT remembers the refused
		// tx for a moment (check_tx_retry_delay), so wait that out before
		// sending it again.
		st.mempoolFull.Add(1)
		return answerFull, 600 * time.Millisecond
	case err != nil && (strings.Contains(err.Error(), "already exists in cache") || strings.Contains(err.Error(), "tx already seen")):
		return answerSeen, 0
	case err != nil:
		if _, answered := err.(rpcError); answered {
			st.refuse(trim(err.Error()))
			return answerDead, 0
		}
		return answerTransport, 20 * time.Millisecond
	case res.Code == 0:
		st.accepted.Add(1)
		return answerAccepted, 0
	case res.Codespace == "sdk" && res.Code == 32:
		st.outOfOrder.Add(1)
		return answerSequence, 0
	default:
		st.refuse(fmt.Sprintf("%s/%d: %s", res.Codespace, res.Code, trim(firstClause(res.Log))))
		return answerRefused, 0
	}
}

// resequence handles a refusal for the sequence of sender i's k-th
// message: an earlier one was dropped (refused, or dropped by the recheck
// when a block decided its motion), so go on from the sequence the node
// wants. It returns the new count of dropped messages before k, or false
// when the node wants a sequence past k's own, which the generator cannot
// reach.
func (s *signed) resequence(st *sendStats, res checkTxResult, i, k int) (dropped int, ok bool) {
	want, ok := expectedSeq(res.Log)
	own := s.seqAt(i, k, 0)
	if !ok || want > own {
		st.refuse("sdk/32: " + trim(res.Log))
		return 0, false
	}
	st.resequenced.Add(1)
	return int(own - want), true
}

// broadcast sends the signed transactions from w workers for d. A node that
// keeps each sender's transactions in order, with fewer senders than
// workers, gets several in flight per sender (broadcastPipelined); otherwise
// each worker cycles over its own senders, one transaction per sender at a
// time in sequence order. A full mempool is waited out and the same
// transaction sent again. A refusal in CheckTx drops that message; the
// sender's later transactions are then signed on the fly one sequence lower,
// so a refused vote does not stall its sender (the refused count says how
// often). A positive rate caps the broadcasts per second (pacer).
func broadcast(n *node, s *signed, w int, d time.Duration, rate int) *sendStats {
	st := &sendStats{refusals: map[string]int{}}
	deadline := time.Now().Add(d)
	pace := newPacer(rate)
	if depth := min(w/len(s.senders), maxPipeline); depth >= 2 && n.keepsSenderOrder() {
		broadcastPipelined(n, s, st, depth, deadline, pace)
		return st
	}
	var wg sync.WaitGroup
	for worker := range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []int
			for i := worker; i < len(s.senders); i += w {
				mine = append(mine, i)
			}
			next := make([]int, len(mine))
			dropped := make([]int, len(mine))
			dead := make([]bool, len(mine))
			for time.Now().Before(deadline) {
				progressed := false
				for j, i := range mine {
					if dead[j] || next[j] >= s.perTx || !time.Now().Before(deadline) {
						continue
					}
					progressed = true
					tx, err := s.txAt(i, next[j], dropped[j], st)
					if err != nil {
						dead[j] = true
						continue
					}
					pace.wait()
					res, err := n.rpc.broadcast(tx)
					a, wait := classify(st, res, err)
					switch a {
					case answerFull, answerTransport:
						time.Sleep(wait)
					case answerSeen, answerAccepted:
						next[j]++
					case answerDead:
						dead[j] = true
					case answerSequence:
						var ok bool
						dropped[j], ok = s.resequence(st, res, i, next[j])
						dead[j] = !ok
					case answerRefused:
						dropped[j]++
						next[j]++
					}
				}
				if !progressed {
					return
				}
			}
		}()
	}
	wg.Wait()
	return st
}

// seqAt is the sequence sender i's k-th message is signed at, dropped
// messages before it.
func (s *signed) seqAt(i, k, dropped int) uint64 {
	return s.senders[i].seq + uint64(k-dropped)
}

// txAt is sender i's k-th transaction: pre-signed, or signed now one
// sequence lower per dropped message before it.
func (s *signed) txAt(i, k, dropped int, st *sendStats) ([]byte, error) {
	if dropped == 0 {
		return s.txs[i][k], nil
	}
	st.resigned.Add(1)
	return sign(s.chainID, s.senders[i], s.seqAt(i, k, dropped), s.gas, s.fee(i), s.msg(i, k))
}

// expectedSeq reads the sequence the node wants from its mismatch error.
func expectedSeq(log string) (uint64, bool) {
	var want, got uint64
	i := strings.Index(log, "expected ")
	if i < 0 {
		return 0, false
	}
	if _, err := fmt.Sscanf(log[i:], "expected %d, got %d", &want, &got); err != nil {
		return 0, false
	}
	return want, true
}

func trim(s string) string {
	if len(s) > 100 {
		return s[:100]
	}
	return s
}

// firstClause keeps the stable part of an error log (before the first ':'
// detail that names ids and addresses), so refusals group by kind.
func firstClause(s string) string {
	if i := strings.LastIndex(s, ": "); i > 0 {
		return s[i+2:]
	}
	return s
}
