package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// newAccountabilityFixture is the constitution loaded into every module, for
// tests whose proposals carry x/review messages.
func newAccountabilityFixture(t testing.TB) *keepertest.Fixture {
	t.Helper()
	return keepertest.NewConstitutionFixture(t)
}

// appointPanelist is a RESOLUTION-class message with a visible effect: the
// Board appoints "newcomer" to the standing panel.
func appointPanelist(f *keepertest.Fixture) *reviewtypes.MsgAppointPanelist {
	return &reviewtypes.MsgAppointPanelist{Authority: f.Authority, Address: addr("newcomer").String(), Name: "Newcomer"}
}

// panelistAppointed reports whether appointPanelist took effect.
func panelistAppointed(t *testing.T, f *keepertest.Fixture) bool {
	t.Helper()
	has, err := f.Review.Panelists.Has(f.Ctx, addr("newcomer"))
	require.NoError(t, err)
	return has
}

// vacate ends a director's term by the appointing community's decision.
func vacate(t *testing.T, f *keepertest.Fixture, name string) {
	t.Helper()
	seat, held, err := f.Keeper.BoardSeatOf(f.Ctx, addr(name))
	require.NoError(t, err)
	require.True(t, held, "%s holds a seat", name)
	f.MustDeliver(&communitytypes.MsgVacateSeat{Authority: body(seat.AppointingCommunity), SeatId: seat.Id, Reason: "test"})
}

// retireSeat vacates a NomCom director's seat and retires it by a seat
// allocation bylaw: the Board then has six voting seats, so that three yes
// votes pass a majority-of-all-seats rule only at the end of the vote (a tie
// with the remaining votes is not a certain pass).
func retireSeat(t *testing.T, f *keepertest.Fixture, name string) {
	t.Helper()
	vacate(t, f, name)
	c, err := f.Keeper.GetCommunity(f.Ctx, "nomcom")
	require.NoError(t, err)
	seats := c.Seats
	seats.VotingBoardSeats--
	f.MustDeliver(&communitytypes.MsgSetSeatAllocation{Authority: f.Authority, CommunityId: "nomcom", Seats: seats})
	w, err := f.Keeper.ElectorateWeight(f.Ctx, communitytypes.BoardBodyID)
	require.NoError(t, err)
	require.Equal(t, uint64(6), w)
}

// throughChallenge checks that a proposal the Board approved sits in its
// challenge window (EC_REVIEW until the window's end) and advances to that
// end; it returns the proposal, executed unless held.
func throughChallenge(t *testing.T, f *keepertest.Fixture, id uint64) types.Proposal {
	t.Helper()
	p := f.GetProposal(id)
	require.Equal(t, types.StatusECReview, p.Status, p.Note)
	require.Equal(t, p.BoardDecidedTime.Add(p.Rule.EcPeriod).Truncate(time.Second), p.Deadline, "the window runs from the Board's decision")
	require.Equal(t, types.ECRejectionWindow, p.Rule.EcTreatment)
	f.Advance(p.Deadline.Sub(f.Now()))
	return f.GetProposal(id)
}
