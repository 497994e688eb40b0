package txpool

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
)

func txs(n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = []byte(fmt.Sprintf("tx-%02d", i)) // 5 bytes; 7 in a block
	}
	return out
}

// reap is Reap where nothing may be dropped.
func reap(t *testing.T, p *Pool, maxBytes, maxGas int64) [][]byte {
	t.Helper()
	txs, dropped := p.Reap(maxBytes, maxGas)
	if dropped != 0 {
		t.Fatalf("Reap(%d, %d) dropped %d", maxBytes, maxGas, dropped)
	}
	return txs
}

func equal(t *testing.T, got, want [][]byte) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d txs %q, want %d %q", len(got), got, len(want), want)
	}
	for i := range got {
		if !bytes.Equal(got[i], want[i]) {
			t.Fatalf("tx %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

func TestAddKeepsArrivalOrderAndIgnoresDuplicates(t *testing.T) {
	p := New(0, 0)
	in := txs(4)
	for _, tx := range in {
		if err := p.Add(tx, 10); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Add(in[1], 10); err != nil {
		t.Fatal(err)
	}
	if p.Len() != 4 || p.Bytes() != 4*5 {
		t.Fatalf("len %d bytes %d, want 4 and 20", p.Len(), p.Bytes())
	}
	equal(t, reap(t, p, -1, -1), in)
	if !p.Has(in[2]) || p.Has([]byte("other")) {
		t.Fatal("Has disagrees with what was added")
	}
}

func TestFullByCountAndBytes(t *testing.T) {
	p := New(2, 0)
	in := txs(3)
	_ = p.Add(in[0], 1)
	_ = p.Add(in[1], 1)
	if err := p.Add(in[2], 1); !errors.Is(err, ErrFull) {
		t.Fatalf("third tx in a pool of 2: %v, want ErrFull", err)
	}
	if err := p.Room(1); !errors.Is(err, ErrFull) {
		t.Fatalf("Room: %v, want ErrFull", err)
	}
	b := New(0, 9)
	_ = b.Add(in[0], 1)
	if err := b.Add(in[1], 1); !errors.Is(err, ErrFull) {
		t.Fatalf("10 bytes in a pool of 9: %v, want ErrFull", err)
	}
	if b.Len() != 1 {
		t.Fatalf("a refused tx was kept: len %d", b.Len())
	}
}

// Reap stops at the first transaction that does not fit, so a sender's
// later transaction never goes ahead of an earlier one.
func TestReapStopsAtFirstMisfit(t *testing.T) {
	p := New(0, 0)
	in := txs(4)
	gas := []int64{10, 50, 1, 1}
	for i, tx := range in {
		_ = p.Add(tx, gas[i])
	}
	equal(t, reap(t, p, -1, 55), in[:1]) // 10+50 > 55, though 50 alone fits
	equal(t, reap(t, p, -1, 61), in[:3])
	equal(t, reap(t, p, 14, -1), in[:2]) // 7 bytes each in a block
	equal(t, reap(t, p, 13, -1), in[:1])
	if got := reap(t, p, -1, -1); len(got) != 4 {
		t.Fatalf("reap without limits: %d txs", len(got))
	}
	if p.Len() != 4 {
		t.Fatal("Reap removed transactions")
	}
}

func TestTakeNewHandsOutEachOnce(t *testing.T) {
	p := New(0, 0)
	in := txs(3)
	_ = p.Add(in[0], 1)
	_ = p.Add(in[1], 1)
	equal(t, p.TakeNew(0, 0), in[:2])
	if got := p.TakeNew(0, 0); len(got) != 0 {
		t.Fatalf("second TakeNew: %q", got)
	}
	_ = p.Add(in[2], 1)
	equal(t, p.TakeNew(0, 0), in[2:])
}

func TestRemoveAndRecheck(t *testing.T) {
	p := New(0, 0)
	in := txs(5)
	for _, tx := range in {
		_ = p.Add(tx, 1)
	}
	p.Remove([][]byte{in[0], []byte("never added")})
	var seen [][]byte
	dropped := p.Recheck(func(tx []byte) bool {
		seen = append(seen, tx)
		return !bytes.Equal(tx, in[2])
	})
	equal(t, seen, in[1:]) // oldest first
	if dropped != 1 {
		t.Fatalf("dropped %d, want 1", dropped)
	}
	equal(t, reap(t, p, -1, -1), [][]byte{in[1], in[3], in[4]})
	if p.Bytes() != 3*5 {
		t.Fatalf("bytes %d after removals, want 15", p.Bytes())
	}
}

// TestCaptureOneTransactionCannotStallTheQueue: a transaction no block can
// hold on its own (the block limits were lowered after it was admitted, or
// it was admitted by size alone) would, left at the head of the queue, keep
// every transaction behind it (a petition, a veto, a review filing) out of
// every block. Reap drops it and proposes the rest.
func TestCaptureOneTransactionCannotStallTheQueue(t *testing.T) {
	p := New(0, 0)
	in := txs(3)
	huge := bytes.Repeat([]byte("x"), 100)
	_ = p.Add(huge, 1)
	_ = p.Add(in[0], 1)
	_ = p.Add(in[1], 1_000)
	_ = p.Add(in[2], 1)
	got, dropped := p.Reap(50, 500)
	equal(t, got, [][]byte{in[0], in[2]})
	if dropped != 2 {
		t.Fatalf("dropped %d, want the oversized and the over-gas transaction", dropped)
	}
	if p.Len() != 2 || p.Has(huge) || p.Has(in[1]) {
		t.Fatalf("the unholdable transactions are still pooled: len %d", p.Len())
	}
}
