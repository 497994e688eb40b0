package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

// result is one load run on one chain.
type result struct {
	Chain, Mix            string
	Run                   int
	Senders, Workers      int
	Rate                  int     // the paced broadcast rate (0: unpaced)
	Seconds               float64 // the load window by block header time
	Blocks                int
	OK, Failed            int // committed transactions, code 0 or not
	Refused               int64
	OutOfOrder            int64   // refused for their sequence and sent again
	MaxGasUsed            int64   // the most gas one committed transaction used
	GasDeclared           uint64  // what each transaction declared
	TxPerSec              float64 // committed code-0 per second of the window
	MeanBlockSec          float64
	TxPerBlock            float64
	RSSPeakMiB            float64
	CPUSec, CPUMsPerTx    float64 // the node's
	GenCPUMsPerTx         float64 // the load generator's (this process), per committed transaction
	CoresBusy             float64 // node and generator CPU over the load's wall time: how much of the machine they used
	BytesPerTx            float64
	BytesPerTxByDB        map[string]float64 // the same, by database under data/
	FailedKinds, Refusals []string
	Profile               string // pprof file, when profiled
}

// measure runs one load and reads the outcome from the chain: committed
// transactions from block_results over the blocks of the load window (by
// header time), the node's CPU and peak RSS from /proc, and the data
// directory's growth per committed transaction once the mempool has drained.
func measure(n *node, s *signed, mix string, run, workers, rate int, d time.Duration, profileDir string) (result, error) {
	r := result{Chain: n.name, Mix: mix, Run: run, Senders: len(s.senders), Workers: workers, Rate: rate, GasDeclared: s.gas}
	h0, err := n.rpc.height()
	if err != nil {
		return r, err
	}
	p0, err := n.proc()
	if err != nil {
		return r, err
	}
	g0, err := procOf(os.Getpid())
	if err != nil {
		return r, err
	}
	wall0 := time.Now()
	bytes0, byDB0 := n.dataBytes()

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var peakKB int64
	wg.Add(1)
	go func() { // RSS sampler
		defer wg.Done()
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			if p, err := n.proc(); err == nil && p.rssKB > peakKB {
				peakKB = p.rssKB
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	if profileDir != "" && n.pprofPort > 0 {
		secs := max(1, int(d.Seconds())-2)
		r.Profile = fmt.Sprintf("%s/%s-%s-run%d.pprof", profileDir, n.name, mix, run)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := fetchPprof(n.pprofPort, fmt.Sprintf("profile?seconds=%d", secs), secs, r.Profile); err != nil {
				fmt.Fprintln(os.Stderr, "profile:", err)
				r.Profile = ""
			}
		}()
	}
	began := time.Now()
	st := broadcast(n, s, workers, d, rate)
	if r.Profile != "" {
		// the heap at the end of the load: what the node holds, for its RSS
		heap := strings.TrimSuffix(r.Profile, ".pprof") + "-heap.pprof"
		if err := fetchPprof(n.pprofPort, "heap", 0, heap); err != nil {
			fmt.Fprintln(os.Stderr, "heap profile:", err)
		}
	}
	if time.Since(began) < d {
		// every sender ran out before the deadline: the window ends when the
		// node has committed what it accepted
		waitEmptyMempool(n)
	}
	h1, err := n.rpc.height()
	if err != nil {
		return r, err
	}
	p1, err := n.proc()
	if err != nil {
		return r, err
	}
	g1, err := procOf(os.Getpid())
	if err != nil {
		return r, err
	}
	genCPUSec := float64(g1.cpuTicks-g0.cpuTicks) / clockTicks
	if wall := time.Since(wall0).Seconds(); wall > 0 {
		r.CoresBusy = (float64(p1.cpuTicks-p0.cpuTicks)/clockTicks + genCPUSec) / wall
	}
	close(stop)
	wg.Wait()
	r.Refused = st.refused.Load()
	r.OutOfOrder = st.outOfOrder.Load()
	r.Refusals = st.topRefusals(4)
	r.RSSPeakMiB = float64(peakKB) / 1024
	r.CPUSec = float64(p1.cpuTicks-p0.cpuTicks) / clockTicks

	// the window: blocks h0+1..h1, timed from h0's header to h1's
	t0, err := n.rpc.headerTime(h0)
	if err != nil {
		return r, err
	}
	t1, err := n.rpc.headerTime(h1)
	if err != nil {
		return r, err
	}
	r.Seconds, r.Blocks = t1.Sub(t0).Seconds(), int(h1-h0)
	failed := map[string]int{}
	for h := h0 + 1; h <= h1; h++ {
		txs, err := n.rpc.blockResults(h)
		if err != nil {
			return r, err
		}
		for _, tx := range txs {
			r.MaxGasUsed = max(r.MaxGasUsed, tx.GasUsed)
			if tx.Code == 0 {
				r.OK++
			} else {
				r.Failed++
				failed[trim(firstClause(tx.Log))]++
			}
		}
	}
	for k, v := range failed {
		r.FailedKinds = append(r.FailedKinds, fmt.Sprintf("%d× %s", v, k))
	}
	if r.Seconds > 0 {
		r.TxPerSec = float64(r.OK) / r.Seconds
	}
	if r.Blocks > 0 {
		r.MeanBlockSec = r.Seconds / float64(r.Blocks)
		r.TxPerBlock = float64(r.OK+r.Failed) / float64(r.Blocks)
	}
	if r.OK > 0 {
		r.CPUMsPerTx = r.CPUSec * 1000 / float64(r.OK)
		r.GenCPUMsPerTx = genCPUSec * 1000 / float64(r.OK)
	}

	// drain, then count the bytes of every transaction the load committed
	h2, all, err := drain(n, h1)
	if err != nil {
		return r, err
	}
	_ = h2
	if total := r.OK + r.Failed + all; total > 0 {
		bytes1, byDB1 := n.dataBytes()
		r.BytesPerTx = float64(bytes1-bytes0) / float64(total)
		r.BytesPerTxByDB = map[string]float64{}
		for db, b := range byDB1 {
			r.BytesPerTxByDB[db] = float64(b-byDB0[db]) / float64(total)
		}
	}
	return r, nil
}

// drain waits (up to a minute) for the mempool to empty and one more block,
// and returns the transactions committed after the window.
func drain(n *node, h1 int64) (int64, int, error) {
	waitEmptyMempool(n)
	h, err := n.rpc.height()
	if err != nil {
		return 0, 0, err
	}
	if err := n.rpc.waitHeight(h+1, 30*time.Second); err != nil {
		return 0, 0, err
	}
	count := 0
	for x := h1 + 1; x <= h+1; x++ {
		txs, err := n.rpc.blockResults(x)
		if err != nil {
			return 0, 0, err
		}
		count += len(txs)
	}
	return h + 1, count, nil
}

// waitEmptyMempool polls, up to a minute, until the node's mempool is empty
// and a block after that carried no transaction. The second condition is
// what tells for an app-side mempool (mempool.type "app"), whose
// transactions CometBFT's num_unconfirmed_txs does not count.
func waitEmptyMempool(n *node) {
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		if size, err := n.rpc.mempoolSize(); err == nil && size == 0 {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	seen, _ := n.rpc.height()
	for time.Now().Before(deadline) {
		h, err := n.rpc.height()
		if err == nil && h > seen {
			if txs, err := n.rpc.blockResults(h); err == nil && len(txs) == 0 {
				return
			}
			seen = h
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// fetchPprof saves a profile of the node (what is "profile?seconds=N" for
// CPU, "heap" for memory) from CometBFT's pprof endpoint (rpc.pprof_laddr,
// on 127.0.0.1 only); secs is how long the profile takes to serve.
func fetchPprof(port int, what string, secs int, path string) error {
	c := &http.Client{Timeout: time.Duration(secs+30) * time.Second}
	resp, err := c.Get(fmt.Sprintf("http://127.0.0.1:%d/debug/pprof/%s", port, what))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("pprof: HTTP %d: %s", resp.StatusCode, strings.TrimSpace(string(b)))
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(f, resp.Body)
	return err
}
