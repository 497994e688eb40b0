package e2e

import (
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"strconv"
	"strings"
)

// Ports are one node's listening ports, all on 127.0.0.1.
type Ports struct {
	RPC, P2P, ABCI, API, GRPC int
	// Prometheus serves CometBFT's and Polity's metrics; 0 leaves them off.
	Prometheus int
}

// Port range the harness draws from. It lies below Linux's ephemeral range
// (32768-60999), so outgoing connections never take a port a node is about
// to listen on, and clear of the ports `make localnet` and `make
// localnet-multi` use (1317+, 9090+, 26656+).
const (
	portLow  = 10000
	portHigh = 26000
)

// freePorts finds n distinct free ports by binding each one; the listeners
// are held until all are found, so the ports are distinct, and then released
// for the nodes to take. Another process could still take one in between,
// which would show as a bind error in a node's log.
func freePorts(n int) ([]int, error) {
	var held []net.Listener
	defer func() {
		for _, l := range held {
			_ = l.Close() // a close error cannot make the port less free
		}
	}()
	ports := make([]int, 0, n)
	for attempts := 0; len(ports) < n; attempts++ {
		if attempts > 100*n {
			return nil, fmt.Errorf("found only %d of %d free ports in %d-%d", len(ports), n, portLow, portHigh)
		}
		p := portLow + rand.IntN(portHigh-portLow)
		l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p))
		if err != nil {
			continue
		}
		held = append(held, l)
		ports = append(ports, p)
	}
	return ports, nil
}

// tomlSet sets key (in [section]; "" is the top level) to a TOML value
// written as it must appear in the file (strings quoted).
type tomlSet struct {
	Section, Key, Value string
}

// editTOML rewrites the given keys in place. Every key must exist exactly
// once in its section, so a changed config template fails loudly instead of
// leaving a node on a default port.
func editTOML(path string, sets []tomlSet) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	lines := strings.Split(string(raw), "\n")
	found := make([]int, len(sets))
	section := ""
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") {
			section = strings.Trim(trimmed, "[]")
			continue
		}
		key, _, ok := strings.Cut(trimmed, "=")
		if !ok || strings.HasPrefix(trimmed, "#") {
			continue
		}
		key = strings.TrimSpace(key)
		for j, s := range sets {
			if s.Section == section && s.Key == key {
				lines[i] = s.Key + " = " + s.Value
				found[j]++
			}
		}
	}
	for j, s := range sets {
		if found[j] != 1 {
			return fmt.Errorf("%s: key %q in [%s] found %d times, want 1", path, s.Key, s.Section, found[j])
		}
	}
	return os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o600)
}

func quote(s string) string { return strconv.Quote(s) }

// configure gives a node its ports, peers and block time, turns on the REST
// API, and writes a client.toml pointing at the node.
func (n *Node) configure(peers []string, timeoutCommit string) error {
	p := n.Ports
	cfg := []tomlSet{
		{"", "proxy_app", quote(fmt.Sprintf("tcp://127.0.0.1:%d", p.ABCI))},
		{"rpc", "laddr", quote(fmt.Sprintf("tcp://127.0.0.1:%d", p.RPC))},
		{"rpc", "pprof_laddr", quote("")},
		{"p2p", "laddr", quote(fmt.Sprintf("tcp://127.0.0.1:%d", p.P2P))},
		{"p2p", "persistent_peers", quote(strings.Join(peers, ","))},
		{"p2p", "addr_book_strict", "false"},
		{"p2p", "allow_duplicate_ip", "true"},
		{"consensus", "timeout_commit", quote(timeoutCommit)},
		{"consensus", "timeout_propose", quote("1s")},
		// the app-side mempool relays to peers every reap_interval: well
		// under a block, as scripts/configure-node.sh sets for localnets
		{"mempool", "reap_interval", quote("100ms")},
		{"instrumentation", "prometheus", strconv.FormatBool(p.Prometheus != 0)},
		{"instrumentation", "prometheus_listen_addr", quote(fmt.Sprintf("127.0.0.1:%d", p.Prometheus))},
	}
	if err := editTOML(n.Home+"/config/config.toml", cfg); err != nil {
		return err
	}
	app := []tomlSet{
		{"", "minimum-gas-prices", quote("0upolity")},
		{"api", "enable", "true"},
		{"api", "address", quote(fmt.Sprintf("tcp://127.0.0.1:%d", p.API))},
		{"grpc", "address", quote(fmt.Sprintf("127.0.0.1:%d", p.GRPC))},
	}
	if err := editTOML(n.Home+"/config/app.toml", app); err != nil {
		return err
	}
	client := fmt.Sprintf(`chain-id = %q
keyring-backend = "test"
keyring-default-keyname = ""
output = "json"
node = "tcp://127.0.0.1:%d"
broadcast-mode = "sync"
grpc-address = ""
grpc-insecure = false
`, n.net.ChainID, p.RPC)
	return os.WriteFile(n.Home+"/config/client.toml", []byte(client), 0o600)
}
