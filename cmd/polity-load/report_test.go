package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrintRatios: the ratios are medians of each chain's runs, committed
// rates first and then peak memory, with a line only where both chains ran
// the mix.
func TestPrintRatios(t *testing.T) {
	rs := []result{
		{Chain: "polity", Mix: mixVote, TxPerSec: 1500, RSSPeakMiB: 500},
		{Chain: "polity", Mix: mixVote, TxPerSec: 2500, RSSPeakMiB: 700},
		{Chain: "polity", Mix: mixVote, TxPerSec: 2000, RSSPeakMiB: 900},
		{Chain: "stock", Mix: mixVote, TxPerSec: 1000, RSSPeakMiB: 800},
		{Chain: "polity", Mix: mixSend, TxPerSec: 1200, RSSPeakMiB: 600},
	}
	var b strings.Builder
	printRatios(&b, rs)
	out := b.String()
	for _, want := range []string{
		"motion vote vs x/gov vote           2000 /    1000 tx/s   = 2.00×  (3 and 1 runs)",
		"peak RSS:\n  motion vote vs x/gov vote            700 /     800 MiB    = 0.88×  (3 and 1 runs)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "bank send") {
		t.Errorf("a send ratio without a stock send run:\n%s", out)
	}
}

// TestWriteCSV: each run's row carries the pace it was loaded at, last, so
// paced and unpaced runs are told apart in the file.
func TestWriteCSV(t *testing.T) {
	path := filepath.Join(t.TempDir(), "load.csv")
	if err := writeCSV(path, []result{{Chain: "polity", Mix: mixVote, Rate: 1500}, {Chain: "stock", Mix: mixVote}}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want a header and 2 runs", len(rows))
	}
	last := len(rows[0]) - 1
	for i, want := range []string{"paced_tx_per_s", "1500", "0"} {
		if got := rows[i][last]; got != want {
			t.Errorf("row %d ends with %q, want %q", i, got, want)
		}
	}
}
