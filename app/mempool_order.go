package app

import (
	"sync/atomic"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
)

// A sender's transactions must be checked in sequence order. CometBFT's own
// mempool checked RPC transactions one at a time in arrival order; in
// app-mempool mode it runs each CheckTx in a goroutine of its own, so two
// transactions a client sends back to back (broadcast_tx_async, or sync
// calls in parallel) can reach the application in either order, and the
// later one would be refused for its sequence. So a transaction whose
// sequence is ahead of its sender's by a little waits, for a moment, for the
// ones before it: a client may keep several transactions in flight, as a
// director voting on many resolutions does.
//
// Waiting is bounded so that it cannot be used to hold the node's
// resources: only a transaction whose signature is already verified waits
// (a forger cannot make a member's transaction wait, or fail one that does),
// at most maxSequenceGap ahead of its sender, for at most sequenceWait, and
// at most maxSequenceWaiters at once across all senders; past that a
// transaction is refused for its sequence at once, as before.
const (
	maxSequenceGap     = 32
	maxSequenceWaiters = 1_000
)

// senderSeq names the place a transaction waits for: its sender and
// sequence.
type senderSeq struct {
	signer string
	seq    uint64
}

// seqWaiter is a transaction waiting for its sender's previous one. wake is
// closed when that one is admitted or refused, or a block changes the
// state; refused says the previous one was refused, so this one cannot
// follow it either.
type seqWaiter struct {
	wake    chan struct{}
	refused bool
}

// sequenceWaits are the waiting transactions. They belong to the lane: only
// code holding the lane lock reads or changes them.
// Their count and the total that ever waited are atomics, for the metrics.
type sequenceWaits struct {
	m       map[senderSeq]*seqWaiter
	waiting atomic.Int64
	total   atomic.Uint64
}

// add registers a waiter at key, or returns nil when there is no room or a
// transaction already waits there.
func (w *sequenceWaits) add(key senderSeq) *seqWaiter {
	if w.m == nil {
		w.m = make(map[senderSeq]*seqWaiter)
	}
	if _, taken := w.m[key]; taken || len(w.m) >= maxSequenceWaiters {
		return nil
	}
	waiter := &seqWaiter{wake: make(chan struct{})}
	w.m[key] = waiter
	w.waiting.Add(1)
	w.total.Add(1)
	return waiter
}

// forget removes waiter, if it still waits at key.
func (w *sequenceWaits) forget(key senderSeq, waiter *seqWaiter) {
	if w.m[key] == waiter {
		delete(w.m, key)
		w.waiting.Add(-1)
	}
}

// next wakes the transaction waiting for the one at key, telling it whether
// that one was refused.
func (w *sequenceWaits) next(key senderSeq, refused bool) {
	if len(w.m) == 0 {
		return
	}
	key.seq++
	if waiter, ok := w.m[key]; ok {
		waiter.refused = refused
		close(waiter.wake)
		delete(w.m, key)
		w.waiting.Add(-1)
	}
}

// wakeAll wakes every waiter to look again (a block moved the sequences).
// Their number is bounded by maxSequenceWaiters.
func (w *sequenceWaits) wakeAll() {
	for key, waiter := range w.m { // order does not matter: each only closes a channel
		close(waiter.wake)
		delete(w.m, key)
	}
	w.waiting.Store(0)
}

// orderOf is the sender and sequence of a transaction with one signer (the
// only kind that waits), or false.
func orderOf(tx sdk.Tx) (senderSeq, bool) {
	sigTx, ok := tx.(authsigning.Tx)
	if !ok {
		return senderSeq{}, false
	}
	if utx, ok := tx.(sdk.TxWithUnordered); ok && utx.GetUnordered() {
		return senderSeq{}, false
	}
	signers, err := sigTx.GetSigners()
	if err != nil || len(signers) != 1 {
		return senderSeq{}, false
	}
	sigs, err := sigTx.GetSignaturesV2()
	if err != nil || len(sigs) != 1 {
		return senderSeq{}, false
	}
	return senderSeq{signer: string(signers[0]), seq: sigs[0].Sequence}, true
}

// senderHints remember, per sender, what the lane last settled: the
// sequence after its last admitted transaction (next) and the sequence of a
// transaction refused at its sender's own sequence (refused). They only
// spare work, and a wrong hint costs one account read: a hint that a
// transaction is ahead is confirmed against the check state before it
// waits. They belong to the lane, are cleared after every block (the
// recheck rebuilds the check state) and bounded by maxSequenceWaiters'
// order of size.
type senderHints struct {
	next    map[string]uint64
	refused map[string]uint64
}

// senderHintsSize bounds the senders remembered between blocks.
const senderHintsSize = 100_000

type place int

const (
	placeUnknown place = iota // run the ante chain: it decides
	placeAhead                // ahead of its sender, within reach: wait
	placeOrphan               // the transaction at its sender's sequence was refused: do not wait
)

// placeOf places key in its sender's queue. Most transactions arrive in
// order and find no hint saying otherwise; one that arrives ahead of its
// predecessor waits without running the ante chain, which would only fail
// on its sequence after the chain's other checks (a Board vote's outcome
// check among them). A transaction that waited already (waited) is known
// to have been ahead, so its sender's sequence is read whatever the hints
// say: after a block, which clears them and wakes every waiter, a waiter
// whose predecessor is still to come waits again for one account read,
// not a run of the ante chain.
func (h *senderHints) placeOf(app *App, key senderSeq, waited bool) place {
	if seq, ok := h.refused[key.signer]; ok && key.seq > seq && app.senderSequence(key) == seq {
		return placeOrphan
	}
	if next, ok := h.next[key.signer]; (waited || ok && key.seq > next) && app.aheadOfSender(key) {
		return placeAhead
	}
	return placeUnknown
}

// settled records the outcome of key's check: admitted, or refused for its
// sequence (which says nothing of the sender's queue), or refused otherwise.
func (h *senderHints) settled(key senderSeq, admitted, wrongSequence bool) {
	switch {
	case admitted:
		h.next = setHint(h.next, key.signer, key.seq+1)
		delete(h.refused, key.signer)
	case !wrongSequence:
		h.refused = setHint(h.refused, key.signer, key.seq)
	}
}

func setHint(m map[string]uint64, signer string, seq uint64) map[string]uint64 {
	if m == nil || len(m) >= senderHintsSize {
		m = make(map[string]uint64)
	}
	m[signer] = seq
	return m
}

// reset forgets the hints (a block was committed).
func (h *senderHints) reset() {
	clear(h.next)
	clear(h.refused)
}

// isWrongSequence reports a CheckTx refusal for the account sequence.
func isWrongSequence(codespace string, code uint32) bool {
	return codespace == sdkerrors.ErrWrongSequence.Codespace() && code == sdkerrors.ErrWrongSequence.ABCICode()
}

// aheadOfSender reports whether key's sequence is ahead of its sender's in
// the check state, by at most maxSequenceGap. The caller holds the lane.
func (app *App) aheadOfSender(key senderSeq) bool {
	have := app.senderSequence(key)
	return key.seq > have && key.seq-have <= maxSequenceGap
}

// senderSequence is key's sender's sequence in the check state (the
// largest, when it has no account: nothing is ahead of it). The caller holds
// the lane.
func (app *App) senderSequence(key senderSeq) uint64 {
	acc := app.AccountKeeper.GetAccount(app.NewContext(true), sdk.AccAddress(key.signer))
	if acc == nil {
		return ^uint64(0)
	}
	return acc.GetSequence()
}

// AppMempoolWaits is how many transactions wait now for their sender's
// earlier ones, and how many ever waited (0 when the app-side mempool is
// off): the polity_mempool_waiting and polity_mempool_sequence_waits_total
// metrics.
func (app *App) AppMempoolWaits() (waiting int64, total uint64) {
	if app.txPool == nil {
		return 0, 0
	}
	return app.txPool.waits.waiting.Load(), app.txPool.waits.total.Load()
}
