package app_test

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"testing"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sims "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	"github.com/cosmos/cosmos-sdk/x/simulation"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/internal/invariantutil"
	"github.com/polity-chain/polity/internal/simutil"
	communitysim "github.com/polity-chain/polity/x/community/simulation"
	empoweredsim "github.com/polity-chain/polity/x/empowered/simulation"
	proposalssim "github.com/polity-chain/polity/x/proposals/simulation"
	reviewsim "github.com/polity-chain/polity/x/review/simulation"
)

const simChainID = "polity-sim-1"

var simAddressConfig sync.Once

// simApp is an app whose end blocker checks every invariant after the
// modules' end blockers: a broken invariant fails the block, and with it
// the simulation, at the height where it broke.
type simApp struct {
	*app.App
	checked int // blocks whose invariants were checked
}

// newSimApp builds the app on an in-memory database. The end blocker is
// wrapped before the app is loaded (baseapp seals it then).
func newSimApp(t testing.TB) *simApp {
	t.Helper()
	simAddressConfig.Do(app.SetAddressConfig)
	a := &simApp{App: app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, false,
		sims.NewAppOptionsWithFlagHome(t.TempDir()), baseapp.SetChainID(simChainID))}
	routes := a.InvariantRoutes()
	a.SetEndBlocker(func(ctx sdk.Context) (sdk.EndBlock, error) {
		res, err := a.EndBlocker(withBlockHash(ctx))
		if err != nil {
			return res, err
		}
		if err := checkInvariants(ctx, routes); err != nil {
			return res, err
		}
		a.checked++
		return res, nil
	})
	require.NoError(t, a.LoadLatestVersion())
	return a
}

// withBlockHash gives the block a hash when it has none. x/simulation's mock
// CometBFT sends FinalizeBlock without one, and x/review draws IRP panels from
// the hashes of announced blocks (a block without a hash re-announces them),
// so without this no panel would ever form in a simulation. The hash is
// derived from the seeded height and time, as deterministic as the run.
func withBlockHash(ctx sdk.Context) sdk.Context {
	info := ctx.HeaderInfo()
	if len(info.Hash) > 0 {
		return ctx
	}
	sum := sha256.Sum256([]byte(fmt.Sprintf("%d/%d", info.Height, info.Time.UnixNano())))
	info.Hash = sum[:]
	return ctx.WithHeaderInfo(info)
}

// checkInvariants runs every invariant and returns the first broken one.
func checkInvariants(ctx sdk.Context, routes []invariantutil.Route) error {
	for _, r := range routes {
		if msg, broken := r.Invariant(ctx); broken {
			return fmt.Errorf("invariant %s broken at height %d: %s", r.Name, ctx.BlockHeight(), msg)
		}
	}
	return nil
}

// operations are every module's weighted operations; x/community's motions
// carry the decisions every module's payloads propose, and directors
// propose every module's params changes.
func operations(a *app.App) simulation.WeightedOperations {
	env := simutil.Env{TxConfig: a.TxConfig(), Accounts: a.AccountKeeper}
	governance := app.GovernanceAuthority.String()
	payloads := communitysim.Payloads(a.CommunityKeeper, governance)
	payloads = append(payloads, proposalssim.Payloads(a.ProposalsKeeper, a.CommunityKeeper)...)
	payloads = append(payloads, reviewsim.Payloads(a.ReviewKeeper, governance, app.SecretariatCommunity)...)
	payloads = append(payloads, empoweredsim.Payloads(a.EmpoweredKeeper, a.CommunityKeeper, governance)...)
	params := communitysim.ParamsPayloads(a.CommunityKeeper, governance)
	params = append(params, proposalssim.ParamsPayloads(a.ProposalsKeeper)...)
	params = append(params, reviewsim.ParamsPayloads(a.ReviewKeeper, governance)...)
	params = append(params, empoweredsim.ParamsPayloads(a.EmpoweredKeeper, governance)...)
	ops := communitysim.WeightedOperations(env, a.CommunityKeeper, payloads)
	ops = append(ops, proposalssim.WeightedOperations(env, a.ProposalsKeeper, a.CommunityKeeper, payloads, params)...)
	ops = append(ops, reviewsim.WeightedOperations(env, reviewsim.Keepers{Review: a.ReviewKeeper, Community: a.CommunityKeeper, Proposals: a.ProposalsKeeper,
		Secretariat: app.SecretariatCommunity})...)
	ops = append(ops, empoweredsim.WeightedOperations(env, a.EmpoweredKeeper)...)
	return ops
}

// simConfig is a seeded run of blocks × blockSize operations.
func simConfig(t testing.TB, seed int64, blocks, blockSize int) simtypes.Config {
	return simtypes.Config{
		Seed: seed, NumBlocks: blocks, BlockSize: blockSize, InitialBlockHeight: 1,
		ChainID: simChainID, Commit: true, Lean: true, TB: t,
	}
}

// runSim runs the SDK's simulation with Polity's genesis and operations,
// checks the invariants once more on the final state and returns the
// records the run reached.
func runSim(t *testing.T, a *simApp, cfg simtypes.Config) simCounts {
	t.Helper()
	var w io.Writer = io.Discard
	if os.Getenv("SIM_VERBOSE") != "" {
		w = os.Stdout // progress and the operation statistics
	}
	if os.Getenv("SIM_TRACE") != "" {
		simutil.Trace = os.Stdout
	}
	_, _, err := simulation.SimulateFromSeedX(t, log.NewNopLogger(), w, a.BaseApp, simAppState(a.App), simAccounts,
		operations(a.App), app.BlockedAddresses(), cfg, a.AppCodec(), simulation.NewLogWriter(false))
	require.NoError(t, err)
	require.NoError(t, checkInvariants(a.NewContext(true), a.InvariantRoutes()))
	require.Equal(t, cfg.NumBlocks, a.checked, "invariants checked after every block")
	counts, err := countRecords(a.NewContext(true), a.App)
	require.NoError(t, err)
	t.Logf("seed %d, %d blocks: %s", cfg.Seed, cfg.NumBlocks, counts)
	return counts
}

// envInt reads a positive integer from the environment, or def.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}
