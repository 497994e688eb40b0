// Package txpool is the node's app-side mempool: the transactions CheckTx
// admitted, in arrival order, waiting for a block.
//
// With CometBFT's `mempool.type = "app"`, CometBFT keeps no transactions of
// its own and calls CheckTx without its global ABCI lock. The application
// then admits transactions (CheckTx), hands new ones to the gossip reactor
// (ReapTxs), builds blocks from them (PrepareProposal), forgets those a block
// included and rechecks the rest after each Commit. The pool is node-local
// and never part of consensus: its map is only looked up by key, and every
// listing follows the arrival order.
package txpool

import (
	"container/list"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"sync"
)

// ErrFull is returned by Add when the pool holds its maximum count or bytes.
var ErrFull = errors.New("mempool is full")

// Key identifies a transaction by the SHA-256 of its bytes, as CometBFT does.
type Key [sha256.Size]byte

// KeyOf is the key of tx.
func KeyOf(tx []byte) Key { return sha256.Sum256(tx) }

type entry struct {
	key      Key
	tx       []byte
	gas      int64
	gossiped bool
}

// Pool is safe for concurrent use.
type Pool struct {
	mu       sync.Mutex
	maxTxs   int
	maxBytes int64
	bytes    int64
	order    *list.List // of *entry, oldest first
	byKey    map[Key]*list.Element
}

// New returns an empty pool holding at most maxTxs transactions and maxBytes
// bytes (a limit of 0 or less means none).
func New(maxTxs int, maxBytes int64) *Pool {
	return &Pool{maxTxs: maxTxs, maxBytes: maxBytes, order: list.New(), byKey: make(map[Key]*list.Element)}
}

// Room reports ErrFull when a transaction of size bytes would not fit.
func (p *Pool) Room(size int) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.room(size)
}

func (p *Pool) room(size int) error {
	if p.maxTxs > 0 && p.order.Len() >= p.maxTxs {
		return ErrFull
	}
	if p.maxBytes > 0 && p.bytes+int64(size) > p.maxBytes {
		return ErrFull
	}
	return nil
}

// Add appends tx, which declared gas. A transaction already held is left
// where it is.
func (p *Pool) Add(tx []byte, gas int64) error {
	key := KeyOf(tx)
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.byKey[key]; ok {
		return nil
	}
	if err := p.room(len(tx)); err != nil {
		return err
	}
	p.byKey[key] = p.order.PushBack(&entry{key: key, tx: tx, gas: gas})
	p.bytes += int64(len(tx))
	return nil
}

// Has reports whether tx is held.
func (p *Pool) Has(tx []byte) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, ok := p.byKey[KeyOf(tx)]
	return ok
}

// Len is the number of transactions held.
func (p *Pool) Len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.order.Len()
}

// Bytes is the size of the transactions held.
func (p *Pool) Bytes() int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.bytes
}

// Reap returns the oldest transactions whose total size (as a block's
// protobuf encoding counts it) and declared gas stay within maxBytes and
// maxGas (-1 or 0: no limit). It stops at the first that does not fit rather
// than skipping it, so a sender's later transaction never goes ahead of an
// earlier one. A transaction no block could hold on its own (larger than
// maxBytes, or declaring more than maxGas: the limits may have been lowered
// since CheckTx admitted it) is dropped instead: left at the head, it would
// keep every transaction behind it out of every block. It reports how many
// it dropped.
func (p *Pool) Reap(maxBytes, maxGas int64) (txs [][]byte, dropped int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var bytes, gas int64
	for el := p.order.Front(); el != nil; {
		e := el.Value.(*entry)
		next := el.Next()
		size := protoSize(len(e.tx))
		if (maxBytes > 0 && size > maxBytes) || (maxGas > 0 && e.gas > maxGas) {
			p.removeKey(e.key)
			dropped++
			el = next
			continue
		}
		if (maxBytes > 0 && bytes+size > maxBytes) || (maxGas > 0 && gas+e.gas > maxGas) {
			break
		}
		bytes += size
		gas += e.gas
		txs = append(txs, e.tx)
		el = next
	}
	return txs, dropped
}

// protoSize is what a transaction of n bytes adds to a block's repeated
// bytes field: a tag byte, the varint length and the bytes.
func protoSize(n int) int64 {
	return int64(1 + binary.PutUvarint(make([]byte, binary.MaxVarintLen64), uint64(n)) + n)
}

// TakeNew returns, oldest first, the transactions not yet handed out by
// TakeNew, within maxBytes and maxGas (0: no limit): what the gossip reactor
// has not sent to peers.
func (p *Pool) TakeNew(maxBytes, maxGas uint64) [][]byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	var txs [][]byte
	var bytes, gas uint64
	for el := p.order.Front(); el != nil; el = el.Next() {
		e := el.Value.(*entry)
		if e.gossiped {
			continue
		}
		if maxBytes > 0 && bytes+uint64(len(e.tx)) > maxBytes {
			break
		}
		if maxGas > 0 && e.gas > 0 && gas+uint64(e.gas) > maxGas {
			break
		}
		bytes += uint64(len(e.tx))
		if e.gas > 0 {
			gas += uint64(e.gas)
		}
		e.gossiped = true
		txs = append(txs, e.tx)
	}
	return txs
}

// Remove forgets each of txs that is held (a block included it).
func (p *Pool) Remove(txs [][]byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, tx := range txs {
		p.removeKey(KeyOf(tx))
	}
}

func (p *Pool) removeKey(key Key) {
	el, ok := p.byKey[key]
	if !ok {
		return
	}
	p.bytes -= int64(len(el.Value.(*entry).tx))
	p.order.Remove(el)
	delete(p.byKey, key)
}

// Recheck runs check on every held transaction, oldest first, and forgets
// those it refuses. It holds the pool while it runs: the caller keeps new
// transactions out for that time anyway (they must be checked against the
// state the recheck rebuilds).
func (p *Pool) Recheck(check func(tx []byte) bool) (dropped int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for el := p.order.Front(); el != nil; {
		next := el.Next()
		e := el.Value.(*entry)
		if !check(e.tx) {
			p.removeKey(e.key)
			dropped++
		}
		el = next
	}
	return dropped
}
