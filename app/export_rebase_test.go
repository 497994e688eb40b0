package app

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/internal/heightutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	empoweredtypes "github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// Every height a module stores must say whether zero means "at genesis"
// (moved by a zero-height export) or "not yet" (kept): see heightutil.
func TestEveryStoredHeightIsClassifiedForZeroHeightExport(t *testing.T) {
	for _, gs := range []any{
		&communitytypes.GenesisState{}, &proposalstypes.GenesisState{},
		&reviewtypes.GenesisState{}, &empoweredtypes.GenesisState{},
	} {
		require.Empty(t, heightutil.CheckFields(gs))
	}
}
