package keeper_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"google.golang.org/grpc/codes"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// Short names for the test constitution's keys and bodies.
var (
	addr = keepertest.Addr
	body = keepertest.BodyAuthority
	doc  = keepertest.Doc
)

// empowered is the Empowered Community's address. (Addresses are printed
// only once the fixture has set the polity prefixes: the SDK caches an
// address's first bech32 form.)
func empowered() string { return app.EmpoweredAuthority.String() }

// review is the independent review address.
func review() string { return app.ReviewAuthority.String() }

// newFixture is the constitution with both modules loaded.
func newFixture(t testing.TB) *keepertest.Fixture {
	t.Helper()
	return keepertest.NewProposalsFixture(t)
}

// requireModuleErr checks that err is the registered error target.
func requireModuleErr(t *testing.T, err error, target *errorsmod.Error) {
	t.Helper()
	keepertest.RequireModuleErr(t, err, target)
}

// state is everything a failing message must leave alone: both modules'
// exports and the governance account's balance.
func state(f *keepertest.Fixture) func() string {
	return func() string {
		gov := f.BankKeeper.GetAllBalances(f.Ctx, app.GovernanceAuthority)
		return string(f.ExportProposalsJSON()) + "\n" + string(f.ExportJSON()) + "\n" + gov.String()
	}
}

// requireFailsUnchanged runs msg's handler on the block's own store (no
// transaction cache) and checks the registered error and the unchanged
// state: a handler must check before it writes.
func requireFailsUnchanged(t *testing.T, f *keepertest.Fixture, msg sdk.Msg, target *errorsmod.Error) {
	t.Helper()
	f.RequireFailsUnchanged(t, msg, target, state(f))
}

// requireDeliverFails delivers msg as a transaction would (in a cache that
// is dropped on failure) and checks the registered error and the unchanged
// state: for failures that can only be known after a write, such as a hook's.
func requireDeliverFails(t *testing.T, f *keepertest.Fixture, msg sdk.Msg, target *errorsmod.Error) {
	t.Helper()
	f.RequireDeliverFails(t, msg, target, state(f))
}

// typedEvents returns the block's typed events of type T, in order.
func typedEvents[T proto.Message](_ *testing.T, events sdk.Events) []T {
	return keepertest.TypedEvents[T](events)
}

// requireEvent returns the only typed event of type T in the block.
func requireEvent[T proto.Message](t *testing.T, f *keepertest.Fixture) T {
	t.Helper()
	return keepertest.RequireEvent[T](t, f)
}

// plainEvents returns the attributes of every "polity.proposals" companion
// event of the block with the given action, in order.
func plainEvents(f *keepertest.Fixture, action string) []map[string]string {
	return f.PlainEvents(types.ModuleName, action)
}

// statusChanges returns the (from, to) pairs of the block's status changes
// of one proposal.
func statusChanges(t *testing.T, f *keepertest.Fixture, id uint64) [][2]types.ProposalStatus {
	t.Helper()
	var out [][2]types.ProposalStatus
	for _, ev := range typedEvents[*types.EventProposalStatusChanged](t, f.Events()) {
		if ev.ProposalId == id {
			out = append(out, [2]types.ProposalStatus{ev.From, ev.Status})
		}
	}
	return out
}

// requireCode checks a gRPC status code.
func requireCode(t *testing.T, err error, code codes.Code) {
	t.Helper()
	keepertest.RequireCode(t, err, code)
}

// Vote options, short.
const (
	yes     = communitytypes.OptionYes
	no      = communitytypes.OptionNo
	abstain = communitytypes.OptionAbstain
)
