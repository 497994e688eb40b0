// Command polityd is the Polity node and command-line client.
package main

import (
	"fmt"
	"os"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/cmd/polityd/cmd"
)

func main() {
	if err := svrcmd.Execute(cmd.NewRootCmd(), "POLITYD", app.DefaultNodeHome); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
