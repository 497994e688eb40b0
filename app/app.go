// Package app wires the Polity application: the SDK's auth, bank, consensus
// and upgrade modules with Polity's own governance modules. There is no
// staking, distribution, slashing, mint or gov: the validator set and all
// governance are Polity's own.
package app

import (
	"encoding/json"
	"fmt"
	"io"
	"sync"

	abci "github.com/cometbft/cometbft/abci/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/gogoproto/proto"
	"github.com/spf13/cast"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
	reflectionv1 "cosmossdk.io/api/cosmos/reflection/v1"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	runtimeservices "github.com/cosmos/cosmos-sdk/runtime/services"
	"github.com/cosmos/cosmos-sdk/server"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/std"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/version"
	"github.com/cosmos/cosmos-sdk/x/auth"
	authcodec "github.com/cosmos/cosmos-sdk/x/auth/codec"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	"github.com/cosmos/cosmos-sdk/x/auth/posthandler"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/bank"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/consensus"
	consensuskeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	"github.com/cosmos/cosmos-sdk/x/tx/signing"
	"github.com/cosmos/cosmos-sdk/x/upgrade"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/polity-chain/polity/app/ante"
	"github.com/polity-chain/polity/x/community"
	communitykeeper "github.com/polity-chain/polity/x/community/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered"
	empoweredkeeper "github.com/polity-chain/polity/x/empowered/keeper"
	empoweredtypes "github.com/polity-chain/polity/x/empowered/types"
	"github.com/polity-chain/polity/x/history"
	historykeeper "github.com/polity-chain/polity/x/history/keeper"
	"github.com/polity-chain/polity/x/proposals"
	proposalskeeper "github.com/polity-chain/polity/x/proposals/keeper"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review"
	reviewkeeper "github.com/polity-chain/polity/x/review/keeper"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

var _ servertypes.Application = (*App)(nil)

// maccPerms are the module accounts. Fees accumulate in the fee collector;
// there is no distribution module to pay them out.
var maccPerms = map[string][]string{
	authtypes.FeeCollectorName: nil,
	// the governance account may hold a treasury that BUDGET proposals spend
	proposalstypes.ModuleName: nil,
	// x/review holds refundable IRP deposits
	reviewtypes.ModuleName: nil,
}

// App is the Polity application.
type App struct {
	*baseapp.BaseApp

	legacyAmino       *codec.LegacyAmino
	appCodec          codec.Codec
	interfaceRegistry types.InterfaceRegistry
	txConfig          client.TxConfig

	keys map[string]*storetypes.KVStoreKey

	AccountKeeper   authkeeper.AccountKeeper
	BankKeeper      bankkeeper.BaseKeeper
	ConsensusKeeper consensuskeeper.Keeper
	UpgradeKeeper   *upgradekeeper.Keeper
	CommunityKeeper *communitykeeper.Keeper
	ProposalsKeeper *proposalskeeper.Keeper
	ReviewKeeper    *reviewkeeper.Keeper
	EmpoweredKeeper *empoweredkeeper.Keeper
	// HistoryKeeper only reads the governance modules (x/history has no store).
	HistoryKeeper *historykeeper.Keeper

	ModuleManager      *module.Manager
	BasicModuleManager module.BasicManager
	configurator       module.Configurator

	// VerifiedSigs remembers the transactions whose signatures CheckTx
	// verified, so FinalizeBlock does not verify them again (app/ante/sigcache.go).
	VerifiedSigs *ante.VerifiedSigs
	// txPool is the app-side mempool, nil unless config.toml's mempool.type
	// is "app" (mempool.go).
	txPool *appMempool

	// closeOnce makes Close idempotent (close.go).
	closeOnce sync.Once
	closeErr  error
}

// New builds the application.
func New(
	logger log.Logger,
	db dbm.DB,
	_ io.Writer, // store tracing is not supported by store v2
	loadLatest bool,
	appOpts servertypes.AppOptions,
	baseAppOptions ...func(*baseapp.BaseApp),
) *App {
	interfaceRegistry, err := types.NewInterfaceRegistryWithOptions(types.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          address.Bech32Codec{Bech32Prefix: sdk.GetConfig().GetBech32AccountAddrPrefix()},
			ValidatorAddressCodec: address.Bech32Codec{Bech32Prefix: sdk.GetConfig().GetBech32ValidatorAddrPrefix()},
		},
	})
	if err != nil {
		panic(err)
	}
	appCodec := codec.NewProtoCodec(interfaceRegistry)
	legacyAmino := codec.NewLegacyAmino()
	txConfig := authtx.NewTxConfig(appCodec, authtx.DefaultSignModes)
	if err := txConfig.SigningContext().Validate(); err != nil {
		panic(err)
	}
	std.RegisterLegacyAminoCodec(legacyAmino)
	std.RegisterInterfaces(interfaceRegistry)

	bApp := baseapp.NewBaseApp(AppName, logger, db, txConfig.TxDecoder(), baseAppOptions...)
	bApp.SetVersion(version.Version)
	bApp.SetInterfaceRegistry(interfaceRegistry)
	bApp.SetTxEncoder(txConfig.TxEncoder())

	keys := storetypes.NewKVStoreKeys(
		authtypes.StoreKey, banktypes.StoreKey, consensustypes.StoreKey, upgradetypes.StoreKey,
		communitytypes.StoreKey, proposalstypes.StoreKey, reviewtypes.StoreKey, empoweredtypes.StoreKey,
	)
	if err := bApp.RegisterStreamingServices(appOpts, keys); err != nil {
		panic(err)
	}

	app := &App{
		BaseApp:           bApp,
		legacyAmino:       legacyAmino,
		appCodec:          appCodec,
		interfaceRegistry: interfaceRegistry,
		txConfig:          txConfig,
		keys:              keys,
	}
	// every authority is derived once (authorities.go); each keeper gets its own
	auths := NewAuthorities()
	authority := auths.Governance
	addrCodec := authcodec.NewBech32Codec(sdk.GetConfig().GetBech32AccountAddrPrefix())
	consCodec := authcodec.NewBech32Codec(sdk.GetConfig().GetBech32ConsensusAddrPrefix())

	app.ConsensusKeeper = consensuskeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[consensustypes.StoreKey]), authority, runtime.EventService{})
	bApp.SetParamStore(app.ConsensusKeeper.ParamsStore)

	app.AccountKeeper = authkeeper.NewAccountKeeper(appCodec, runtime.NewKVStoreService(keys[authtypes.StoreKey]),
		authtypes.ProtoBaseAccount, maccPerms, addrCodec, sdk.GetConfig().GetBech32AccountAddrPrefix(), authority)
	app.BankKeeper = bankkeeper.NewBaseKeeper(appCodec, runtime.NewKVStoreService(keys[banktypes.StoreKey]),
		app.AccountKeeper, BlockedAddresses(), authority, logger)
	homePath := cast.ToString(appOpts.Get("home"))
	app.UpgradeKeeper = upgradekeeper.NewKeeper(skipUpgradeHeights(appOpts), runtime.NewKVStoreService(keys[upgradetypes.StoreKey]),
		appCodec, homePath, app.BaseApp, authority)
	app.CommunityKeeper = communitykeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[communitytypes.StoreKey]),
		runtime.EventService{}, app.MsgServiceRouter(), addrCodec, consCodec, auths.ForCommunity(), logger)
	app.ProposalsKeeper = proposalskeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[proposalstypes.StoreKey]),
		runtime.EventService{}, app.MsgServiceRouter(), addrCodec, auths.ForProposals(), app.CommunityKeeper, logger)
	app.ReviewKeeper = reviewkeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[reviewtypes.StoreKey]),
		runtime.EventService{}, app.MsgServiceRouter(), addrCodec, auths.ForReview(),
		app.CommunityKeeper, app.ProposalsKeeper, app.BankKeeper, logger)
	app.EmpoweredKeeper = empoweredkeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[empoweredtypes.StoreKey]),
		runtime.EventService{}, app.MsgServiceRouter(), addrCodec, auths.ForEmpowered(),
		app.CommunityKeeper, app.ProposalsKeeper, logger)
	// the Empowered Community's phases of proposals and panel appointments
	app.ProposalsKeeper.SetHooks(app.EmpoweredKeeper.Hooks())
	app.ReviewKeeper.SetHooks(app.EmpoweredKeeper.Hooks())
	app.HistoryKeeper = historykeeper.NewKeeper(app.ProposalsKeeper, app.ReviewKeeper, app.EmpoweredKeeper)

	app.ModuleManager = module.NewManager(
		auth.NewAppModule(appCodec, app.AccountKeeper, nil, nil),
		bank.NewAppModule(appCodec, app.BankKeeper, app.AccountKeeper, nil),
		consensus.NewAppModule(appCodec, app.ConsensusKeeper),
		upgrade.NewAppModule(app.UpgradeKeeper, addrCodec),
		community.NewAppModule(appCodec, app.CommunityKeeper, addrCodec, consCodec),
		proposals.NewAppModule(app.ProposalsKeeper, addrCodec),
		review.NewAppModule(app.ReviewKeeper, addrCodec),
		empowered.NewAppModule(app.EmpoweredKeeper, addrCodec),
		history.NewAppModule(app.HistoryKeeper),
	)
	app.BasicModuleManager = module.NewBasicManagerFromManager(app.ModuleManager, nil)
	app.BasicModuleManager.RegisterLegacyAminoCodec(legacyAmino)
	app.BasicModuleManager.RegisterInterfaces(interfaceRegistry)

	// x/upgrade must run first in PreBlock so a scheduled upgrade halts the
	// chain before anything else executes.
	app.ModuleManager.SetOrderPreBlockers(upgradetypes.ModuleName, authtypes.ModuleName)
	app.ModuleManager.SetOrderBeginBlockers(upgradetypes.ModuleName, authtypes.ModuleName, banktypes.ModuleName,
		consensustypes.ModuleName, communitytypes.ModuleName, proposalstypes.ModuleName, reviewtypes.ModuleName,
		empoweredtypes.ModuleName)
	// x/bank first (SDK v0.54 requirement). x/community runs the motions that
	// passed, whose messages act on the other modules (a supporting
	// community's proposal, an EC decision), so it goes first and what they
	// queue runs in the same block. Validators change only by community
	// motions, so x/community, which alone returns validator updates, has
	// them all. x/review and x/empowered act on proposals, so they run before
	// x/proposals, whose execution queue runs last.
	app.ModuleManager.SetOrderEndBlockers(banktypes.ModuleName, authtypes.ModuleName, consensustypes.ModuleName,
		upgradetypes.ModuleName, communitytypes.ModuleName, reviewtypes.ModuleName, empoweredtypes.ModuleName,
		proposalstypes.ModuleName)
	genesisOrder := []string{authtypes.ModuleName, banktypes.ModuleName, consensustypes.ModuleName,
		upgradetypes.ModuleName, communitytypes.ModuleName, proposalstypes.ModuleName, reviewtypes.ModuleName,
		empoweredtypes.ModuleName}
	app.ModuleManager.SetOrderInitGenesis(genesisOrder...)
	app.ModuleManager.SetOrderExportGenesis(genesisOrder...)

	app.configurator = module.NewConfigurator(appCodec, app.MsgServiceRouter(), app.GRPCQueryRouter())
	if err := app.ModuleManager.RegisterServices(app.configurator); err != nil {
		panic(err)
	}
	app.registerUpgradeHandlers()

	autocliv1.RegisterQueryServer(app.GRPCQueryRouter(), runtimeservices.NewAutoCLIQueryService(app.ModuleManager.Modules))
	reflectionSvc, err := runtimeservices.NewReflectionService()
	if err != nil {
		panic(err)
	}
	reflectionv1.RegisterReflectionServiceServer(app.GRPCQueryRouter(), reflectionSvc)

	app.MountKVStores(keys)
	app.SetInitChainer(app.InitChainer)
	app.SetPreBlocker(app.PreBlocker)
	app.SetBeginBlocker(app.BeginBlocker)
	app.SetEndBlocker(app.EndBlocker)
	anteHandler, err := app.newAnteHandler()
	if err != nil {
		panic(err)
	}
	app.SetAnteHandler(anteHandler)
	postHandler, err := posthandler.NewPostHandler(posthandler.HandlerOptions{})
	if err != nil {
		panic(err)
	}
	app.SetPostHandler(postHandler)
	app.setAppMempool(appOpts)
	app.setUpgradeStoreLoader()

	if loadLatest {
		if err := app.LoadLatestVersion(); err != nil {
			panic(fmt.Errorf("error loading last version: %w", err))
		}
		app.logBootstrapMode()
	}
	return app
}

// logBootstrapMode warns at start when the power cap is suspended, so an
// operator cannot miss it.
func (app *App) logBootstrapMode() {
	if app.LastBlockHeight() == 0 {
		return // InitGenesis logs it
	}
	params, err := app.CommunityKeeper.GetParams(app.NewContext(true))
	if err == nil && params.Bootstrap {
		app.Logger().Warn(params.BootstrapWarning())
	}
}

// Name returns the app name.
func (app *App) Name() string { return app.BaseApp.Name() }

// PreBlocker runs x/upgrade's check for a scheduled upgrade.
func (app *App) PreBlocker(ctx sdk.Context, _ *abci.RequestFinalizeBlock) (*sdk.ResponsePreBlock, error) {
	return app.ModuleManager.PreBlock(ctx)
}

// BeginBlocker runs the modules' begin blockers.
func (app *App) BeginBlocker(ctx sdk.Context) (sdk.BeginBlock, error) {
	return app.ModuleManager.BeginBlock(ctx)
}

// EndBlocker runs the modules' end blockers.
func (app *App) EndBlocker(ctx sdk.Context) (sdk.EndBlock, error) {
	res, err := app.ModuleManager.EndBlock(ctx)
	if err == nil {
		app.closeLane() // the block's writes reach the stores next (mempool.go)
	}
	return res, err
}

// InitChainer initialises the state from genesis.
func (app *App) InitChainer(ctx sdk.Context, req *abci.RequestInitChain) (*abci.ResponseInitChain, error) {
	var genesisState map[string]json.RawMessage
	if err := json.Unmarshal(req.AppStateBytes, &genesisState); err != nil {
		return nil, err
	}
	if err := app.UpgradeKeeper.SetModuleVersionMap(ctx, app.ModuleManager.GetVersionMap()); err != nil {
		return nil, err
	}
	return app.ModuleManager.InitGenesis(ctx, app.appCodec, genesisState)
}

// LoadHeight loads a particular height.
func (app *App) LoadHeight(height int64) error { return app.LoadVersion(height) }

// BlockedAddresses are the module accounts that may not receive funds by
// transfer: all but the governance account, which may hold a treasury.
func BlockedAddresses() map[string]bool {
	return map[string]bool{
		authtypes.NewModuleAddress(authtypes.FeeCollectorName).String(): true,
		authtypes.NewModuleAddress(reviewtypes.ModuleName).String():     true,
	}
}

// LegacyAmino returns the amino codec.
func (app *App) LegacyAmino() *codec.LegacyAmino { return app.legacyAmino }

// AppCodec returns the proto codec.
func (app *App) AppCodec() codec.Codec { return app.appCodec }

// InterfaceRegistry returns the interface registry.
func (app *App) InterfaceRegistry() types.InterfaceRegistry { return app.interfaceRegistry }

// TxConfig returns the transaction config.
func (app *App) TxConfig() client.TxConfig { return app.txConfig }

// DefaultGenesis returns the modules' default genesis.
func (app *App) DefaultGenesis() map[string]json.RawMessage {
	return app.BasicModuleManager.DefaultGenesis(app.appCodec)
}

// GetKey returns a store key (for tests).
func (app *App) GetKey(name string) *storetypes.KVStoreKey { return app.keys[name] }

// Configurator returns the module configurator.
func (app *App) Configurator() module.Configurator { return app.configurator }

func skipUpgradeHeights(appOpts servertypes.AppOptions) map[int64]bool {
	skip := map[int64]bool{}
	for _, h := range cast.ToIntSlice(appOpts.Get(server.FlagUnsafeSkipUpgrades)) {
		skip[int64(h)] = true
	}
	return skip
}
