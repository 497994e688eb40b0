package app

import (
	"encoding/json"
	"fmt"

	"github.com/cosmos/gogoproto/proto"

	"github.com/polity-chain/polity/internal/heightutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	empoweredtypes "github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// rebaseHeights moves every height stored by Polity's modules onto the
// numbering of a chain started from a zero-height export of this one. Who may
// vote is decided by comparing heights (membership and seat against a
// motion's or Board vote's start) and review draws wait for given heights:
// left as they were, old members could not vote on the new chain until it
// passed their old heights. lastHeight is the exported chain's last block;
// moving by lastHeight+1 puts all its history at negative heights.
func (app *App) rebaseHeights(genState map[string]json.RawMessage, lastHeight int64) error {
	modules := []struct {
		name  string
		state proto.Message
	}{
		{communitytypes.ModuleName, &communitytypes.GenesisState{}},
		{proposalstypes.ModuleName, &proposalstypes.GenesisState{}},
		{reviewtypes.ModuleName, &reviewtypes.GenesisState{}},
		{empoweredtypes.ModuleName, &empoweredtypes.GenesisState{}},
	}
	for _, m := range modules {
		raw, ok := genState[m.name]
		if !ok {
			continue // not exported (modulesToExport)
		}
		if err := app.appCodec.UnmarshalJSON(raw, m.state); err != nil {
			return fmt.Errorf("%s genesis: %w", m.name, err)
		}
		if err := heightutil.Rebase(m.state, lastHeight+1); err != nil {
			return fmt.Errorf("%s genesis: %w", m.name, err)
		}
		out, err := app.appCodec.MarshalJSON(m.state)
		if err != nil {
			return fmt.Errorf("%s genesis: %w", m.name, err)
		}
		genState[m.name] = out
	}
	return nil
}
