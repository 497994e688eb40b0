package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

// printTable writes one line per run.
func printTable(w io.Writer, rs []result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "chain\tmix\trun\tsenders\tok tx/s\tok\tfailed\tfailed %\trefused (CheckTx)\tblock s\ttx/block\tRSS peak MiB\tCPU ms/tx\tgen CPU ms/tx\tcores busy\tbytes/tx\t")
	for _, r := range rs {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.0f\t%d\t%d\t%.2f\t%d\t%.2f\t%.0f\t%.0f\t%.2f\t%.2f\t%.2f\t%.0f\t\n",
			r.Chain, r.Mix, r.Run, r.Senders, r.TxPerSec, r.OK, r.Failed, failedPct(r), r.Refused, r.MeanBlockSec, r.TxPerBlock, r.RSSPeakMiB, r.CPUMsPerTx, r.GenCPUMsPerTx, r.CoresBusy, r.BytesPerTx)
	}
	tw.Flush()
	for _, r := range rs {
		if len(r.BytesPerTxByDB) > 0 {
			fmt.Fprintf(w, "  %s %s run %d bytes/tx by database:%s\n", r.Chain, r.Mix, r.Run, byDB(r.BytesPerTxByDB))
		}
	}
	for _, r := range rs {
		for _, k := range r.FailedKinds {
			fmt.Fprintf(w, "  %s %s run %d failed in FinalizeBlock: %s\n", r.Chain, r.Mix, r.Run, k)
		}
		for _, k := range r.Refusals {
			fmt.Fprintf(w, "  %s %s run %d refused in CheckTx: %s\n", r.Chain, r.Mix, r.Run, k)
		}
	}
}

// byDB lists bytes per transaction by database, largest first. LevelDB
// compacts when it will, so one run's split is noisy; the sum is what counts.
func byDB(m map[string]float64) string {
	dbs := make([]string, 0, len(m))
	for db := range m {
		dbs = append(dbs, db)
	}
	sort.Slice(dbs, func(i, j int) bool { return m[dbs[i]] > m[dbs[j]] || m[dbs[i]] == m[dbs[j]] && dbs[i] < dbs[j] })
	var b strings.Builder
	for _, db := range dbs {
		fmt.Fprintf(&b, " %s %.0f", db, m[db])
	}
	return b.String()
}

func failedPct(r result) float64 {
	if r.OK+r.Failed == 0 {
		return 0
	}
	return 100 * float64(r.Failed) / float64(r.OK+r.Failed)
}

// writeCSV writes every run's numbers.
func writeCSV(path string, rs []result) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := csv.NewWriter(f)
	_ = w.Write([]string{"chain", "mix", "run", "senders", "workers", "window_s", "blocks", "ok", "failed", "refused_checktx",
		"ok_tx_per_s", "mean_block_s", "tx_per_block", "rss_peak_mib", "cpu_s", "cpu_ms_per_tx", "gen_cpu_ms_per_tx", "cores_busy", "bytes_per_tx", "gas_declared", "max_gas_used", "resent_for_sequence", "paced_tx_per_s"})
	for _, r := range rs {
		_ = w.Write([]string{r.Chain, r.Mix, strconv.Itoa(r.Run), strconv.Itoa(r.Senders), strconv.Itoa(r.Workers),
			ff(r.Seconds), strconv.Itoa(r.Blocks), strconv.Itoa(r.OK), strconv.Itoa(r.Failed), strconv.FormatInt(r.Refused, 10),
			ff(r.TxPerSec), ff(r.MeanBlockSec), ff(r.TxPerBlock), ff(r.RSSPeakMiB), ff(r.CPUSec), ff(r.CPUMsPerTx), ff(r.GenCPUMsPerTx), ff(r.CoresBusy), ff(r.BytesPerTx),
			strconv.FormatUint(r.GasDeclared, 10), strconv.FormatInt(r.MaxGasUsed, 10), strconv.FormatInt(r.OutOfOrder, 10), strconv.Itoa(r.Rate)})
	}
	w.Flush()
	return w.Error()
}

func ff(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// median of one figure of a mix's runs on a chain, and how many runs.
func median(rs []result, chain, mix string, of func(result) float64) (float64, int) {
	var xs []float64
	for _, r := range rs {
		if r.Chain == chain && r.Mix == mix {
			xs = append(xs, of(r))
		}
	}
	if len(xs) == 0 {
		return 0, 0
	}
	sort.Float64s(xs)
	if len(xs)%2 == 1 {
		return xs[len(xs)/2], len(xs)
	}
	return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2, len(xs)
}

func txPerSec(r result) float64 { return r.TxPerSec }
func rssPeak(r result) float64  { return r.RSSPeakMiB }

// printRatios compares Polity with the stock node, run for run of the same
// A/B session: motion and Board votes against x/gov votes, sends against
// sends; committed rates, then peak memory. At full load a faster node
// builds bigger blocks and holds more while it executes one, so memory is
// compared fairly under -rate, where both chains commit the same load.
func printRatios(w io.Writer, rs []result) {
	fmt.Fprintln(w, "\nPolity / stock (medians of the alternated runs):")
	ratios := func(of func(result) float64, unit string) {
		stockVote, nsv := median(rs, "stock", mixVote, of)
		stockSend, nss := median(rs, "stock", mixSend, of)
		line := func(label, mix string, stock float64, ns int) {
			p, np := median(rs, "polity", mix, of)
			if np == 0 || ns == 0 || stock == 0 {
				return
			}
			fmt.Fprintf(w, "  %-32s %7.0f / %7.0f %-6s = %.2f×  (%d and %d runs)\n", label, p, stock, unit, p/stock, np, ns)
		}
		line("motion vote vs x/gov vote", mixVote, stockVote, nsv)
		line("Board vote vs x/gov vote", mixBoard, stockVote, nsv)
		line("bank send vs bank send", mixSend, stockSend, nss)
	}
	ratios(txPerSec, "tx/s")
	fmt.Fprintln(w, "  peak RSS:")
	ratios(rssPeak, "MiB")
}

// printProfiles prints the top functions, by cumulative time, of the first
// profile of each chain and mix (all profiles stay in the profile directory).
func printProfiles(w io.Writer, rs []result, bins map[string]string, top int) {
	shown := map[string]bool{}
	for _, r := range rs {
		if r.Profile == "" || shown[r.Chain+"/"+r.Mix] {
			continue
		}
		shown[r.Chain+"/"+r.Mix] = true
		out, err := exec.Command("go", "tool", "pprof", "-top", "-cum", "-nodecount="+strconv.Itoa(top), bins[r.Chain], r.Profile).CombinedOutput()
		fmt.Fprintf(w, "\nCPU profile %s (%s %s run %d):\n", r.Profile, r.Chain, r.Mix, r.Run)
		if err != nil {
			fmt.Fprintf(w, "  go tool pprof: %v\n", err)
		}
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			fmt.Fprintln(w, "  "+l)
		}
	}
}
