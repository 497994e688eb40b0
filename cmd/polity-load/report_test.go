package main

import (
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
