package app_test

import (
	"testing"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/testutil/sims"

	"github.com/polity-chain/polity/app"
)

// TestCloseTwice: the SDK's start command closes the app twice on a graceful
// stop; the second close must not fail on the already closed leveldb.
func TestCloseTwice(t *testing.T) {
	db, err := dbm.NewGoLevelDB("application", t.TempDir(), nil)
	require.NoError(t, err)
	a := app.New(log.NewNopLogger(), db, nil, false, sims.NewAppOptionsWithFlagHome(t.TempDir()))
	require.NoError(t, a.Close())
	require.NoError(t, a.Close(), "a second close is a no-op")
}
