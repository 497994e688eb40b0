package keeper

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/polity-chain/polity/x/community/types"
	proposalskeeper "github.com/polity-chain/polity/x/proposals/keeper"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// registerGovernanceInterfaces registers what the app registers for
// x/upgrade, x/proposals and x/consensus. Consensus messages are registered
// but not routed: the fixture has no consensus keeper, so a proposal carrying
// one is refused as unroutable.
func registerGovernanceInterfaces(registry codectypes.InterfaceRegistry) {
	upgradetypes.RegisterInterfaces(registry)
	consensustypes.RegisterInterfaces(registry)
	proposalstypes.RegisterInterfaces(registry)
}

// wireGovernance builds the x/upgrade and x/proposals keepers on the
// fixture's store and registers their Msg services on the shared router, with
// the app's authorities: ratified proposals execute as app.GovernanceAuthority,
// vetoes and approvals come from app.EmpoweredAuthority, stays and annulments
// from app.ReviewAuthority.
func (f *Fixture) wireGovernance(keys map[string]*storetypes.KVStoreKey, logger log.Logger) {
	// The version setter (baseapp) is used only when an upgrade is applied at
	// its height, which the fixture never does; scheduling needs none.
	f.UpgradeKeeper = upgradekeeper.NewKeeper(map[int64]bool{}, runtime.NewKVStoreService(keys[upgradetypes.StoreKey]),
		f.Codec, f.tb.TempDir(), nil, f.Authority)
	upgradetypes.RegisterMsgServer(f.Router, upgradekeeper.NewMsgServerImpl(f.UpgradeKeeper))

	f.Proposals = proposalskeeper.NewKeeper(f.Codec, runtime.NewKVStoreService(keys[proposalstypes.StoreKey]),
		runtime.EventService{}, f.Router, f.AddressCodec, f.Authorities.ForProposals(), f.Keeper, logger)
	f.ProposalsMsgServer = proposalskeeper.NewMsgServerImpl(f.Proposals)
	f.ProposalsQueryServer = proposalskeeper.NewQueryServer(f.Proposals)
	proposalstypes.RegisterMsgServer(f.Router, f.ProposalsMsgServer)
}

// InitProposalsGenesis loads an x/proposals genesis state after validating
// it, as the module does.
func (f *Fixture) InitProposalsGenesis(gs *proposalstypes.GenesisState) {
	f.tb.Helper()
	require.NoError(f.tb, gs.Validate(f.AddressCodec))
	require.NoError(f.tb, f.Proposals.InitGenesis(f.Ctx, *gs))
}

// ExportProposals exports the x/proposals state.
func (f *Fixture) ExportProposals() *proposalstypes.GenesisState {
	f.tb.Helper()
	gs, err := f.Proposals.ExportGenesis(f.Ctx)
	require.NoError(f.tb, err)
	return gs
}

// ExportProposalsJSON exports the x/proposals state as canonical JSON.
func (f *Fixture) ExportProposalsJSON() []byte {
	f.tb.Helper()
	bz, err := f.Codec.MarshalJSON(f.ExportProposals())
	require.NoError(f.tb, err)
	return bz
}

// EndBlockAll runs the EndBlockers in the app's order: x/review and
// x/empowered (when their genesis is loaded), x/proposals, then x/community.
// None may fail.
func (f *Fixture) EndBlockAll() {
	f.tb.Helper()
	f.endBlockAccountability()
	require.NoError(f.tb, f.Proposals.EndBlocker(f.Ctx))
	f.EndBlock()
}

// EndBlockProposals runs x/proposals' EndBlocker alone, which must not fail:
// the end of the current block for a proposal a transaction has just QUEUED,
// whose messages run there.
func (f *Fixture) EndBlockProposals() {
	f.tb.Helper()
	require.NoError(f.tb, f.Proposals.EndBlocker(f.Ctx))
}

// Advance starts the next block d later and runs its EndBlockers.
func (f *Fixture) Advance(d time.Duration) {
	f.tb.Helper()
	f.NextBlock(d)
	f.EndBlockAll()
}

// VotingDirectors are the key names of the constitution's seven voting
// directors, in seat order.
var VotingDirectors = []string{
	"director-dev", "director-ops", "director-fin", "director-users",
	"director-nomcom-1", "director-nomcom-2", "director-nomcom-3",
}

// Liaisons are the key names of the constitution's three Board liaisons.
var Liaisons = []string{"gov-chair", "security-chair", "standards-chair"}

// Doc is a deterministic, valid document named name.
func Doc(name string) types.Document {
	sum := sha256.Sum256([]byte("polity-test/document/" + name))
	return types.Document{Hash: hex.EncodeToString(sum[:]), Uri: "https://polity.example/docs/" + name + ".md"}
}

// GetProposal reads a proposal that must exist.
func (f *Fixture) GetProposal(id uint64) proposalstypes.Proposal {
	f.tb.Helper()
	p, err := f.Proposals.GetProposal(f.Ctx, id)
	require.NoError(f.tb, err)
	return p
}

// GetAdvice reads advice that must exist.
func (f *Fixture) GetAdvice(id uint64) proposalstypes.Advice {
	f.tb.Helper()
	a, err := f.Proposals.GetAdvice(f.Ctx, id)
	require.NoError(f.tb, err)
	return a
}
