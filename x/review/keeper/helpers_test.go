package keeper_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"

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

// requireModuleErr checks that err is the registered error target.
func requireModuleErr(t *testing.T, err error, target *errorsmod.Error) {
	t.Helper()
	keepertest.RequireModuleErr(t, err, target)
}

// state is everything a failing message must leave alone: the x/review and
// x/proposals exports and the review module account's balance.
func state(f *keepertest.Fixture) func() string {
	return func() string {
		held := f.BankKeeper.GetAllBalances(f.Ctx, app.ReviewAuthority)
		return string(f.ExportReviewJSON()) + "\n" + string(f.ExportProposalsJSON()) + "\n" + held.String()
	}
}

// requireFailsUnchanged runs msg through the router on the block's own store
// (no transaction cache) and checks the registered error and that nothing
// changed: a handler must check before it writes.
func requireFailsUnchanged(t *testing.T, f *keepertest.Fixture, msg sdk.Msg, target *errorsmod.Error) {
	t.Helper()
	f.RequireFailsUnchanged(t, msg, target, state(f))
}

// requireDeliverFails delivers msg as a transaction would (in a cache dropped
// on failure) and checks the error and the unchanged state: for failures
// known only after a write, such as a bank transfer's.
func requireDeliverFails(t *testing.T, f *keepertest.Fixture, msg sdk.Msg, target *errorsmod.Error) {
	t.Helper()
	f.RequireDeliverFails(t, msg, target, state(f))
}

// typedEvents returns the block's typed events of type T, in order.
func typedEvents[T proto.Message](_ *testing.T, f *keepertest.Fixture) []T {
	return keepertest.TypedEvents[T](f.Events())
}

// requireEvent returns the only typed event of type T in the block.
func requireEvent[T proto.Message](t *testing.T, f *keepertest.Fixture) T {
	t.Helper()
	return keepertest.RequireEvent[T](t, f)
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
	for _, attrs := range f.PlainEvents(types.ModuleName, "") {
		out = append(out, attrs["action"])
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
