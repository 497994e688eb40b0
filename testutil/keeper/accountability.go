package keeper

import (
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	empoweredkeeper "github.com/polity-chain/polity/x/empowered/keeper"
	empoweredtypes "github.com/polity-chain/polity/x/empowered/types"
	reviewkeeper "github.com/polity-chain/polity/x/review/keeper"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// Accountability holds the x/review and x/empowered keepers of a fixture.
type Accountability struct {
	Review            *reviewkeeper.Keeper
	ReviewMsgServer   reviewtypes.MsgServer
	ReviewQueryServer reviewtypes.QueryServer

	Empowered            *empoweredkeeper.Keeper
	EmpoweredMsgServer   empoweredtypes.MsgServer
	EmpoweredQueryServer empoweredtypes.QueryServer
}

func registerAccountabilityInterfaces(registry codectypes.InterfaceRegistry) {
	reviewtypes.RegisterInterfaces(registry)
	empoweredtypes.RegisterInterfaces(registry)
}

// wireAccountability builds x/review and x/empowered as app.New does, on the
// fixture's store and router, and connects the Empowered Community's hooks
// when hooks is true. Their EndBlockers run (in EndBlockAll) once their
// genesis is loaded.
func (f *Fixture) wireAccountability(keys map[string]*storetypes.KVStoreKey, logger log.Logger, hooks bool) {
	f.Review = reviewkeeper.NewKeeper(f.Codec, runtime.NewKVStoreService(keys[reviewtypes.StoreKey]),
		runtime.EventService{}, f.Router, f.AddressCodec, f.Authorities.ForReview(), f.Keeper, f.Proposals, f.BankKeeper, logger)
	f.ReviewMsgServer = reviewkeeper.NewMsgServerImpl(f.Review)
	f.ReviewQueryServer = reviewkeeper.NewQueryServer(f.Review)
	reviewtypes.RegisterMsgServer(f.Router, f.ReviewMsgServer)

	f.Empowered = empoweredkeeper.NewKeeper(f.Codec, runtime.NewKVStoreService(keys[empoweredtypes.StoreKey]),
		runtime.EventService{}, f.Router, f.AddressCodec, f.Authorities.ForEmpowered(),
		f.Keeper, f.Proposals, logger)
	f.EmpoweredMsgServer = empoweredkeeper.NewMsgServerImpl(f.Empowered)
	f.EmpoweredQueryServer = empoweredkeeper.NewQueryServer(f.Empowered)
	empoweredtypes.RegisterMsgServer(f.Router, f.EmpoweredMsgServer)

	if hooks {
		f.Proposals.SetHooks(f.Empowered.Hooks())
		f.Review.SetHooks(f.Empowered.Hooks())
	}
}

// InitReviewGenesis loads an x/review genesis state after validating it.
func (f *Fixture) InitReviewGenesis(gs *reviewtypes.GenesisState) {
	f.tb.Helper()
	require.NoError(f.tb, gs.Validate(f.AddressCodec))
	require.NoError(f.tb, f.Review.InitGenesis(f.Ctx, *gs))
	f.reviewLoaded = true
}

// InitEmpoweredGenesis loads an x/empowered genesis state after validating it.
func (f *Fixture) InitEmpoweredGenesis(gs *empoweredtypes.GenesisState) {
	f.tb.Helper()
	require.NoError(f.tb, gs.Validate(f.AddressCodec))
	require.NoError(f.tb, f.Empowered.InitGenesis(f.Ctx, *gs))
	f.empoweredLoaded = true
}

// ExportReview exports the x/review state.
func (f *Fixture) ExportReview() *reviewtypes.GenesisState {
	f.tb.Helper()
	gs, err := f.Review.ExportGenesis(f.Ctx)
	require.NoError(f.tb, err)
	return gs
}

// ExportEmpowered exports the x/empowered state.
func (f *Fixture) ExportEmpowered() *empoweredtypes.GenesisState {
	f.tb.Helper()
	gs, err := f.Empowered.ExportGenesis(f.Ctx)
	require.NoError(f.tb, err)
	return gs
}

// ExportReviewJSON and ExportEmpoweredJSON export as canonical JSON,
// comparable across fixtures.
func (f *Fixture) ExportReviewJSON() []byte {
	f.tb.Helper()
	bz, err := f.Codec.MarshalJSON(f.ExportReview())
	require.NoError(f.tb, err)
	return bz
}

func (f *Fixture) ExportEmpoweredJSON() []byte {
	f.tb.Helper()
	bz, err := f.Codec.MarshalJSON(f.ExportEmpowered())
	require.NoError(f.tb, err)
	return bz
}

// endBlockAccountability runs the x/review and x/empowered EndBlockers, in
// the app's order, for the modules whose genesis is loaded.
func (f *Fixture) endBlockAccountability() {
	f.tb.Helper()
	if f.reviewLoaded {
		require.NoError(f.tb, f.Review.EndBlocker(f.Ctx))
	}
	if f.empoweredLoaded {
		require.NoError(f.tb, f.Empowered.EndBlocker(f.Ctx))
	}
}
