package main

import (
	"testing"
	"time"
)

// TestPacer: no rate means no pacer (and a nil pacer's wait returns at
// once); a rate hands out send times one interval apart from the start, in
// order, whichever worker asks.
func TestPacer(t *testing.T) {
	if p := newPacer(0); p != nil {
		t.Fatalf("rate 0 made a pacer: %+v", p)
	}
	var none *pacer
	none.wait()

	p := newPacer(400)
	if p.interval != 2500*time.Microsecond {
		t.Fatalf("interval %v at 400/s, want 2.5ms", p.interval)
	}
	for k := range 5 {
		if got, want := p.slot(), p.start.Add(time.Duration(k)*p.interval); !got.Equal(want) {
			t.Fatalf("slot %d at %v, want %v", k, got.Sub(p.start), want.Sub(p.start))
		}
	}
}
