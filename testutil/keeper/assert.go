package keeper

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
)

// RequireModuleErr checks that err is the registered error target, so that
// clients see its stable code and codespace rather than code 1.
func RequireModuleErr(t testing.TB, err error, target *errorsmod.Error) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, target)
	codespace, code, _ := errorsmod.ABCIInfo(err, false)
	require.Equal(t, target.Codespace(), codespace, "error %v", err)
	require.Equal(t, target.ABCICode(), code, "error %v", err)
}

// RequireCode checks a query's gRPC status code.
func RequireCode(t testing.TB, err error, code codes.Code) {
	t.Helper()
	require.Error(t, err)
	require.Equal(t, code, status.Code(err), "error %v", err)
}

// RequireFailsUnchanged runs msg's handler on the block's own store (no
// transaction cache) and checks the registered error, that state() reads
// the same before and after, and that no event was emitted: a handler must
// check before it writes. It returns the error, for its text.
func (f *Fixture) RequireFailsUnchanged(t testing.TB, msg sdk.Msg, target *errorsmod.Error, state func() string) error {
	t.Helper()
	before, events := state(), len(f.Events())
	handler := f.Router.Handler(msg)
	require.NotNil(t, handler, "no route for %s", sdk.MsgTypeURL(msg))
	_, err := handler(f.Ctx, msg)
	RequireModuleErr(t, err, target)
	RequireSameState(t, before, state(), "a failing %s changed the state", sdk.MsgTypeURL(msg))
	require.Len(t, f.Events(), events, "a failing %s emitted events", sdk.MsgTypeURL(msg))
	return err
}

// RequireDeliverFails delivers msg as a transaction would (in a cache
// dropped on failure) and checks the registered error and the unchanged
// state: for failures known only after a write, such as a bank transfer's or
// a hook's.
func (f *Fixture) RequireDeliverFails(t testing.TB, msg sdk.Msg, target *errorsmod.Error, state func() string) {
	t.Helper()
	before := state()
	_, err := f.Deliver(msg)
	RequireModuleErr(t, err, target)
	RequireSameState(t, before, state(), "a failing %s changed the state", sdk.MsgTypeURL(msg))
}

// RequireSameState compares two state snapshots and, when they differ,
// shows only the neighbourhood of the first difference.
func RequireSameState(t testing.TB, before, after string, format string, args ...any) {
	t.Helper()
	if before == after {
		return
	}
	i := 0
	for i < len(before) && i < len(after) && before[i] == after[i] {
		i++
	}
	from := max(0, i-300)
	t.Fatalf("%s\nbefore: ...%s...\nafter:  ...%s...", fmt.Sprintf(format, args...),
		before[from:min(len(before), i+150)], after[from:min(len(after), i+150)])
}

// TypedEvents returns the typed events of type T among events, in order.
func TypedEvents[T proto.Message](events sdk.Events) []T {
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

// RequireEvent returns the only typed event of type T in the current block.
func RequireEvent[T proto.Message](t testing.TB, f *Fixture) T {
	t.Helper()
	evs := TypedEvents[T](f.Events())
	require.Len(t, evs, 1, "want exactly one %T", *new(T))
	return evs[0]
}

// PlainEvents returns the attributes of the current block's plain
// "polity.<module>" companion events, in order: all of them, or those with
// the given action.
func (f *Fixture) PlainEvents(module, action string) []map[string]string {
	var out []map[string]string
	for _, ev := range f.Events() {
		if ev.Type != "polity."+module {
			continue
		}
		attrs := map[string]string{}
		for _, a := range ev.Attributes {
			attrs[a.Key] = a.Value
		}
		if action == "" || attrs["action"] == action {
			out = append(out, attrs)
		}
	}
	return out
}
