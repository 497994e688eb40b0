package cmd

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	dbm "github.com/cosmos/cosmos-db"
	sims "github.com/cosmos/cosmos-sdk/testutil/sims"

	"github.com/polity-chain/polity/app"
)

// TestModuleValidationReportsEveryModule: a genesis two modules refuse is
// reported at genesis.<module> for both, in name order, not only the first.
func TestModuleValidationReportsEveryModule(t *testing.T) {
	a := app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, false, sims.NewAppOptionsWithFlagHome(t.TempDir()))
	cdc, basics := a.AppCodec(), a.BasicModuleManager
	state := basics.DefaultGenesis(cdc)
	before := validateModules(cdc, basics, a.TxConfig(), state)

	state["bank"] = json.RawMessage(`{"balances": [{"address": "polity1nope", "coins": [{"denom": "upolity", "amount": "1"}]}]}`)
	state["review"] = json.RawMessage(`{"params": {"max_text_length": 0}}`)
	ps := validateModules(cdc, basics, a.TxConfig(), state)
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
	}
	require.Subset(t, paths, []string{"genesis.bank", "genesis.review"}, "%v", ps)
	require.Len(t, ps, len(before)+2, "the two broken modules added to what the default state reports: %v", ps)
	require.IsIncreasing(t, paths, "in module name order")
}
