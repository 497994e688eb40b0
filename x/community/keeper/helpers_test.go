package keeper_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"

	errorsmod "cosmossdk.io/errors"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// Short names for the test constitution's keys and bodies.
var (
	addr = keepertest.Addr
	body = keepertest.BodyAuthority
)

// requireModuleErr checks that err is the registered error target of the
// x/community codespace, so clients see a stable code rather than code 1.
func requireModuleErr(t *testing.T, err error, target *errorsmod.Error) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, target)
	codespace, code, _ := errorsmod.ABCIInfo(err, false)
	require.Equal(t, types.ModuleName, codespace, "error %v", err)
	require.Equal(t, target.ABCICode(), code, "error %v", err)
}

// requireFailsUnchanged delivers msg through the router on the block's own
// store (no transaction cache), and checks both the registered error and
// that the exported state did not change: a handler must check before it
// writes.
func requireFailsUnchanged(t *testing.T, f *keepertest.Fixture, msg sdk.Msg, target *errorsmod.Error) {
	t.Helper()
	before := f.ExportJSON()
	handler := f.Router.Handler(msg)
	require.NotNil(t, handler)
	_, err := handler(f.Ctx, msg)
	requireModuleErr(t, err, target)
	require.JSONEq(t, string(before), string(f.ExportJSON()), "a failing %s changed the state", sdk.MsgTypeURL(msg))
}

// requireDeliverFails delivers msg as a transaction would (in a cache that is
// dropped on failure) and checks the registered error and the unchanged state.
func requireDeliverFails(t *testing.T, f *keepertest.Fixture, msg sdk.Msg, target *errorsmod.Error) {
	t.Helper()
	before := f.ExportJSON()
	_, err := f.Deliver(msg)
	requireModuleErr(t, err, target)
	require.JSONEq(t, string(before), string(f.ExportJSON()))
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

// plainEvents returns the attributes of every "polity.community" companion
// event of the block as maps.
func plainEvents(f *keepertest.Fixture) []map[string]string {
	var out []map[string]string
	for _, ev := range f.Events() {
		if ev.Type != "polity."+types.ModuleName {
			continue
		}
		attrs := map[string]string{}
		for _, a := range ev.Attributes {
			attrs[a.Key] = a.Value
		}
		out = append(out, attrs)
	}
	return out
}

// plainEvent returns the companion event with the given action.
func plainEvent(t *testing.T, f *keepertest.Fixture, action string) map[string]string {
	t.Helper()
	for _, attrs := range plainEvents(f) {
		if attrs["action"] == action {
			return attrs
		}
	}
	require.Failf(t, "missing event", "no polity.community event with action=%s", action)
	return nil
}

// admitMsg is a MsgAdmitMember signed by the community's body.
func admitMsg(community string, who sdk.AccAddress, roles ...types.Role) *types.MsgAdmitMember {
	return &types.MsgAdmitMember{Authority: body(community), CommunityId: community, Address: who.String(), Roles: roles}
}

// devVoters are the two genesis members of "dev".
func devVoters() []sdk.AccAddress { return []sdk.AccAddress{addr("dev-chair"), addr("dev-member")} }
