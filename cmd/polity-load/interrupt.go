package main

import (
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// The nodes run in their own process groups (so that a terminal's Ctrl-C
// does not stop them mid-measurement behind the program's back); an
// interrupted run must therefore stop them itself, or they outlive it.

// nodeSet is the nodes this program has started and not yet stopped.
type nodeSet struct {
	mu    sync.Mutex
	nodes []*node
}

var running nodeSet

func (s *nodeSet) add(n *node) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nodes = append(s.nodes, n)
}

func (s *nodeSet) remove(n *node) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, m := range s.nodes {
		if m == n {
			s.nodes = append(s.nodes[:i], s.nodes[i+1:]...)
			return
		}
	}
}

// stopAll stops every running node, newest first.
func (s *nodeSet) stopAll() {
	s.mu.Lock()
	nodes := append([]*node(nil), s.nodes...)
	s.mu.Unlock()
	for i := len(nodes) - 1; i >= 0; i-- {
		nodes[i].stop()
	}
}

// stopNodesOnInterrupt stops the started nodes on SIGINT or SIGTERM, then
// exits with the shell's code for an interrupt.
func stopNodesOnInterrupt() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-ch
		fmt.Fprintf(os.Stderr, "\npolity-load: %v: stopping the nodes it started\n", sig)
		running.stopAll()
		os.Exit(130)
	}()
}
