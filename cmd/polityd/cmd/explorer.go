package cmd

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/polity-chain/polity/explorer"
)

// explorerCommand serves the decisions explorer against a node's public
// endpoints (docs/explorer.md).
func explorerCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explorer",
		Short: "Serve the decisions explorer (web pages) for a node's REST and RPC endpoints",
		Long: `Serve Polity's decisions explorer: the chain at a glance, communities, the Board,
proposals and each proposal's whole story, accountability cases and the registry.
It reads only the node's public REST and CometBFT RPC endpoints, so it works
against any Polity node; pages say so clearly when the node cannot be reached.`,
		Example: "polityd explorer --node tcp://127.0.0.1:26657 --rest http://127.0.0.1:1317 --listen 127.0.0.1:8080",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			node, _ := cmd.Flags().GetString("node")
			rest, _ := cmd.Flags().GetString("rest")
			listen, _ := cmd.Flags().GetString("listen")
			pageSize, _ := cmd.Flags().GetInt("page-size")
			srv, err := explorer.New(explorer.Config{REST: rest, RPC: node, PageSize: pageSize})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", listen)
			if err != nil {
				return fmt.Errorf("explorer: listen on %s: %w", listen, err)
			}
			hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			go func() {
				<-ctx.Done()
				shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				_ = hs.Shutdown(shutdown)
			}()
			fmt.Fprintf(cmd.OutOrStdout(), "explorer: serving http://%s (node RPC %s, REST %s)\n", ln.Addr(), node, rest)
			if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	cmd.Flags().String("node", "tcp://127.0.0.1:26657", "the node's CometBFT RPC")
	cmd.Flags().String("rest", "http://127.0.0.1:1317", "the node's REST gateway (API server)")
	cmd.Flags().String("listen", "127.0.0.1:8080", "address to serve the explorer on")
	cmd.Flags().Int("page-size", 200, "proposals per page of the proposal list (1 to 200); older pages follow")
	return cmd
}
