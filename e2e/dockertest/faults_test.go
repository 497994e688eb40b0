package dockertest

import (
	"strings"
	"testing"
	"time"
)

const (
	firstBlocksTimeout = 2 * time.Minute // four containers start, dial each other, commit
	progressTimeout    = time.Minute     // three of four validators add a few blocks
	catchUpTimeout     = 2 * time.Minute // a rejoining node redials its peers and catches up
	progressBlocks     = 5
)

// TestDockerNetworkFaults runs the docker-compose four-validator network
// (communities ops, dev, fin, users at 25% each, bootstrap mode off) and checks
// that it survives a network partition of one node and the loss and restart of
// one node, with every node ending on the same blocks and app hashes. While a
// node is away a transfer changes the state, so catching up means executing it.
// Last, a second node started on one validator's key double-signs, and the
// chain records it, suspends the validator and lets its community act.
func TestDockerNetworkFaults(t *testing.T) {
	requireDocker(t)
	bin := polityd(t)
	n := startNetwork(t, bin)
	all := n.nodes[:]

	ok := t.Run("all four produce blocks with one app hash", func(t *testing.T) {
		n := n.with(t)
		hs := n.waitHeights("all four validators committing", all, 3, firstBlocksTimeout)
		lo, _ := minMax(hs)
		hs = n.waitHeights("all four validators advancing", all, lo+2, progressTimeout)
		lo, _ = minMax(hs)
		n.requireSameBlock(all, lo)

		// The cap holds: bootstrap mode is off in the genesis the script wrote.
		out := n.docker("exec", n.nodes[0].name, "polityd", "query", "community", "params", "-o", "json",
			"--node", "tcp://127.0.0.1:26657")
		if strings.Contains(strings.ReplaceAll(out, " ", ""), `"bootstrap":true`) {
			t.Fatalf("the docker network runs in bootstrap mode: %s", out)
		}
	})
	if !ok {
		return
	}

	ok = t.Run("partition of one node", func(t *testing.T) {
		n := n.with(t)
		cut := n.nodes[3]
		rest := except(n.nodes, cut)

		before, err := n.execStatus(cut)
		if err != nil {
			t.Fatal(err)
		}
		n.docker("network", "disconnect", n.netName, cut.name)
		t.Logf("disconnected %s from %s at its height %d", cut.name, n.netName, before.Height)
		reconnected := false
		t.Cleanup(func() { // leave the network whole for the next subtest even on failure
			if !reconnected {
				_, _ = run(time.Minute, nil, "docker", "network", "connect", "--ip", cut.ip, n.netName, cut.name)
			}
		})

		// State moves on without the cut node: a transfer through node0.
		outsider := n.account("outsider")
		was, err := n.balance(n.nodes[0], outsider)
		if err != nil {
			t.Fatal(err)
		}
		n.send("dev-chair", outsider, 1234)
		want := was + 1234

		hs, err := n.heights(rest)
		if err != nil {
			t.Fatal(err)
		}
		_, hi := minMax(hs)
		hs = n.waitHeights("the other three committing without "+cut.name, rest, hi+progressBlocks, progressTimeout)
		lo, _ := minMax(hs)
		n.requireSameBlock(rest, lo)
		for _, nd := range rest {
			n.requireBalance(nd, outsider, want)
		}
		n.requireBalance(cut, outsider, was)

		// Alone with 25% of the power the cut node cannot commit anything new
		// (one block already in flight at the cut at most).
		isolated, err := n.execStatus(cut)
		if err != nil {
			t.Fatal(err)
		}
		if isolated.Height > before.Height+1 || isolated.Height >= lo {
			t.Fatalf("%s kept committing while partitioned: height %d at the cut, %d now, the others at %d",
				cut.name, before.Height, isolated.Height, lo)
		}
		t.Logf("%s stalled at height %d while the others reached %s", cut.name, isolated.Height, describe(hs))

		n.docker("network", "connect", "--ip", cut.ip, n.netName, cut.name)
		reconnected = true
		hs, err = n.heights(rest)
		if err != nil {
			t.Fatal(err)
		}
		_, hi = minMax(hs)
		n.waitHeights(cut.name+" catching up after the partition", []*node{cut}, hi+2, catchUpTimeout)
		hs = n.waitHeights("all four committing", all, hi+3, progressTimeout)
		lo, _ = minMax(hs)
		n.requireSameBlock(all, lo)
		n.requireBalance(cut, outsider, want)
	})
	if !ok {
		return
	}

	ok = t.Run("loss and restart of one node", func(t *testing.T) {
		n := n.with(t)
		lost := n.nodes[2]
		rest := except(n.nodes, lost)

		n.docker("stop", "-t", "20", lost.name)
		if n.running(lost) {
			t.Fatalf("%s still runs after docker stop", lost.name)
		}
		restarted := false
		t.Cleanup(func() {
			if !restarted {
				_, _ = run(time.Minute, nil, "docker", "start", lost.name)
			}
		})
		outsider := n.account("outsider")
		was, err := n.balance(n.nodes[0], outsider)
		if err != nil {
			t.Fatal(err)
		}
		n.send("fin-chair", outsider, 4321)
		want := was + 4321

		hs, err := n.heights(rest)
		if err != nil {
			t.Fatal(err)
		}
		_, hi := minMax(hs)
		hs = n.waitHeights("the other three committing without "+lost.name, rest, hi+progressBlocks, progressTimeout)
		lo, _ := minMax(hs)
		n.requireSameBlock(rest, lo)
		for _, nd := range rest {
			n.requireBalance(nd, outsider, want)
		}

		n.docker("start", lost.name)
		restarted = true
		hs, err = n.heights(rest)
		if err != nil {
			t.Fatal(err)
		}
		_, hi = minMax(hs)
		n.waitHeights(lost.name+" catching up after its restart", []*node{lost}, hi+2, catchUpTimeout)
		hs = n.waitHeights("all four committing", all, hi+3, progressTimeout)
		lo, _ = minMax(hs)
		n.requireSameBlock(all, lo)
		n.requireBalance(lost, outsider, want)
	})
	if !ok {
		return
	}

	// Last: it leaves users' validator rotated to a key no node runs.
	t.Run("a twin on one validator's key double-signs: recorded, suspended, rotated by motion", func(t *testing.T) {
		twinDoubleSign(n.with(t))
	})
}

// with returns a copy of the network that reports to the subtest t.
func (n *network) with(t *testing.T) *network {
	c := *n
	c.t = t
	return &c
}
