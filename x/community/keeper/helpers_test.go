package keeper_test

import (
	"testing"

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
	keepertest.RequireModuleErr(t, err, target)
}

// state is what a failing x/community message must leave alone: its export.
func state(f *keepertest.Fixture) func() string {
	return func() string { return string(f.ExportJSON()) }
}

// requireFailsUnchanged runs msg's handler on the block's own store (no
// transaction cache) and checks the registered error and the unchanged
// state: a handler must check before it writes.
func requireFailsUnchanged(t *testing.T, f *keepertest.Fixture, msg sdk.Msg, target *errorsmod.Error) {
	t.Helper()
	f.RequireFailsUnchanged(t, msg, target, state(f))
}

// requireDeliverFails delivers msg as a transaction would (in a cache that is
// dropped on failure) and checks the registered error and the unchanged state.
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

// plainEvents returns the attributes of every "polity.community" companion
// event of the block as maps.
func plainEvents(f *keepertest.Fixture) []map[string]string {
	return f.PlainEvents(types.ModuleName, "")
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
