package main

import (
	"sync/atomic"
	"time"
)

// pacer spaces broadcasts evenly at a fixed rate shared by every worker, so
// two chains can be compared under the same offered load: at full load a
// faster node builds bigger blocks, and a node's memory grows with the
// block it executes. A nil pacer does not wait.
type pacer struct {
	start    time.Time
	interval time.Duration
	next     atomic.Int64
}

// newPacer paces at perSecond broadcasts a second; 0 means no pacing.
func newPacer(perSecond int) *pacer {
	if perSecond <= 0 {
		return nil
	}
	return &pacer{start: time.Now(), interval: time.Second / time.Duration(perSecond)}
}

// wait blocks until the caller's slot: slots are handed out in order, one
// per interval from the start. The rate is a ceiling: when the node answers
// slower, the slots fall behind and broadcasts go out as fast as the
// workers send them, as without a pacer.
func (p *pacer) wait() {
	if p == nil {
		return
	}
	if d := time.Until(p.slot()); d > 0 {
		time.Sleep(d)
	}
}

// slot hands out the next send time.
func (p *pacer) slot() time.Time {
	return p.start.Add(time.Duration(p.next.Add(1)-1) * p.interval)
}
