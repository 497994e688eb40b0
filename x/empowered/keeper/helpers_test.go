package keeper_test

import (
	"fmt"
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

// requireModuleErr checks that err is the registered error target, with its
// stable code and codespace.
func requireModuleErr(t *testing.T, err error, target *errorsmod.Error) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, target)
	codespace, code, _ := errorsmod.ABCIInfo(err, false)
	require.Equal(t, target.Codespace(), codespace, "error %v", err)
	require.Equal(t, target.ABCICode(), code, "error %v", err)
}

// state is everything a failing message must leave alone: the exports of
// x/empowered and of the modules its effects reach.
func state(t *testing.T, f *keepertest.Fixture) string {
	t.Helper()
	return string(f.ExportEmpoweredJSON()) + "\n" + string(f.ExportProposalsJSON()) + "\n" +
		string(f.ExportJSON()) + "\n" + string(f.ExportReviewJSON())
}

// requireFailsUnchanged runs msg's handler on the block's own store (no
// transaction cache) and checks the registered error and that nothing
// changed: a handler must check before it writes.
func requireFailsUnchanged(t *testing.T, f *keepertest.Fixture, msg sdk.Msg, target *errorsmod.Error) {
	t.Helper()
	before := state(t, f)
	events := len(f.Events())
	handler := f.Router.Handler(msg)
	require.NotNil(t, handler)
	_, err := handler(f.Ctx, msg)
	requireModuleErr(t, err, target)
	requireSameState(t, before, state(t, f), "a failing %s changed the state", sdk.MsgTypeURL(msg))
	require.Len(t, f.Events(), events, "a failing %s emitted events", sdk.MsgTypeURL(msg))
}

// requireSameState compares two state snapshots and, when they differ,
// shows only the neighbourhood of the first difference.
func requireSameState(t *testing.T, before, after string, msgAndArgs ...any) {
	t.Helper()
	if before == after {
		return
	}
	i := 0
	for i < len(before) && i < len(after) && before[i] == after[i] {
		i++
	}
	from := max(0, i-300)
	t.Fatalf("%v\nbefore: ...%s...\nafter:  ...%s...", fmt.Sprintf(msgAndArgs[0].(string), msgAndArgs[1:]...),
		before[from:min(len(before), i+150)], after[from:min(len(after), i+150)])
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

// requireCode checks a gRPC status code.
func requireCode(t *testing.T, err error, code codes.Code) {
	t.Helper()
	require.Error(t, err)
	require.Equal(t, code, status.Code(err), "error %v", err)
}

// must unwraps a value, failing on error (test setup only).
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
