package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// node is one running chain (Polity or stock) with its own home and ports,
// all on 127.0.0.1.
type node struct {
	name      string // "polity" or "stock"
	bin       string
	home      string
	chainID   string
	prefix    string // bech32 account prefix
	denom     string
	rpcPort   int
	pprofPort int    // 0: no profiling endpoint
	mempool   string // mempool.type to set ("": as init wrote it)
	ports     int    // base of the node's other ports
	cmd       *exec.Cmd
	rpc       *rpcClient
}

// run runs the node's binary to completion (setup commands).
func (n *node) run(args ...string) ([]byte, error) {
	out, err := exec.Command(n.bin, args...).CombinedOutput()
	if err != nil {
		return out, fmt.Errorf("%s %s: %w\n%s", filepath.Base(n.bin), strings.Join(args, " "), err, out)
	}
	return out, nil
}

// configure applies the benchmark's node config: 1 s blocks, a mempool of
// 50,000 with a 100,000 cache, everything on 127.0.0.1, pprof when asked.
func (n *node) configure() error {
	pprofPort := n.pprofPort
	off := n.ports
	pprof := ""
	if pprofPort > 0 {
		pprof = fmt.Sprintf("127.0.0.1:%d", pprofPort)
	}
	mempool := map[string]string{"size": "50000", "cache_size": "100000"}
	if n.mempool != "" {
		mempool["type"] = q(n.mempool)
	}
	cfg := filepath.Join(n.home, "config", "config.toml")
	if err := editTOML(cfg, map[string]map[string]string{
		"": {"proxy_app": q(fmt.Sprintf("tcp://127.0.0.1:%d", off+8))},
		"rpc": {"laddr": q(fmt.Sprintf("tcp://127.0.0.1:%d", n.rpcPort)), "pprof_laddr": q(pprof),
			"max_open_connections": "0", "max_subscription_clients": "10"},
		"p2p":             {"laddr": q(fmt.Sprintf("tcp://127.0.0.1:%d", off+6))},
		"mempool":         mempool,
		"consensus":       {"timeout_commit": q("1s")},
		"instrumentation": {"prometheus": "false"},
	}); err != nil {
		return err
	}
	return editTOML(filepath.Join(n.home, "config", "app.toml"), map[string]map[string]string{
		"":         {"minimum-gas-prices": q("0" + n.denom)},
		"api":      {"enable": "false", "address": q(fmt.Sprintf("tcp://127.0.0.1:%d", off+7))},
		"grpc":     {"enable": "true", "address": q(fmt.Sprintf("127.0.0.1:%d", off+9))}, // serves Simulate over abci_query too
		"grpc-web": {"enable": "false"},
	})
}

func q(s string) string { return strconv.Quote(s) }

// editTOML sets keys inside sections of a TOML file written by the node's
// init ("" is the top level). A key missing from its section is an error, so
// a renamed setting is not silently ignored.
func editTOML(path string, set map[string]map[string]string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	lines := strings.Split(string(raw), "\n")
	section := ""
	done := map[string]bool{}
	header := regexp.MustCompile(`^\[([^\]]+)\]`)
	for i, l := range lines {
		if m := header.FindStringSubmatch(l); m != nil {
			section = m[1]
			continue
		}
		for k, v := range set[section] {
			if strings.HasPrefix(l, k+" =") || strings.HasPrefix(l, k+"=") {
				lines[i] = k + " = " + v
				done[section+"."+k] = true
			}
		}
	}
	for s, kv := range set {
		for k := range kv {
			if !done[s+"."+k] {
				return fmt.Errorf("%s: no %q in section [%s]", path, k, s)
			}
		}
	}
	return os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644)
}

// start starts the node and waits for its first blocks.
func (n *node) start() error {
	logf, err := os.Create(filepath.Join(n.home, "node.log"))
	if err != nil {
		return err
	}
	n.cmd = exec.Command(n.bin, "start", "--home", n.home)
	n.cmd.Stdout, n.cmd.Stderr = logf, logf
	n.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := n.cmd.Start(); err != nil {
		return err
	}
	running.add(n)
	n.rpc = newRPC(n.rpcPort)
	if err := n.rpc.waitHeight(2, 2*time.Minute); err != nil {
		n.stop()
		return fmt.Errorf("%s node: %w (log: %s)", n.name, err, filepath.Join(n.home, "node.log"))
	}
	return nil
}

// stop ends the node this program started, by its process id.
func (n *node) stop() {
	if n.cmd == nil || n.cmd.Process == nil {
		return
	}
	_ = n.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = n.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = n.cmd.Process.Kill()
		<-done
	}
	running.remove(n)
	n.cmd = nil
}

// procStats is what /proc says of the node process.
type procStats struct {
	rssKB, hwmKB int64
	cpuTicks     int64 // user + system
}

func (n *node) proc() (procStats, error) { return procOf(n.cmd.Process.Pid) }

// procOf reads a process's memory and CPU from /proc.
func procOf(pid int) (procStats, error) {
	var s procStats
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return s, err
	}
	for _, l := range strings.Split(string(status), "\n") {
		f := strings.Fields(l)
		if len(f) < 2 {
			continue
		}
		switch f[0] {
		case "VmRSS:":
			s.rssKB, _ = strconv.ParseInt(f[1], 10, 64)
		case "VmHWM:":
			s.hwmKB, _ = strconv.ParseInt(f[1], 10, 64)
		}
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return s, err
	}
	// fields after the command name (which may hold spaces) start at ")"
	rest := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	if len(rest) < 13 {
		return s, errors.New("short /proc stat")
	}
	utime, _ := strconv.ParseInt(rest[11], 10, 64)
	stime, _ := strconv.ParseInt(rest[12], 10, 64)
	s.cpuTicks = utime + stime
	return s, nil
}

// clockTicks is USER_HZ, 100 on Linux.
const clockTicks = 100

// dataBytes is the size of the node's data directory, in all and by its
// top-level entries (application.db, blockstore.db, state.db, tx_index.db,
// cs.wal...).
func (n *node) dataBytes() (int64, map[string]int64) {
	var total int64
	by := map[string]int64{}
	data := filepath.Join(n.home, "data")
	_ = filepath.WalkDir(data, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				total += info.Size()
				rel, _ := filepath.Rel(data, path)
				by[strings.SplitN(rel, string(filepath.Separator), 2)[0]] += info.Size()
			}
		}
		return nil
	})
	return total, by
}
