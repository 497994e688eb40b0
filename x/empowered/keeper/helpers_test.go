package keeper_test

import (
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"google.golang.org/grpc/codes"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/empowered/types"
)

// Short names for the test constitution's keys and bodies.
var (
	addr = keepertest.Addr
	body = keepertest.BodyAuthority
	doc  = keepertest.Doc
)

// Choices and stages, short.
const (
	support = types.ChoiceSupport
	object  = types.ChoiceObject
	abstain = types.ChoiceAbstain
)

// empowered is the Empowered Community's address (printed only once a
// fixture has set the polity prefixes).
func empowered() string { return app.EmpoweredAuthority.String() }

// newFixture is the constitution loaded into every module, with x/empowered's
// hooks installed in x/proposals and x/review as in the app.
func newFixture(t testing.TB) *keepertest.Fixture {
	t.Helper()
	return keepertest.NewConstitutionFixture(t)
}

// requireModuleErr checks that err is the registered error target.
func requireModuleErr(t *testing.T, err error, target *errorsmod.Error) {
	t.Helper()
	keepertest.RequireModuleErr(t, err, target)
}

// state is everything a failing message must leave alone: the exports of
// x/empowered and of the modules its effects reach.
func state(f *keepertest.Fixture) func() string {
	return func() string {
		return string(f.ExportEmpoweredJSON()) + "\n" + string(f.ExportProposalsJSON()) + "\n" +
			string(f.ExportJSON()) + "\n" + string(f.ExportReviewJSON())
	}
}

// requireFailsUnchanged runs msg's handler on the block's own store (no
// transaction cache) and checks the registered error, that nothing changed
// and that no event was emitted: a handler must check before it writes.
func requireFailsUnchanged(t *testing.T, f *keepertest.Fixture, msg sdk.Msg, target *errorsmod.Error) {
	t.Helper()
	f.RequireFailsUnchanged(t, msg, target, state(f))
}

// typedEvents returns the block's typed events of type T, in order.
func typedEvents[T proto.Message](_ *testing.T, events sdk.Events) []T {
	return keepertest.TypedEvents[T](events)
}

// stageEvents returns the stages an action entered in the block, in order.
func stageEvents(t *testing.T, f *keepertest.Fixture, id uint64) []types.Stage {
	t.Helper()
	var out []types.Stage
	for _, ev := range typedEvents[*types.EventActionStageChanged](t, f.Events()) {
		if ev.ActionId == id {
			out = append(out, ev.Stage)
		}
	}
	return out
}

// plainEvents returns the attributes of the block's "polity.empowered"
// companion events with the given action, in order.
func plainEvents(f *keepertest.Fixture, action string) []map[string]string {
	return f.PlainEvents(types.ModuleName, action)
}

// requireCode checks a gRPC status code.
func requireCode(t *testing.T, err error, code codes.Code) {
	t.Helper()
	keepertest.RequireCode(t, err, code)
}

// must unwraps a value, failing on error (test setup only).
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
