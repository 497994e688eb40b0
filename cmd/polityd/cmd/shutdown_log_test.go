package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cometbft/cometbft/libs/service"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"
)

// TestQuietStopLogger: once a quit signal has arrived, exactly CometBFT's
// three shutdown lines with their shutdown errors are logged at INFO; the
// same lines before the signal, with other errors, and any other error stay
// at ERR, also on loggers derived with With.
func TestQuietStopLogger(t *testing.T) {
	closed := &net.OpError{Op: "accept", Net: "tcp", Err: fmt.Errorf("use of closed network connection: %w", net.ErrClosed)}
	var buf bytes.Buffer
	stopping := new(atomic.Bool)
	l := quietStopLogger{Logger: log.NewLogger(&buf, log.ColorOption(false)), stopping: stopping}.With("module", "server")
	level := func(msg string, kv ...any) string {
		buf.Reset()
		l.Error(msg, kv...)
		return strings.Fields(buf.String())[1]
	}

	require.Equal(t, "ERR", level("Error serving server", "err", closed), "before the signal")
	stopping.Store(true)
	for _, c := range []struct {
		msg  string
		kv   []any
		want string
	}{
		{"Error serving server", []any{"err", closed}, "INF"},
		{"Error serving server with TLS", []any{"err", closed}, "INF"},
		{"Error stopping pool", []any{"err", service.ErrAlreadyStopped}, "INF"},
		{"Stopped accept routine, as transport is closed", []any{"numPeers", 0}, "INF"},
		{"Error serving server", []any{"err", errors.New("tls: bad certificate")}, "ERR"},
		{"Error stopping pool", []any{"err", errors.New("disk full")}, "ERR"},
		{"Error stopping pool", nil, "ERR"},
		{"leveldb: closed", nil, "ERR"},
	} {
		require.Equal(t, c.want, level(c.msg, c.kv...), "%s %v", c.msg, c.kv)
	}
	level("Error stopping pool", "err", service.ErrAlreadyStopped)
	require.Contains(t, buf.String(), `expected="graceful stop"`, "a demoted line says why")
}
