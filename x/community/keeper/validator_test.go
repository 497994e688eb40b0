package keeper_test

import (
	"strings"
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// packKey packs a consensus key, which must succeed.
func packKey(t *testing.T, pk cryptotypes.PubKey) *codectypes.Any {
	t.Helper()
	a, err := codectypes.NewAnyWithValue(pk)
	require.NoError(t, err)
	return a
}

// admitValidatorMsg admits the validator named node, run by the community's
// chair, with the community's authority.
func admitValidatorMsg(t *testing.T, community, node string, power int64) *types.MsgAdmitValidator {
	return &types.MsgAdmitValidator{
		Authority: body(community), CommunityId: community, Operator: addr(community + "-chair").String(),
		ConsensusPubkey: packKey(t, keepertest.ConsKey(node)), Moniker: node, Power: power,
	}
}

// removeValidatorMsg removes the validator named node with the community's authority.
func removeValidatorMsg(community, node string) *types.MsgRemoveValidator {
	return &types.MsgRemoveValidator{Authority: body(community), CommunityId: community, ConsensusAddress: keepertest.ConsAddr(node)}
}

// TestAdmitValidatorInput checks the authority and every stateless and
// stateful check on admission.
func TestAdmitValidatorInput(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	with := func(edit func(*types.MsgAdmitValidator)) *types.MsgAdmitValidator {
		msg := admitValidatorMsg(t, "gov", "gov-node", 10)
		edit(msg)
		return msg
	}
	tests := []struct {
		name string
		msg  *types.MsgAdmitValidator
		err  *errorsmod.Error
	}{
		{"another body signs", with(func(m *types.MsgAdmitValidator) { m.Authority = body("dev") }), types.ErrUnauthorized},
		{"governance signs", with(func(m *types.MsgAdmitValidator) { m.Authority = f.Authority }), types.ErrUnauthorized},
		{"unknown community", with(func(m *types.MsgAdmitValidator) { m.Authority, m.CommunityId = body("nowhere"), "nowhere" }), types.ErrCommunityNotFound},
		{"bad operator", with(func(m *types.MsgAdmitValidator) { m.Operator = "nope" }), types.ErrInvalidAddress},
		{"missing pubkey", with(func(m *types.MsgAdmitValidator) { m.ConsensusPubkey = nil }), types.ErrInvalidPubKey},
		{"secp256k1 pubkey", with(func(m *types.MsgAdmitValidator) {
			m.ConsensusPubkey = packKey(t, secp256k1.GenPrivKeyFromSecret([]byte("k")).PubKey())
		}), types.ErrInvalidPubKey},
		{"short ed25519 pubkey", with(func(m *types.MsgAdmitValidator) {
			m.ConsensusPubkey = packKey(t, &ed25519.PubKey{Key: []byte{1, 2, 3}})
		}), types.ErrInvalidPubKey},
		{"not a pubkey", with(func(m *types.MsgAdmitValidator) {
			m.ConsensusPubkey = f.Any(&types.MsgVote{Voter: addr("x").String()})
		}), types.ErrInvalidPubKey},
		{"moniker missing", with(func(m *types.MsgAdmitValidator) { m.Moniker = "" }), types.ErrRequired},
		{"moniker too long", with(func(m *types.MsgAdmitValidator) { m.Moniker = strings.Repeat("m", 129) }), types.ErrTextTooLong},
		{"zero power", with(func(m *types.MsgAdmitValidator) { m.Power = 0 }), types.ErrInvalidPower},
		{"negative power", with(func(m *types.MsgAdmitValidator) { m.Power = -5 }), types.ErrInvalidPower},
		{"power above max", with(func(m *types.MsgAdmitValidator) { m.Power = types.DefaultParams().MaxValidatorPower + 1 }), types.ErrInvalidPower},
		{"already active", admitValidatorMsg(t, "dev", "dev-node", 10), types.ErrValidatorExists},
		// dev would hold 20 of 50: above its 0.25 share.
		{"above the community's share", admitValidatorMsg(t, "dev", "dev-node-2", 10), types.ErrPowerCap},
		// security has no validator power share at all.
		{"community without a share", admitValidatorMsg(t, "security", "security-node", 1), types.ErrPowerCap},
		// gov would hold 20 of 60: one third.
		{"one third of the power", admitValidatorMsg(t, "gov", "gov-node", 20), types.ErrPowerCap},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, tc.msg, tc.err)
		})
	}
}

// TestAdmitValidator checks a successful admission: the record, the power
// counters, the pending update and the event.
func TestAdmitValidator(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	res := f.MustDeliver(admitValidatorMsg(t, "gov", "gov-node", 10))
	var resp types.MsgAdmitValidatorResponse
	require.NoError(t, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	require.Equal(t, keepertest.ConsAddr("gov-node"), resp.ConsensusAddress)

	v, err := f.QueryServer.Validator(f.Ctx, &types.QueryValidatorRequest{ConsensusAddress: resp.ConsensusAddress})
	require.NoError(t, err)
	require.Equal(t, types.ValidatorActive, v.Validator.Status)
	require.Equal(t, "gov", v.Validator.CommunityId)
	require.Equal(t, addr("gov-chair").String(), v.Validator.Operator)
	list, err := f.QueryServer.Validators(f.Ctx, &types.QueryValidatorsRequest{})
	require.NoError(t, err)
	require.Equal(t, int64(50), list.TotalPower)
	require.Contains(t, list.CommunityPowers, types.CommunityPower{CommunityId: "gov", Power: 10, Share: "0.200000000000000000"})
	ev := requireEvent[*types.EventValidatorAdmitted](t, f)
	require.Equal(t, types.EventValidatorAdmitted{ConsensusAddress: resp.ConsensusAddress, Operator: addr("gov-chair").String(), CommunityId: "gov", Moniker: "gov-node", Power: 10}, *ev)

	// The operator now has standing on the chain.
	standing, err := f.Keeper.HasStanding(f.Ctx, addr("gov-chair"))
	require.NoError(t, err)
	require.True(t, standing)
}

// TestRemoveValidator checks removal: only a community's own active
// validator, never the last one, and never one whose removal lifts another
// community to the cap.
func TestRemoveValidator(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	tests := []struct {
		name string
		msg  *types.MsgRemoveValidator
		err  *errorsmod.Error
	}{
		{"another body signs", &types.MsgRemoveValidator{Authority: body("ops"), CommunityId: "dev", ConsensusAddress: keepertest.ConsAddr("dev-node")}, types.ErrUnauthorized},
		{"another community's validator", &types.MsgRemoveValidator{Authority: body("ops"), CommunityId: "ops", ConsensusAddress: keepertest.ConsAddr("dev-node")}, types.ErrValidatorNotFound},
		{"unknown validator", removeValidatorMsg("dev", "nobody-node"), types.ErrValidatorNotFound},
		{"bad consensus address", &types.MsgRemoveValidator{Authority: body("dev"), CommunityId: "dev", ConsensusAddress: addr("x").String()}, types.ErrInvalidAddress},
		{"unknown community", &types.MsgRemoveValidator{Authority: body("nowhere"), CommunityId: "nowhere", ConsensusAddress: keepertest.ConsAddr("dev-node")}, types.ErrCommunityNotFound},
		// Three communities left with 10 each: each would hold one third.
		{"removal lifts the others to the cap", removeValidatorMsg("ops", "ops-node"), types.ErrPowerCap},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, tc.msg, tc.err)
		})
	}

	// With two more communities running validators, ops may leave: 50 power, 20% each.
	f.MustDeliver(admitValidatorMsg(t, "gov", "gov-node", 10))
	f.MustDeliver(admitValidatorMsg(t, "secretariat", "secretariat-node", 10))
	f.ResetEvents()
	f.MustDeliver(removeValidatorMsg("ops", "ops-node"))
	require.Equal(t, keepertest.ConsAddr("ops-node"), requireEvent[*types.EventValidatorRemoved](t, f).ConsensusAddress)
	v, err := f.QueryServer.Validator(f.Ctx, &types.QueryValidatorRequest{ConsensusAddress: keepertest.ConsAddr("ops-node")})
	require.NoError(t, err)
	require.Equal(t, types.ValidatorRemoved, v.Validator.Status, "removed validators stay on record")
	require.Zero(t, v.Validator.Power, "a removed validator holds no power")
	requireFailsUnchanged(t, f, removeValidatorMsg("ops", "ops-node"), types.ErrValidatorNotFound)
	list, err := f.QueryServer.Validators(f.Ctx, &types.QueryValidatorsRequest{})
	require.NoError(t, err)
	require.Equal(t, int64(50), list.TotalPower)
	for _, cp := range list.CommunityPowers {
		require.NotEqual(t, "ops", cp.CommunityId, "a community without power is not listed")
	}

	// A removed validator may be admitted again, keeping its creation stamp.
	f.NextBlock(0)
	f.MustDeliver(admitValidatorMsg(t, "ops", "ops-node", 10))
	again, err := f.QueryServer.Validator(f.Ctx, &types.QueryValidatorRequest{ConsensusAddress: keepertest.ConsAddr("ops-node")})
	require.NoError(t, err)
	require.Equal(t, types.ValidatorActive, again.Validator.Status)
	require.Zero(t, again.Validator.Audit.CreatedHeight)
	require.Equal(t, f.Ctx.BlockHeight(), again.Validator.Audit.UpdatedHeight)
}

// TestLastValidatorCannotLeave checks that the validator set never empties,
// even in bootstrap mode where the cap is off.
func TestLastValidatorCannotLeave(t *testing.T) {
	f := keepertest.NewFixture(t)
	f.InitGenesis(keepertest.Constitution(t, true))
	for _, c := range keepertest.ValidatorCommunities[1:] {
		f.MustDeliver(removeValidatorMsg(c, c+"-node"))
	}
	requireFailsUnchanged(t, f, removeValidatorMsg("dev", "dev-node"), types.ErrEmptyValidatorSet)
}

// TestBootstrapSuspendsCap checks that bootstrap mode lets one community hold
// all the power, and that the flag shows in queries.
func TestBootstrapSuspendsCap(t *testing.T) {
	f := keepertest.NewFixture(t)
	f.InitGenesis(keepertest.Constitution(t, true))
	f.MustDeliver(admitValidatorMsg(t, "dev", "dev-node-2", 1000))
	f.MustDeliver(admitValidatorMsg(t, "security", "security-node", 5))
	list, err := f.QueryServer.Validators(f.Ctx, &types.QueryValidatorsRequest{})
	require.NoError(t, err)
	require.True(t, list.Bootstrap)
	require.Equal(t, int64(1045), list.TotalPower)
}

// TestSeatAllocationRespectsPower checks that a community's share cannot be
// cut below the power it already holds.
func TestSeatAllocationRespectsPower(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	cut := &types.MsgSetSeatAllocation{Authority: f.Authority, CommunityId: "dev", Seats: types.SeatAllocation{
		VotingBoardSeats: 1, NomcomDelegates: 1, ValidatorPowerShare: "0.2",
	}}
	requireDeliverFails(t, f, cut, types.ErrPowerCap)
	// NomCom delegates in office bound the allocation too.
	cut.Seats.ValidatorPowerShare, cut.Seats.NomcomDelegates = "0.25", 0
	requireDeliverFails(t, f, cut, types.ErrRoleLimit)
}
