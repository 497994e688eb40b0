package main

import (
	"sync"
	"time"
)

// maxPipeline is the most transactions one sender keeps in flight: well
// within the 32 by which Polity's app-side mempool lets a transaction run
// ahead of its sender's earlier ones and wait for them.
const maxPipeline = 16

// keepsSenderOrder reports whether the node checks a sender's transactions
// in sequence order however they arrive: Polity's app-side mempool (what
// polityd init writes) waits for a sender's earlier transactions; CometBFT's
// mempool refuses a transaction that arrives before them.
func (n *node) keepsSenderOrder() bool {
	return n.name == "polity" && n.mempool != "flood"
}

// broadcastPipelined gives each sender depth transactions in flight at once
// until deadline, as a client with many votes to cast would (the Board's
// few directors voting on many resolutions), rather than waiting for each
// answer before sending the next. Each sender sends its transactions in
// batches of depth, all at once, and reads the answers in sequence order:
// after a refusal its later transactions come back refused for their
// sequence, and are sent again one sequence lower.
func broadcastPipelined(n *node, s *signed, st *sendStats, depth int, deadline time.Time, pace *pacer) {
	var wg sync.WaitGroup
	for i := range s.senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			next, dropped := 0, 0
			for next < s.perTx && time.Now().Before(deadline) {
				batch := min(depth, s.perTx-next)
				if s.senders[i].seq+uint64(next-dropped) == 0 {
					// An account's first transaction goes alone: the node
					// learns its key from it, and waits only for a
					// transaction whose signature it could check first.
					batch = 1
				}
				results := make([]checkTxResult, batch)
				errs := make([]error, batch)
				var sent sync.WaitGroup
				for b := range batch {
					tx, err := s.txAt(i, next+b, dropped, st)
					if err != nil {
						return
					}
					pace.wait()
					sent.Add(1)
					go func() {
						defer sent.Done()
						results[b], errs[b] = n.rpc.broadcast(tx)
					}()
				}
				sent.Wait()
			answers:
				for b := range batch {
					a, wait := classify(st, results[b], errs[b])
					switch a {
					case answerFull, answerTransport:
						time.Sleep(wait)
						break answers
					case answerSeen, answerAccepted:
						next++
					case answerDead:
						return
					case answerSequence:
						// Past the batch's first, the node's "expected" may be
						// stale (an earlier one of the batch was admitted after
						// this one was checked): send it again as it is, one
						// lower per refusal before it. At the first nothing of
						// the sender was in flight, and the node says where it
						// stands (the recheck dropped earlier ones).
						if b == 0 {
							var ok bool
							if dropped, ok = s.resequence(st, results[b], i, next); !ok {
								return
							}
						}
						break answers // the rest follow this one
					case answerRefused:
						dropped++
						next++
					}
				}
			}
		}()
	}
	wg.Wait()
}
