package app

import "sync"

// checkWorkers run the app-side mempool's CheckTx work on long-lived
// goroutines. CometBFT calls CheckTx in a new goroutine per transaction in
// this mode, and the SDK's ante chain runs deep: each such goroutine grew its
// stack from the initial few KiB, copying it several times, which was 7% of a
// loaded node's CPU in a profile (runtime.copystack under CheckTx). A
// worker's stack stays grown from one transaction to the next.
//
// There are two kinds of worker. Verifiers decode transactions and check
// their signatures, one per core, since that work needs no state. One lane
// worker runs the stateful part, which takes the lane lock anyway: so no
// verifier ever sits waiting for the lane (while a block commits, say) when
// it could be checking signatures.
type checkWorkers struct {
	verify  chan func()
	lane    chan func()
	stopped chan struct{}
	stop    sync.Once
}

func newCheckWorkers(verifiers int) *checkWorkers {
	w := &checkWorkers{verify: make(chan func()), lane: make(chan func()), stopped: make(chan struct{})}
	for range max(1, verifiers) {
		go w.serve(w.verify)
	}
	go w.serve(w.lane)
	return w
}

func (w *checkWorkers) serve(tasks <-chan func()) {
	for {
		select {
		case task := <-tasks:
			task()
		case <-w.stopped:
			return
		}
	}
}

// run runs task on one of the workers serving tasks and waits for it. A
// panic in task is raised again in the caller, where CometBFT recovers it as
// it would have in its own goroutine. Once the workers are stopped, the
// caller runs task itself.
func (w *checkWorkers) run(tasks chan func(), task func()) {
	var recovered any
	done := make(chan struct{})
	wrapped := func() {
		defer close(done)
		defer func() { recovered = recover() }()
		task()
	}
	select {
	case tasks <- wrapped:
		<-done
	case <-w.stopped:
		wrapped()
	}
	if recovered != nil {
		panic(recovered)
	}
}

// close stops the workers; later tasks run in their callers.
func (w *checkWorkers) close() { w.stop.Do(func() { close(w.stopped) }) }
