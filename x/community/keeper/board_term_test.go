package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// expiryKey is a seat's entry in the term-expiry queue.
func expiryKey(seat types.BoardSeat) collectionsPairTime {
	return joinTime(seat.TermEnd, seat.Id)
}

// shortTerms sets hour-long terms, one consecutive term and a day's cooling-off.
func shortTerms(t *testing.T, f *keepertest.Fixture) types.BoardRules {
	t.Helper()
	params, err := f.Keeper.GetParams(f.Ctx)
	require.NoError(t, err)
	params.Board.TermDuration = time.Hour
	params.Board.MaxConsecutiveTerms = 1
	params.Board.CoolingOffPeriod = 24 * time.Hour
	f.MustDeliver(&types.MsgUpdateParams{Authority: f.Authority, Params: params})
	return params.Board
}

// TestTermExpiryThroughEndBlock checks that EndBlock vacates a seat when its
// term ends (SeatExpiry queue), and not before.
func TestTermExpiryThroughEndBlock(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	shortTerms(t, f)
	vacate(f, seatNomcom1)
	f.MustDeliver(appointMsg("nomcom", seatNomcom1, "newcomer", types.RegionAfrica))

	f.NextBlock(30 * time.Minute)
	f.EndBlock()
	seat, err := f.Keeper.GetSeat(f.Ctx, seatNomcom1)
	require.NoError(t, err)
	require.Equal(t, addr("newcomer").String(), seat.Holder, "the term is not over")
	require.Empty(t, typedEvents[*types.EventSeatVacated](t, f.Events()))

	f.NextBlock(30 * time.Minute)
	f.EndBlock()
	seat, err = f.Keeper.GetSeat(f.Ctx, seatNomcom1)
	require.NoError(t, err)
	require.Empty(t, seat.Holder)
	ev := requireEvent[*types.EventSeatVacated](t, f)
	require.Equal(t, "term_ended", ev.Reason)
	require.Equal(t, addr("newcomer").String(), ev.FormerHolder)
	require.Equal(t, "seat_vacated", plainEvent(t, f, "seat_vacated")["action"])

	// Genesis directors serve three-year terms: untouched.
	other, err := f.Keeper.GetSeat(f.Ctx, seatNomcom2)
	require.NoError(t, err)
	require.NotEmpty(t, other.Holder)
}

// TestTermLimit checks that a director cannot serve more consecutive terms
// than the bylaws allow, unless they have been off the Board for the
// cooling-off period.
func TestTermLimit(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	rules := shortTerms(t, f)
	vacate(f, seatNomcom1)
	f.MustDeliver(appointMsg("nomcom", seatNomcom1, "newcomer", types.RegionAfrica))
	f.NextBlock(rules.TermDuration)
	f.EndBlock()

	again := appointMsg("nomcom", seatNomcom1, "newcomer", types.RegionAfrica)
	requireDeliverFails(t, f, again, types.ErrTermLimit)
	f.NextBlock(rules.CoolingOffPeriod - time.Second)
	requireDeliverFails(t, f, again, types.ErrTermLimit)

	f.NextBlock(time.Second)
	f.MustDeliver(again)
	record, err := f.Keeper.Directors.Get(f.Ctx, addr("newcomer"))
	require.NoError(t, err)
	require.Equal(t, uint32(1), record.ConsecutiveTerms, "the cooling-off period resets the count")
	require.Equal(t, uint32(2), record.TotalTerms)
}

// TestTermLimitCountsEarlyVacancy checks that a vacated seat ends the term
// at once, so the cooling-off period runs from the vacancy.
func TestTermLimitCountsEarlyVacancy(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	rules := shortTerms(t, f)
	vacate(f, seatNomcom1)
	f.MustDeliver(appointMsg("nomcom", seatNomcom1, "newcomer", types.RegionAfrica))
	f.NextBlock(time.Minute)
	vacate(f, seatNomcom1)
	f.NextBlock(rules.CoolingOffPeriod)
	f.MustDeliver(appointMsg("nomcom", seatNomcom1, "newcomer", types.RegionAfrica))
}

// TestSeatAllocationChanges checks that allocation changes create and retire
// seats, never retire an occupied one, and keep the Board's regional rules.
func TestSeatAllocationChanges(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	alloc := func(community string, voting, liaison, delegates uint32, share string) *types.MsgSetSeatAllocation {
		return &types.MsgSetSeatAllocation{Authority: f.Authority, CommunityId: community, Seats: types.SeatAllocation{
			VotingBoardSeats: voting, LiaisonBoardSeats: liaison, NomcomDelegates: delegates, ValidatorPowerShare: share,
		}}
	}
	votingSeats := func() uint32 {
		n, err := f.Keeper.VotingSeats.Get(f.Ctx)
		require.NoError(t, err)
		return n
	}
	require.Equal(t, uint32(7), votingSeats())

	f.MustDeliver(alloc("secretariat", 1, 0, 0, "0.25"))
	created := requireEvent[*types.EventSeatCreated](t, f)
	require.Equal(t, types.EventSeatCreated{SeatId: nextSeat, AppointingCommunity: "secretariat", Voting: true}, *created)
	require.Equal(t, uint32(8), votingSeats())
	require.Equal(t, "secretariat", requireEvent[*types.EventSeatAllocationChanged](t, f).CommunityId)

	f.ResetEvents()
	f.MustDeliver(alloc("secretariat", 0, 0, 0, "0.25"))
	retired := requireEvent[*types.EventSeatRetired](t, f)
	require.Equal(t, uint64(nextSeat), retired.SeatId)
	require.Equal(t, uint32(7), votingSeats())
	seat, err := f.Keeper.GetSeat(f.Ctx, nextSeat)
	require.NoError(t, err)
	require.True(t, seat.Retired)
	requireDeliverFails(t, f, appointMsg("secretariat", nextSeat, "newcomer", types.RegionAfrica), types.ErrSeatRetired)

	// Occupied seats are never retired, voting or liaison.
	requireDeliverFails(t, f, alloc("dev", 0, 0, 1, "0.25"), types.ErrSeatOccupied)
	f.MustDeliver(alloc("gov", 0, 2, 0, "0.25"))
	requireDeliverFails(t, f, alloc("gov", 0, 0, 0, "0.25"), types.ErrSeatOccupied)
	f.MustDeliver(alloc("gov", 0, 1, 0, "0.25"))

	// Retiring the one vacant voting seat would fill the Board without a
	// director from Africa.
	vacate(f, seatNomcom1)
	requireDeliverFails(t, f, alloc("nomcom", 2, 0, 0, "0"), types.ErrRegionalDiversity)
}
