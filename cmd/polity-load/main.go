// Command polity-load is Polity's load benchmark: it sets up a Polity node
// with many funded members and a stock Cosmos SDK node (../shared/bench's
// minisimd) with as many funded accounts, pre-signs transactions offline,
// broadcasts them over CometBFT RPC from many workers, and reports the
// committed rate from block_results, alternating the two chains run by run.
// docs/benchmarks.md says how to run it and records a run.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

type config struct {
	polityd, stockBench, work, csvPath string
	members, workers, runs, perTx      int
	// rate caps the broadcasts per second (0: as fast as the node answers).
	rate                        int
	boardPerRun, stockProposals int
	dur                         time.Duration
	mixes                       []string
	stock, profile              bool
	// mempool is Polity's mempool.type ("": what polityd init writes).
	mempool string
}

func main() {
	var c config
	var mixes string
	flag.StringVar(&c.polityd, "polityd", "build/polityd", "the polityd binary to benchmark")
	flag.StringVar(&c.stockBench, "stock-bench", envOr("STOCK_BENCH_DIR", "../shared/bench"), "the stock node kit (its minisimd is copied and built in -work); env STOCK_BENCH_DIR")
	flag.StringVar(&c.work, "work", filepath.Join(os.TempDir(), "polity-load"), "working directory for node homes, the stock build and profiles")
	flag.StringVar(&c.csvPath, "csv", "build/loadtest.csv", "CSV output")
	flag.IntVar(&c.members, "n", 1000, "funded senders per chain (Polity members; as many outsiders)")
	flag.IntVar(&c.workers, "w", 64, "concurrent broadcasters")
	flag.IntVar(&c.rate, "rate", 0, "broadcasts per second, shared by the workers (0: as fast as the node answers); a rate both chains keep up with compares them under the same load, with blocks of the same size")
	flag.IntVar(&c.runs, "runs", 2, "alternated runs per mix (A/B/A/B...)")
	flag.IntVar(&c.perTx, "k", 0, "pre-signed txs per sender per run (0: enough for 3,000 tx/s over -d)")
	flag.IntVar(&c.boardPerRun, "board", 100, "Board proposals each director votes on per run")
	flag.Uint64Var(&gasLimit, "gas", 0, "gas each transaction declares, on both chains (0: 1.3x what the node simulates for a sample of the mix, as a wallet's auto gas; a block holds at most block.max_gas / gas of them: Polity 100,000,000, stock unlimited)")
	flag.DurationVar(&c.dur, "d", 20*time.Second, "load duration per run")
	flag.StringVar(&mixes, "mixes", "vote,board,send,comment,gov,vote-yes", "mixes to run: vote, board, send, comment, gov, vote-yes")
	flag.IntVar(&c.stockProposals, "stock-proposals", 0, "x/gov proposals the stock votes spread over (0: as many as Polity's motions, so every stock vote is a first vote, as every Polity vote is; 1: the kit's single proposal, voted on again and again)")
	flag.StringVar(&c.mempool, "polity-mempool", "", "Polity's mempool.type: flood (CometBFT's) or app (Polity's app-side mempool); empty: what polityd init writes")
	flag.BoolVar(&c.stock, "stock", true, "alternate with the stock node for vote and send")
	flag.BoolVar(&c.profile, "profile", false, "take a CPU profile of each node during each load (CometBFT rpc.pprof_laddr on 127.0.0.1)")
	flag.Parse()
	c.mixes = strings.Split(mixes, ",")
	if err := c.validate(); err != nil {
		fmt.Fprintln(os.Stderr, "polity-load:", err)
		os.Exit(2)
	}
	if c.perTx == 0 {
		c.perTx = int(math.Ceil(3000 * c.dur.Seconds() / float64(c.members)))
	}
	stopNodesOnInterrupt()
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "polity-load:", err)
		os.Exit(1)
	}
}

// validate refuses flags that would make a run meaningless or divide by
// zero, before any node is set up.
func (c config) validate() error {
	switch {
	case c.members < 1:
		return fmt.Errorf("-n %d: want at least 1 sender", c.members)
	case c.workers < 1:
		return fmt.Errorf("-w %d: want at least 1 worker", c.workers)
	case c.runs < 1:
		return fmt.Errorf("-runs %d: want at least 1", c.runs)
	case c.stockProposals < 0:
		return fmt.Errorf("-stock-proposals %d: want 0 (automatic) or more", c.stockProposals)
	case c.rate < 0:
		return fmt.Errorf("-rate %d: want 0 (unpaced) or more", c.rate)
	case c.perTx < 0:
		return fmt.Errorf("-k %d: want 0 (automatic) or more", c.perTx)
	case c.boardPerRun < 1 && slices.Contains(c.mixes, mixBoard):
		return fmt.Errorf("-board %d: the board mix needs at least 1 proposal per run", c.boardPerRun)
	case c.dur <= 0:
		return fmt.Errorf("-d %v: want a positive duration", c.dur)
	}
	known := []string{mixVote, mixVoteYes, mixBoard, mixComment, mixSend, mixGov}
	for _, m := range c.mixes {
		if !slices.Contains(known, m) {
			return fmt.Errorf("-mixes: unknown mix %q: want some of %s", m, strings.Join(known, ","))
		}
	}
	return nil
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func run(c config) error {
	if err := os.MkdirAll(c.work, 0o755); err != nil {
		return err
	}
	polityBin, err := filepath.Abs(c.polityd)
	if err != nil {
		return err
	}
	pprof := func(port int) int {
		if c.profile {
			return port
		}
		return 0
	}
	pn := &node{name: "polity", bin: polityBin, home: filepath.Join(c.work, "polity"), chainID: "polity-load-1",
		prefix: "polity", denom: "upolity", rpcPort: 36657, ports: 36600, pprofPort: pprof(36661), mempool: c.mempool}
	fmt.Printf("setting up Polity: %d members and %d outsiders in genesis (%s)\n", c.members, c.members, pn.home)
	pc, err := setupPolity(pn, c.members, c.members)
	if err != nil {
		return err
	}
	var sc *stockChain
	if c.stock {
		bin, err := buildStock(c.stockBench, c.work)
		if err != nil {
			return err
		}
		sn := &node{name: "stock", bin: bin, home: filepath.Join(c.work, "stock"), chainID: "stock-load-1",
			prefix: "cosmos", denom: "stake", rpcPort: 46657, ports: 46600, pprofPort: pprof(46661)}
		fmt.Printf("setting up the stock node: %d accounts (%s)\n", c.members, sn.home)
		if sc, err = setupStock(sn, c.members); err != nil {
			return err
		}
		if err := sn.start(); err != nil {
			return err
		}
		defer sn.stop()
		proposals := c.stockProposals
		if proposals == 0 {
			proposals = c.runs * c.perTx * voteSpread
		}
		fmt.Printf("opening %d x/gov proposals on the stock node\n", proposals)
		if err := sc.openProposals(proposals); err != nil {
			return err
		}
	}
	if err := pn.start(); err != nil {
		return err
	}
	defer pn.stop()
	pool := c.runs * c.perTx
	spread, yes, board := voteSpread*pool, pool, boardSpread*c.runs*c.boardPerRun // vote and gov mixes, vote-yes, Board
	fmt.Printf("opening %d motions and %d Board proposals\n", 2*spread+yes, board)
	if err := pc.openWork(spread, spread, yes, board); err != nil {
		return err
	}
	profileDir := ""
	if c.profile {
		profileDir = filepath.Join(c.work, "profiles")
		if err := os.MkdirAll(profileDir, 0o755); err != nil {
			return err
		}
	}

	var results []result
	one := func(n *node, mix string, run int, p plan) error {
		s, took, err := presign(n, p)
		if err != nil {
			return fmt.Errorf("%s %s: %w", n.name, mix, err)
		}
		fmt.Printf("%s %s run %d: %d senders × %d txs signed in %v; loading for %v\n", n.name, mix, run, len(p.senders), p.perTx, took.Round(time.Millisecond), c.dur)
		fmt.Printf("  each declares %d gas\n", s.gas)
		r, err := measure(n, s, mix, run, c.workers, c.rate, c.dur, profileDir)
		if err != nil {
			return fmt.Errorf("%s %s: %w", n.name, mix, err)
		}
		fmt.Printf("  %.0f ok tx/s, %d ok, %d failed, %d refused in CheckTx, %d refused for their sequence and resent; gas used at most %d of %d declared\n",
			r.TxPerSec, r.OK, r.Failed, r.Refused, r.OutOfOrder, r.MaxGasUsed, s.gas)
		results = append(results, r)
		return nil
	}
	for run := range c.runs {
		for _, mix := range c.mixes {
			perTx := c.perTx
			if mix == mixBoard {
				perTx = c.boardPerRun
			}
			p, err := pc.plan(mix, run, perTx)
			if err != nil {
				return err
			}
			if err := one(pn, mix, run, p); err != nil {
				return err
			}
			if sc == nil || !slices.Contains([]string{mixVote, mixSend}, mix) {
				continue
			}
			sp, err := sc.plan(mix, run, c.perTx)
			if err != nil {
				return err
			}
			if err := one(sc.node, mix, run, sp); err != nil {
				return err
			}
		}
	}

	paced := ""
	if c.rate > 0 {
		paced = fmt.Sprintf(", paced at %d tx/s", c.rate)
	}
	fmt.Printf("\n%d senders, %d workers%s, %v per run, timeout_commit 1s, mempool 50,000 (cache 100,000)\n", c.members, c.workers, paced, c.dur)
	printTable(os.Stdout, results)
	printRatios(os.Stdout, results)
	bins := map[string]string{"polity": pn.bin}
	if sc != nil {
		bins["stock"] = sc.bin
	}
	printProfiles(os.Stdout, results, bins, 25)
	if err := writeCSV(c.csvPath, results); err != nil {
		return err
	}
	fmt.Println("\nCSV:", c.csvPath)
	return nil
}
