// Command polityd is the Polity node and command-line client.
package main

import (
	"fmt"
	"os"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/cmd/polityd/cmd"
)

func main() {
	// A plain `go build` has no -ldflags; name the binary anyway.
	if version.AppName == "" {
		version.Name, version.AppName = "polity", "polityd"
	}
	if version.Version == "" {
		version.Version = "dev"
	}
	if err := svrcmd.Execute(cmd.NewRootCmd(), "POLITYD", app.DefaultNodeHome); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
