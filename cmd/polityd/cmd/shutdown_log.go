package cmd

import (
	"context"
	"errors"
	"net"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"github.com/cometbft/cometbft/libs/service"
	"github.com/spf13/cobra"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/server"
)

// CometBFT v0.39.4 logs three lines at ERR level on every graceful stop,
// from code paths that only ever run then (docs/operator-guide.md,
// "Stopping a node"):
//
//   - node/node.go: Node.OnStop closes the RPC listeners, so the goroutine
//     serving each returns net.ErrClosed and logs "Error serving server";
//   - p2p/switch.go: closing the transport ends the accept routine with
//     ErrTransportClosed, logged as "Stopped accept routine, as transport is
//     closed";
//   - blocksync/reactor.go: OnStop stops the block pool that the switch to
//     consensus already stopped, and logs ErrAlreadyStopped as "Error
//     stopping pool" (every node that block-synced, i.e. all but a chain's
//     only validator).
//
// No shutdown order of ours avoids them: they are inside CometBFT's
// Node.Stop. So that an operator's alert on ERR lines means something,
// polityd start logs exactly these, with exactly these errors, at INFO once
// a quit signal has arrived; every other error, and these ones before a
// quit signal, stay errors.

// quietStopLogger demotes CometBFT's shutdown lines once stopping is set.
type quietStopLogger struct {
	log.Logger
	stopping *atomic.Bool
}

// Error implements log.Logger.
func (l quietStopLogger) Error(msg string, keyVals ...any) {
	if l.stopping.Load() && expectedOnStop(msg, keyVals) {
		l.Logger.Info(msg, append(keyVals, "expected", "graceful stop")...)
		return
	}
	l.Logger.Error(msg, keyVals...)
}

// ErrorContext implements log.Logger.
func (l quietStopLogger) ErrorContext(ctx context.Context, msg string, keyVals ...any) {
	if l.stopping.Load() && expectedOnStop(msg, keyVals) {
		l.Logger.InfoContext(ctx, msg, append(keyVals, "expected", "graceful stop")...)
		return
	}
	l.Logger.ErrorContext(ctx, msg, keyVals...)
}

// With implements log.Logger, keeping the filter on derived loggers.
func (l quietStopLogger) With(keyVals ...any) log.Logger {
	return quietStopLogger{Logger: l.Logger.With(keyVals...), stopping: l.stopping}
}

// SetVerboseMode keeps the SDK's verbose mode (used during upgrades) working.
func (l quietStopLogger) SetVerboseMode(on bool) {
	if v, ok := l.Logger.(log.VerboseModeLogger); ok {
		v.SetVerboseMode(on)
	}
}

// expectedOnStop reports whether an error line is one of CometBFT's
// shutdown lines above, with the error that the shutdown causes.
func expectedOnStop(msg string, keyVals []any) bool {
	switch msg {
	case "Stopped accept routine, as transport is closed":
		return true
	case "Error serving server", "Error serving server with TLS":
		return errors.Is(errValue(keyVals), net.ErrClosed)
	case "Error stopping pool":
		return errors.Is(errValue(keyVals), service.ErrAlreadyStopped)
	}
	return false
}

// errValue is the value of the "err" key, if it is an error.
func errValue(keyVals []any) error {
	for i := 0; i+1 < len(keyVals); i += 2 {
		if k, ok := keyVals[i].(string); ok && k == "err" {
			err, _ := keyVals[i+1].(error)
			return err
		}
	}
	return nil
}

// quietGracefulStop wraps the server context's logger of `polityd start`
// in quietStopLogger, switched on by the first SIGINT or SIGTERM (the SDK's
// own handler receives the signal as well and stops the node).
func quietGracefulStop(cmd *cobra.Command) error {
	if cmd.Name() != "start" {
		return nil
	}
	sctx := server.GetServerContextFromCmd(cmd)
	stopping := new(atomic.Bool)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		<-sigs
		stopping.Store(true)
		signal.Stop(sigs)
	}()
	sctx.Logger = quietStopLogger{Logger: sctx.Logger, stopping: stopping}
	return server.SetCmdServerContext(cmd, sctx)
}
