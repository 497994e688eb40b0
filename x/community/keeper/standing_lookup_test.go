package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// TestBoardSeatOf checks the seat lookup other modules use: a director's seat,
// a liaison's (non-voting) seat, and none for a member or once vacated.
func TestBoardSeatOf(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	seatOf := func(name string) (types.BoardSeat, bool) {
		seat, held, err := f.Keeper.BoardSeatOf(f.Ctx, addr(name))
		require.NoError(t, err)
		return seat, held
	}
	seat, held := seatOf("director-dev")
	require.True(t, held)
	require.Equal(t, uint64(seatDev), seat.Id)
	require.True(t, seat.Voting)
	require.Equal(t, "dev", seat.AppointingCommunity)

	seat, held = seatOf("gov-chair")
	require.True(t, held)
	require.Equal(t, uint64(seatGov), seat.Id)
	require.False(t, seat.Voting, "a liaison seat has no vote")

	_, held = seatOf("dev-member")
	require.False(t, held)
	vacate(f, seatDev)
	_, held = seatOf("director-dev")
	require.False(t, held)

	all, err := f.Keeper.AllSeats(f.Ctx)
	require.NoError(t, err)
	require.Len(t, all, nextSeat-1)
	for i, s := range all {
		require.Equal(t, uint64(i+1), s.Id, "in id order")
	}
	require.Empty(t, all[seatDev-1].Holder)
}

// TestHasRole checks role lookups per community.
func TestHasRole(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	has := func(community, who string, role types.Role) bool {
		ok, err := f.Keeper.HasRole(f.Ctx, community, addr(who), role)
		require.NoError(t, err)
		return ok
	}
	require.True(t, has("dev", "dev-chair", types.RoleChair))
	require.False(t, has("dev", "dev-member", types.RoleChair))
	require.False(t, has("ops", "dev-chair", types.RoleChair), "a role is per community")
	require.False(t, has("dev", "outsider", types.RoleMember))
	require.False(t, has("nowhere", "dev-chair", types.RoleChair))
}

// TestDecisionalParticipants checks the list the Empowered Community counts:
// the flagged communities in id order, following a change of the flag.
func TestDecisionalParticipants(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	ids := func() []string {
		cs, err := f.Keeper.DecisionalParticipants(f.Ctx)
		require.NoError(t, err)
		var out []string
		for _, c := range cs {
			require.True(t, c.DecisionalParticipant)
			out = append(out, c.Id)
		}
		return out
	}
	require.Equal(t, []string{"dev", "fin", "gov", "ops", "users"}, ids())
	f.MustDeliver(&types.MsgSetDecisionalParticipant{Authority: f.Authority, CommunityId: "security", Decisional: true})
	require.Equal(t, []string{"dev", "fin", "gov", "ops", "security", "users"}, ids())
}

// TestBoardQuorate checks the caretaker threshold: the Board is quorate while
// at least half its voting seats are filled; liaison vacancies do not count.
func TestBoardQuorate(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	quorate := func() bool {
		ok, err := f.Keeper.BoardQuorate(f.Ctx)
		require.NoError(t, err)
		return ok
	}
	require.True(t, quorate(), "seven of seven voting seats")
	vacate(f, seatGov)
	require.True(t, quorate(), "a liaison seat carries no vote")
	for _, seat := range []uint64{1, 2, 3} {
		vacate(f, seat)
	}
	require.True(t, quorate(), "four of seven")
	vacate(f, 4)
	require.False(t, quorate(), "three of seven")
}
