package msgexec_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/baseapp"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	"github.com/cosmos/cosmos-sdk/testutil/testdata"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/msgexec"
)

// errTest is a registered error, to check that codes survive the executor.
var errTest = errorsmod.Register("msgexectest", 2, "test failure")

// router handles testdata.TestMsg the way baseapp's router does: the handler
// gets its own event manager and returns its events in the result. The
// message's first signer says what the handler does: "set:<k>" writes k and
// emits an event, "fail", "long" (a failure with a long text), "panic" and
// "oog" (out of gas).
type router struct{ key storetypes.StoreKey }

func (r router) Handler(msg sdk.Msg) baseapp.MsgServiceHandler {
	if _, ok := msg.(*testdata.TestMsg); !ok {
		return nil
	}
	return func(ctx sdk.Context, msg sdk.Msg) (*sdk.Result, error) {
		ctx = ctx.WithEventManager(sdk.NewEventManager())
		op := msg.(*testdata.TestMsg).Signers[0]
		switch {
		case strings.HasPrefix(op, "set:"):
			k := strings.TrimPrefix(op, "set:")
			ctx.KVStore(r.key).Set([]byte(k), []byte("v"))
			ctx.EventManager().EmitEvent(sdk.NewEvent("did", sdk.NewAttribute("key", k)))
		case op == "fail":
			return nil, errTest.Wrap("refused")
		case op == "long":
			return nil, errTest.Wrap(strings.Repeat("é", 1000))
		case op == "panic":
			panic("handler bug")
		case op == "oog":
			panic(storetypes.ErrorOutOfGas{Descriptor: "test"})
		}
		return sdk.WrapServiceResult(ctx, &testdata.TestMsg{}, nil)
	}
}

type fixture struct {
	ctx    sdk.Context
	key    storetypes.StoreKey
	router router
}

func setup() fixture {
	key := storetypes.NewKVStoreKey("test")
	ctx := testutil.DefaultContext(key, storetypes.NewTransientStoreKey("transient"))
	return fixture{ctx: ctx, key: key, router: router{key}}
}

func (f fixture) has(k string) bool { return f.ctx.KVStore(f.key).Has([]byte(k)) }

// didEvents are the keys of the handler events emitted into the caller's context.
func (f fixture) didEvents() []string {
	var keys []string
	for _, ev := range f.ctx.EventManager().Events() {
		if ev.Type == "did" {
			keys = append(keys, ev.Attributes[0].Value)
		}
	}
	return keys
}

func msg(op string) sdk.Msg { return &testdata.TestMsg{Signers: []string{op}} }

// TestRunSuccess checks that every write is kept and every handler event
// re-emitted, in order, with the hooks run inside the same cache context.
func TestRunSuccess(t *testing.T) {
	f := setup()
	var order []string
	hooks := msgexec.Hooks{
		Before: func(c sdk.Context) error {
			c.KVStore(f.key).Set([]byte("running"), []byte{1})
			order = append(order, "before")
			return nil
		},
		After: func(c sdk.Context) error {
			require.True(t, c.KVStore(f.key).Has([]byte("b")), "After sees the messages' writes")
			c.KVStore(f.key).Delete([]byte("running"))
			order = append(order, "after")
			return nil
		},
	}
	res, err := msgexec.Run(f.ctx, f.router, []sdk.Msg{msg("set:a"), msg("set:b")}, hooks)
	require.NoError(t, err)
	require.Len(t, res, 2)
	require.True(t, f.has("a") && f.has("b"))
	require.False(t, f.has("running"), "what After cleared is not written")
	require.Equal(t, []string{"a", "b"}, f.didEvents())
	require.Equal(t, []string{"before", "after"}, order)
}

// TestRunFailureWritesNothing checks that one failing message leaves no write
// and no event of the others, and that the error keeps its code and position.
func TestRunFailureWritesNothing(t *testing.T) {
	f := setup()
	_, err := msgexec.Run(f.ctx, f.router, []sdk.Msg{msg("set:a"), msg("fail"), msg("set:c")}, msgexec.Hooks{
		Before: func(c sdk.Context) error { c.KVStore(f.key).Set([]byte("running"), []byte{1}); return nil },
	})
	require.ErrorIs(t, err, errTest)
	require.ErrorContains(t, err, "message 1 (/testpb.TestMsg): refused")
	_, code, _ := errorsmod.ABCIInfo(err, false)
	require.Equal(t, errTest.ABCICode(), code, "the handler's ABCI code survives")
	require.False(t, f.has("a") || f.has("c") || f.has("running"))
	require.Empty(t, f.didEvents())
}

// TestRunHookFailure checks that a hook's error fails the run.
func TestRunHookFailure(t *testing.T) {
	f := setup()
	boom := errors.New("boom")
	_, err := msgexec.Run(f.ctx, f.router, []sdk.Msg{msg("set:a")}, msgexec.Hooks{After: func(sdk.Context) error { return boom }})
	require.ErrorIs(t, err, boom)
	require.False(t, f.has("a"))
	require.Empty(t, f.didEvents())
}

// TestRunPanic checks that a handler panic is an error and leaves nothing.
func TestRunPanic(t *testing.T) {
	f := setup()
	_, err := msgexec.Run(f.ctx, f.router, []sdk.Msg{msg("set:a"), msg("panic")}, msgexec.Hooks{})
	require.ErrorContains(t, err, "message 1 (/testpb.TestMsg): panic: handler bug")
	require.False(t, f.has("a"))

	_, err = msgexec.Dispatch(f.ctx, f.router, msg("panic"))
	require.EqualError(t, err, "panic: handler bug")
}

// TestRunOutOfGas checks that running out of gas is re-raised, to fail the
// transaction that ran out rather than be recorded as the decision's failure.
func TestRunOutOfGas(t *testing.T) {
	f := setup()
	require.PanicsWithValue(t, storetypes.ErrorOutOfGas{Descriptor: "test"}, func() {
		_, _ = msgexec.Run(f.ctx, f.router, []sdk.Msg{msg("set:a"), msg("oog")}, msgexec.Hooks{})
	})
	require.False(t, f.has("a"))
	require.PanicsWithValue(t, storetypes.ErrorOutOfGas{Descriptor: "test"}, func() {
		_, _ = msgexec.Dispatch(f.ctx, f.router, msg("oog"))
	})
}

// TestBoundedErrorText checks that a long failure is cut to MaxErrorText
// bytes of valid UTF-8, and still matches its registered error.
func TestBoundedErrorText(t *testing.T) {
	f := setup()
	_, err := msgexec.Run(f.ctx, f.router, []sdk.Msg{msg("long")}, msgexec.Hooks{})
	require.ErrorIs(t, err, errTest)
	require.LessOrEqual(t, len(err.Error()), msgexec.MaxErrorText)
	require.True(t, strings.HasPrefix(err.Error(), "message 0 (/testpb.TestMsg): "))
	require.NotContains(t, err.Error(), "\uFFFD")

	_, err = msgexec.Dispatch(f.ctx, f.router, msg("long"))
	require.ErrorIs(t, err, errTest)
	require.LessOrEqual(t, len(err.Error()), msgexec.MaxErrorText)
}

// TestNoHandler checks the error for a message no module handles.
func TestNoHandler(t *testing.T) {
	f := setup()
	other := &testdata.MsgCreateDog{}
	_, err := msgexec.Run(f.ctx, f.router, []sdk.Msg{msg("set:a"), other}, msgexec.Hooks{})
	require.EqualError(t, err, "message 1: no handler for "+sdk.MsgTypeURL(other))
	require.False(t, f.has("a"))
	_, err = msgexec.Dispatch(f.ctx, f.router, other)
	require.EqualError(t, err, "no handler for "+sdk.MsgTypeURL(other))
}

// TestRunAny checks unpacking: messages run as Run's would, and one that
// cannot be unpacked fails the run at its position.
func TestRunAny(t *testing.T) {
	f := setup()
	reg := codectypes.NewInterfaceRegistry()
	testdata.RegisterInterfaces(reg)
	pack := func(m sdk.Msg) *codectypes.Any {
		a, err := codectypes.NewAnyWithValue(m)
		require.NoError(t, err)
		return a
	}
	_, err := msgexec.RunAny(f.ctx, f.router, reg, []*codectypes.Any{pack(msg("set:a")), pack(msg("set:b"))}, msgexec.Hooks{})
	require.NoError(t, err)
	require.Equal(t, []string{"a", "b"}, f.didEvents())

	bad := &codectypes.Any{TypeUrl: "/unknown.Msg", Value: []byte{1}}
	_, err = msgexec.RunAny(f.ctx, f.router, reg, []*codectypes.Any{pack(msg("set:c")), bad}, msgexec.Hooks{})
	require.ErrorContains(t, err, "message 1: ")
	require.False(t, f.has("c"))
}

// TestDispatch checks the single-message form: written and re-emitted on
// success, nothing on failure, the handler's error unprefixed.
func TestDispatch(t *testing.T) {
	f := setup()
	res, err := msgexec.Dispatch(f.ctx, f.router, msg("set:a"))
	require.NoError(t, err)
	require.NotNil(t, res)
	require.True(t, f.has("a"))
	require.Equal(t, []string{"a"}, f.didEvents())

	_, err = msgexec.Dispatch(f.ctx, f.router, msg("fail"))
	require.ErrorIs(t, err, errTest)
	require.EqualError(t, err, "refused: test failure")
}
