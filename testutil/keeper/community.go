// Package keeper builds real Polity keepers for tests: an in-memory
// multistore, real auth, bank, x/upgrade, x/community, x/proposals, x/review
// and x/empowered keepers, and one baseapp MsgServiceRouter with all their
// Msg services registered, so that a passed motion
// or a ratified proposal executes its messages exactly as it does on a running
// chain. Nothing is mocked.
package keeper

import (
	"crypto/sha256"
	"maps"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/address"
	"cosmossdk.io/core/header"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/std"
	"github.com/cosmos/cosmos-sdk/store/v2"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/tx/signing"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/polity-chain/polity/app"
	communitykeeper "github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
	empoweredtypes "github.com/polity-chain/polity/x/empowered/types"
	proposalskeeper "github.com/polity-chain/polity/x/proposals/keeper"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// GenesisTime is the block time of the first block of every fixture: a fixed
// instant keeps tests deterministic.
var GenesisTime = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// faucetModule is a minting module account used only to fund test accounts.
const faucetModule = "faucet"

var addressConfigOnce sync.Once

// SetAddressConfig sets the polity bech32 prefixes once per test binary.
func SetAddressConfig() {
	addressConfigOnce.Do(app.SetAddressConfig)
}

// Fixture is a real x/community keeper on an in-memory store, with the
// services a test drives it through.
type Fixture struct {
	tb testing.TB

	// Ctx is the current block's context; NextBlock replaces it.
	Ctx sdk.Context

	Keeper      *communitykeeper.Keeper
	MsgServer   types.MsgServer
	QueryServer types.QueryServer
	Router      *baseapp.MsgServiceRouter

	Codec          codec.Codec
	Registry       codectypes.InterfaceRegistry
	AddressCodec   address.Codec
	ConsensusCodec address.Codec

	AccountKeeper authkeeper.AccountKeeper
	BankKeeper    bankkeeper.BaseKeeper
	UpgradeKeeper *upgradekeeper.Keeper

	// Proposals is the x/proposals keeper, on the same router and store.
	Proposals            *proposalskeeper.Keeper
	ProposalsMsgServer   proposalstypes.MsgServer
	ProposalsQueryServer proposalstypes.QueryServer

	// Accountability is x/review and x/empowered, on the same router and store.
	Accountability
	reviewLoaded, empoweredLoaded bool

	// Authority is the governance (ratification) address of app.GovernanceAuthority.
	Authority string
	// Authorities are the app's authorities, each keeper given its share.
	Authorities app.Authorities
}

// NewFixture builds the keepers on an empty store at height 1, GenesisTime,
// with the Empowered Community's hooks installed as in the app. Load a
// constitution with InitGenesis.
func NewFixture(tb testing.TB) *Fixture {
	tb.Helper()
	return newFixture(tb, true)
}

// newFixture builds the keepers; with empoweredHooks false, x/proposals and
// x/review get no hooks (a test may install its own, once).
func newFixture(tb testing.TB, empoweredHooks bool) *Fixture {
	tb.Helper()
	SetAddressConfig()

	registry := newInterfaceRegistry(tb)
	cdc := codec.NewProtoCodec(registry)
	keys := storetypes.NewKVStoreKeys(authtypes.StoreKey, banktypes.StoreKey, types.StoreKey,
		upgradetypes.StoreKey, proposalstypes.StoreKey, reviewtypes.StoreKey, empoweredtypes.StoreKey)
	ctx := newContext(tb, keys)

	ac := addresscodec.NewBech32Codec(app.Bech32Prefix)
	cc := addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32ConsensusAddrPrefix())
	auths := app.NewAuthorities() // as app.New wires them
	authority := auths.Governance
	logger := log.NewNopLogger()

	accountKeeper := authkeeper.NewAccountKeeper(cdc, runtime.NewKVStoreService(keys[authtypes.StoreKey]),
		authtypes.ProtoBaseAccount, map[string][]string{faucetModule: {authtypes.Minter}, reviewtypes.ModuleName: nil}, ac, app.Bech32Prefix, authority)
	bankKeeper := bankkeeper.NewBaseKeeper(cdc, runtime.NewKVStoreService(keys[banktypes.StoreKey]),
		accountKeeper, map[string]bool{}, authority, logger)

	router := baseapp.NewMsgServiceRouter()
	router.SetInterfaceRegistry(registry)
	k := communitykeeper.NewKeeper(cdc, runtime.NewKVStoreService(keys[types.StoreKey]), runtime.EventService{},
		router, ac, cc, auths.ForCommunity(), logger)
	msgServer := communitykeeper.NewMsgServerImpl(k)
	types.RegisterMsgServer(router, msgServer)
	banktypes.RegisterMsgServer(router, bankkeeper.NewMsgServerImpl(bankKeeper))

	f := &Fixture{
		tb: tb, Ctx: ctx,
		Keeper: k, MsgServer: msgServer, QueryServer: communitykeeper.NewQueryServer(k), Router: router,
		Codec: cdc, Registry: registry, AddressCodec: ac, ConsensusCodec: cc,
		AccountKeeper: accountKeeper, BankKeeper: bankKeeper, Authority: authority, Authorities: auths,
	}
	f.wireGovernance(keys, logger)
	f.wireAccountability(keys, logger, empoweredHooks)
	f.SetBlock(1, GenesisTime)
	require.NoError(tb, bankKeeper.SetParams(f.Ctx, banktypes.DefaultParams()))
	return f
}

// newContext mounts each store under its own prefix of one in-memory
// database. (testutil.DefaultContextWithKeys mounts every store on the bare
// database, which works until the first Commit, when the stores' trees
// collide.)
func newContext(tb testing.TB, keys map[string]*storetypes.KVStoreKey) sdk.Context {
	tb.Helper()
	cms := store.NewCommitMultiStore(dbm.NewMemDB(), log.NewNopLogger())
	for _, name := range slices.Sorted(maps.Keys(keys)) {
		cms.MountStoreWithDB(keys[name], storetypes.StoreTypeIAVL, nil)
	}
	require.NoError(tb, cms.LoadLatestVersion())
	return sdk.NewContext(cms, cmtproto.Header{}, false, log.NewNopLogger())
}

// newInterfaceRegistry registers what the app registers for x/community,
// auth and bank, with the polity address codecs for signer extraction.
func newInterfaceRegistry(tb testing.TB) codectypes.InterfaceRegistry {
	tb.Helper()
	registry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32AccountAddrPrefix()),
			ValidatorAddressCodec: addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32ValidatorAddrPrefix()),
		},
	})
	require.NoError(tb, err)
	std.RegisterInterfaces(registry)
	authtypes.RegisterInterfaces(registry)
	banktypes.RegisterInterfaces(registry)
	types.RegisterInterfaces(registry)
	registerGovernanceInterfaces(registry)
	registerAccountabilityInterfaces(registry)
	return registry
}

// SetBlock moves the context to a block height and time, with a fresh event
// manager.
func (f *Fixture) SetBlock(height int64, t time.Time) {
	f.Ctx = f.Ctx.WithBlockHeight(height).WithBlockTime(t).
		WithHeaderInfo(header.Info{Height: height, Time: t, ChainID: app.DefaultChainID, Hash: BlockHash(height)}).
		WithEventManager(sdk.NewEventManager())
}

// BlockHash is the fixture's hash of the block at height: deterministic, so a
// test can recompute what a keeper derived from it (the IRP panel draw).
func BlockHash(height int64) []byte {
	sum := sha256.Sum256([]byte("polity-test/block/" + strconv.FormatInt(height, 10)))
	return sum[:]
}

// NextBlock advances one block and d of block time.
func (f *Fixture) NextBlock(d time.Duration) {
	f.SetBlock(f.Ctx.BlockHeight()+1, f.Ctx.HeaderInfo().Time.Add(d))
}

// Commit commits the multistore, as the end of a block does. Reads and
// iterations then run against saved state, as on a chain: IAVL iterates
// uncommitted writes by sorting them all, so a store that is never committed
// makes every iteration cost as much as the writes before it.
func (f *Fixture) Commit() {
	f.tb.Helper()
	cms, ok := f.Ctx.MultiStore().(storetypes.CommitMultiStore)
	require.True(f.tb, ok, "the fixture context must run on its commit multistore")
	cms.Commit()
}

// DeliverContext returns the current block's context on a cache over the
// committed store, as baseapp's FinalizeBlock state is.
func (f *Fixture) DeliverContext() sdk.Context {
	return f.Ctx.WithMultiStore(f.Ctx.MultiStore().CacheMultiStore())
}

// Now is the current block time.
func (f *Fixture) Now() time.Time { return f.Ctx.HeaderInfo().Time }

// InitGenesis loads a genesis state after validating it, as the module does,
// and returns the initial validator set.
func (f *Fixture) InitGenesis(gs *types.GenesisState) []abci.ValidatorUpdate {
	f.tb.Helper()
	require.NoError(f.tb, gs.Validate(f.AddressCodec, f.ConsensusCodec))
	updates, err := f.Keeper.InitGenesis(f.Ctx, *gs)
	require.NoError(f.tb, err)
	return updates
}

// Export exports the module state.
func (f *Fixture) Export() *types.GenesisState {
	f.tb.Helper()
	gs, err := f.Keeper.ExportGenesis(f.Ctx)
	require.NoError(f.tb, err)
	return gs
}

// ExportJSON exports the module state as canonical JSON, comparable across
// fixtures (Any values are compared by their bytes, not their caches).
func (f *Fixture) ExportJSON() []byte {
	f.tb.Helper()
	bz, err := f.Codec.MarshalJSON(f.Export())
	require.NoError(f.tb, err)
	return bz
}

// Deliver runs a message the way baseapp runs a transaction's message: through
// the router, in a cached store that is written only when the handler
// succeeds. The handler's events are added to the block's events.
func (f *Fixture) Deliver(msg sdk.Msg) (*sdk.Result, error) {
	f.tb.Helper()
	handler := f.Router.Handler(msg)
	require.NotNil(f.tb, handler, "no route for %s", sdk.MsgTypeURL(msg))
	cacheCtx, write := f.Ctx.CacheContext()
	res, err := handler(cacheCtx, msg)
	if err != nil {
		return nil, err
	}
	write()
	for _, ev := range res.GetEvents() {
		f.Ctx.EventManager().EmitEvent(sdk.Event(ev))
	}
	return res, nil
}

// MustDeliver delivers a message that must succeed.
func (f *Fixture) MustDeliver(msg sdk.Msg) *sdk.Result {
	f.tb.Helper()
	res, err := f.Deliver(msg)
	require.NoError(f.tb, err, "%s", sdk.MsgTypeURL(msg))
	return res
}

// EndBlock runs the module's EndBlocker, which must not fail.
func (f *Fixture) EndBlock() []abci.ValidatorUpdate {
	f.tb.Helper()
	updates, err := f.Keeper.EndBlocker(f.Ctx)
	require.NoError(f.tb, err)
	return updates
}

// Events returns the events emitted in the current block so far.
func (f *Fixture) Events() sdk.Events { return f.Ctx.EventManager().Events() }

// ResetEvents forgets the current block's events.
func (f *Fixture) ResetEvents() { f.Ctx = f.Ctx.WithEventManager(sdk.NewEventManager()) }

// Any packs a message for a motion.
func (f *Fixture) Any(msg proto.Message) *codectypes.Any {
	f.tb.Helper()
	a, err := codectypes.NewAnyWithValue(msg)
	require.NoError(f.tb, err)
	return a
}

// Fund mints coins to an account.
func (f *Fixture) Fund(addr sdk.AccAddress, coins sdk.Coins) {
	f.tb.Helper()
	require.NoError(f.tb, f.BankKeeper.MintCoins(f.Ctx, faucetModule, coins))
	require.NoError(f.tb, f.BankKeeper.SendCoinsFromModuleToAccount(f.Ctx, faucetModule, addr, coins))
}
