package keeper_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/review/types"
)

// Short names for the test constitution's keys and bodies.
var (
	addr = keepertest.Addr
	body = keepertest.BodyAuthority
	doc  = keepertest.Doc
)

// name returns the bech32 address of a constitution key.
func name(key string) string { return addr(key).String() }

// empowered is the Empowered Community's address. (Addresses are printed
// only once the fixture has set the polity prefixes.)
func empowered() string { return app.EmpoweredAuthority.String() }

// newFixture is the full constitution: x/community, x/proposals, x/review
// and x/empowered, with the Empowered Community's hooks on.
func newFixture(t testing.TB) *keepertest.Fixture {
	t.Helper()
	return keepertest.NewConstitutionFixture(t)
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

// state is everything a failing message must leave alone: the x/review and
// x/proposals exports and the review module account's balance.
func state(t *testing.T, f *keepertest.Fixture) string {
	t.Helper()
	held := f.BankKeeper.GetAllBalances(f.Ctx, app.ReviewAuthority)
	return string(f.ExportReviewJSON()) + "\n" + string(f.ExportProposalsJSON()) + "\n" + held.String()
}

// requireFailsUnchanged runs msg through the router on the block's own store
// (no transaction cache) and checks the registered error and that nothing
// changed: a handler must check before it writes.
func requireFailsUnchanged(t *testing.T, f *keepertest.Fixture, msg sdk.Msg, target *errorsmod.Error) {
	t.Helper()
	before := state(t, f)
	handler := f.Router.Handler(msg)
	require.NotNil(t, handler)
	_, err := handler(f.Ctx, msg)
	requireModuleErr(t, err, target)
	require.Equal(t, before, state(t, f), "a failing %s changed the state", sdk.MsgTypeURL(msg))
}

// requireDeliverFails delivers msg as a transaction would (in a cache dropped
// on failure) and checks the error and the unchanged state: for failures
// known only after a write, such as a bank transfer's.
func requireDeliverFails(t *testing.T, f *keepertest.Fixture, msg sdk.Msg, target *errorsmod.Error) {
	t.Helper()
	before := state(t, f)
	_, err := f.Deliver(msg)
	requireModuleErr(t, err, target)
	require.Equal(t, before, state(t, f), "a failing %s changed the state", sdk.MsgTypeURL(msg))
}

// typedEvents returns the block's typed events of type T, in order.
func typedEvents[T proto.Message](t *testing.T, f *keepertest.Fixture) []T {
	t.Helper()
	var out []T
	for _, ev := range f.Events() {
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
	evs := typedEvents[T](t, f)
	require.Len(t, evs, 1, "want exactly one %T", *new(T))
	return evs[0]
}

// irpStatuses returns the statuses a case moved to in the block, in order.
func irpStatuses(t *testing.T, f *keepertest.Fixture, id uint64) []types.IRPStatus {
	t.Helper()
	var out []types.IRPStatus
	for _, ev := range typedEvents[*types.EventIRPStatusChanged](t, f) {
		if ev.IrpId == id {
			out = append(out, ev.Status)
		}
	}
	return out
}

// plainActions returns the action of every "polity.review" companion event of
// the block, in order.
func plainActions(f *keepertest.Fixture) []string {
	var out []string
	for _, ev := range f.Events() {
		if ev.Type != "polity."+types.ModuleName {
			continue
		}
		for _, a := range ev.Attributes {
			if a.Key == "action" {
				out = append(out, a.Value)
			}
		}
	}
	return out
}

// deposit is the IRP filing deposit of the test constitution.
func deposit(f *keepertest.Fixture) sdk.Coins { return f.ReviewParams().IrpDeposit }

// balance is an account's fee-denom balance.
func balance(f *keepertest.Fixture, a sdk.AccAddress) int64 {
	return f.BankKeeper.GetBalance(f.Ctx, a, communitytypes.FeeDenom).Amount.Int64()
}

// must returns v; a lookup that fails is a broken test, so it panics.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// joinRec is a recommendation's key.
func joinRec(review uint64, index uint32) collections.Pair[uint64, uint32] {
	return collections.Join(review, index)
}
