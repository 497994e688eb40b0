package keeper_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

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

// requireModuleErr checks that err is the registered error target, so that
// clients see its stable code and codespace rather than code 1.
func requireModuleErr(t *testing.T, err error, target *errorsmod.Error) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, target)
	codespace, code, _ := errorsmod.ABCIInfo(err, false)
	require.Equal(t, target.Codespace(), codespace, "error %v", err)
	require.Equal(t, target.ABCICode(), code, "error %v", err)
}

// state is everything a failing message must leave alone: both modules'
// exports and the governance account's balance.
func state(t *testing.T, f *keepertest.Fixture) string {
	t.Helper()
	gov := f.BankKeeper.GetAllBalances(f.Ctx, app.GovernanceAuthority)
	return string(f.ExportProposalsJSON()) + "\n" + string(f.ExportJSON()) + "\n" + gov.String()
}

// requireFailsUnchanged delivers msg through the router on the block's own
// store (no transaction cache), and checks both the registered error and
// that nothing changed: a handler must check before it writes.
func requireFailsUnchanged(t *testing.T, f *keepertest.Fixture, msg sdk.Msg, target *errorsmod.Error) {
	t.Helper()
	before := state(t, f)
	handler := f.Router.Handler(msg)
	require.NotNil(t, handler)
	_, err := handler(f.Ctx, msg)
	requireModuleErr(t, err, target)
	require.Equal(t, before, state(t, f), "a failing %s changed the state", sdk.MsgTypeURL(msg))
}

// requireDeliverFails delivers msg as a transaction would (in a cache that
// is dropped on failure) and checks the registered error and the unchanged
// state: for failures that can only be known after a write, such as a hook's.
func requireDeliverFails(t *testing.T, f *keepertest.Fixture, msg sdk.Msg, target *errorsmod.Error) {
	t.Helper()
	before := state(t, f)
	_, err := f.Deliver(msg)
	requireModuleErr(t, err, target)
	require.Equal(t, before, state(t, f), "a failing %s changed the state", sdk.MsgTypeURL(msg))
}

// typedEvents returns the block's typed events of type T, in order.
func typedEvents[T proto.Message](t *testing.T, events sdk.Events) []T {
	t.Helper()
	var out []T
	for _, ev := range events {
		msg, err := sdk.ParseTypedEvent(abci.Event(ev))
		if err != nil {
			continue // plain companion events and SDK events
		}
		if typed, ok := msg.(T); ok {
			out = append(out, typed)
		}
	}
	return out
}

// requireEvent returns the only typed event of type T in the block.
func requireEvent[T proto.Message](t *testing.T, f *keepertest.Fixture) T {
	t.Helper()
	evs := typedEvents[T](t, f.Events())
	require.Len(t, evs, 1, "want exactly one %T", *new(T))
	return evs[0]
}

// plainEvents returns the attributes of every "polity.proposals" companion
// event of the block with the given action, in order.
func plainEvents(f *keepertest.Fixture, action string) []map[string]string {
	var out []map[string]string
	for _, ev := range f.Events() {
		if ev.Type != "polity."+types.ModuleName {
			continue
		}
		attrs := map[string]string{}
		for _, a := range ev.Attributes {
			attrs[a.Key] = a.Value
		}
		if attrs["action"] == action {
			out = append(out, attrs)
		}
	}
	return out
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
	require.Error(t, err)
	require.Equal(t, code, status.Code(err), "error %v", err)
}

// Vote options, short.
const (
	yes     = communitytypes.OptionYes
	no      = communitytypes.OptionNo
	abstain = communitytypes.OptionAbstain
)
