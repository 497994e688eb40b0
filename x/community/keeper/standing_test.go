package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// TestHasStanding checks who may send more than open-door messages: members,
// seat holders and operators of active validators, and nobody else.
func TestHasStanding(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	standing := func(who sdk.AccAddress) bool {
		ok, err := f.Keeper.HasStanding(f.Ctx, who)
		require.NoError(t, err)
		return ok
	}
	require.True(t, standing(addr("dev-member")), "a member")
	require.True(t, standing(addr("director-dev")), "a director without membership")
	require.False(t, standing(addr("outsider")))

	// An operator with no other role has standing while the validator is active.
	operator := addr("operator")
	msg := admitValidatorMsg(t, "gov", "gov-node", 10)
	msg.Operator = operator.String()
	f.MustDeliver(msg)
	require.True(t, standing(operator))
	f.MustDeliver(admitValidatorMsg(t, "secretariat", "secretariat-node", 10))
	f.MustDeliver(removeValidatorMsg("gov", "gov-node"))
	require.False(t, standing(operator), "a removed validator's operator")

	// Leaving every community ends a member's standing; the profile stays.
	f.MustDeliver(&types.MsgResign{Member: addr("gov-member").String(), CommunityId: "gov"})
	require.False(t, standing(addr("gov-member")))

	// A member of two communities keeps standing until leaving both.
	twice := addr("outsider")
	for _, c := range []string{"dev", "ops"} {
		f.MustDeliver(&types.MsgAdmitMember{Authority: keepertest.BodyAuthority(c), CommunityId: c, Address: twice.String(), Weight: 1})
	}
	require.True(t, standing(twice))
	f.MustDeliver(&types.MsgResign{Member: twice.String(), CommunityId: "dev"})
	require.True(t, standing(twice), "still a member of ops")
	f.MustDeliver(&types.MsgResign{Member: twice.String(), CommunityId: "ops"})
	require.False(t, standing(twice), "a member of no community")
	keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))

	fee, err := f.Keeper.OpenDoorMinFee(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, types.DefaultParams().OpenDoorMinFee, fee)
}

// TestNextCommunity checks the round robin over communities in id order:
// from the start, from an id, and wrapping around after the last.
func TestNextCommunity(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	next := func(after string) string {
		t.Helper()
		id, ok, err := f.Keeper.NextCommunity(f.Ctx, after)
		require.NoError(t, err)
		require.True(t, ok)
		return id
	}
	require.Equal(t, "dev", next(""), "the first community in id order")
	require.Equal(t, "fin", next("dev"))
	require.Equal(t, "gov", next("fin"))
	require.Equal(t, "users", next("standards"))
	require.Equal(t, "dev", next("users"), "after the last, the first again")
	require.Equal(t, "dev", next("zzz"), "an id past the last wraps around too")
}
