package keeper_test

import (
	"strings"
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// Seats of the test constitution, numbered in community order: one voting
// seat each for dev, ops, fin and users, liaison seats for gov, security and
// standards, three NomCom voting seats. Every seat is held; the voting
// directors cover all five regions, at most two from one region.
const (
	seatDev     = 1
	seatGov     = 5
	seatNomcom1 = 8 // director-nomcom-1, the only director from Africa
	seatNomcom2 = 9
	nextSeat    = 11
)

// appointMsg is a MsgAppointDirector signed by the seat's appointing body.
func appointMsg(community string, seat uint64, who string, region types.Region) *types.MsgAppointDirector {
	return &types.MsgAppointDirector{Authority: body(community), SeatId: seat, Director: addr(who).String(), Region: region}
}

// vacate vacates a seat by its appointing community's decision.
func vacate(f *keepertest.Fixture, seat uint64) {
	f.MustDeliver(vacateMsg(f, seat))
}

// vacateMsg is a MsgVacateSeat signed by the seat's appointing community.
func vacateMsg(f *keepertest.Fixture, seat uint64) *types.MsgVacateSeat {
	s, err := f.Keeper.GetSeat(f.Ctx, seat)
	if err != nil {
		panic(err)
	}
	return &types.MsgVacateSeat{Authority: body(s.AppointingCommunity), SeatId: seat, Reason: "test"}
}

// TestAppointDirectorRules checks every Board bylaw enforced on appointment.
func TestAppointDirectorRules(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	vacate(f, seatNomcom1) // Africa is now uncovered; the Board has one vacancy

	tests := []struct {
		name string
		msg  *types.MsgAppointDirector
		err  *errorsmod.Error
	}{
		{"another body signs", appointMsg("dev", seatNomcom1, "newcomer", types.RegionAfrica), types.ErrUnauthorized},
		{"governance signs", &types.MsgAppointDirector{Authority: f.Authority, SeatId: seatNomcom1, Director: addr("newcomer").String(), Region: types.RegionAfrica}, types.ErrUnauthorized},
		{"unknown seat", appointMsg("nomcom", 99, "newcomer", types.RegionAfrica), types.ErrSeatNotFound},
		{"bad director address", &types.MsgAppointDirector{Authority: body("nomcom"), SeatId: seatNomcom1, Director: "polity1bad"}, types.ErrInvalidAddress},
		{"seat occupied", appointMsg("nomcom", seatNomcom2, "newcomer", types.RegionAfrica), types.ErrSeatOccupied},
		{"one seat per person", appointMsg("nomcom", seatNomcom1, "director-dev", types.RegionEurope), types.ErrOneSeatPerPerson},
		// Asia-Pacific already has two voting directors, the constitution's cap.
		{"region cap", appointMsg("nomcom", seatNomcom1, "newcomer", types.RegionAsiaPacific), types.ErrRegionalDiversity},
		// Filling the last seat from Europe would leave Africa uncovered.
		{"full board misses a region", appointMsg("nomcom", seatNomcom1, "newcomer", types.RegionEurope), types.ErrRegionalDiversity},
		{"voting director without region", appointMsg("nomcom", seatNomcom1, "newcomer", types.RegionUnspecified), types.ErrInvalidAttribute},
		{"represents another community", appointMsg("nomcom", seatNomcom1, "dev-chair", types.RegionEurope), types.ErrRepresentsOther},
		// gov-member is on record in Asia-Pacific.
		{"attribute conflict", appointMsg("nomcom", seatNomcom1, "gov-member", types.RegionAfrica), types.ErrAttributeConflict},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireDeliverFails(t, f, tc.msg, tc.err)
		})
	}

	f.NextBlock(0)
	f.MustDeliver(appointMsg("nomcom", seatNomcom1, "newcomer", types.RegionAfrica))
	seat, err := f.Keeper.GetSeat(f.Ctx, seatNomcom1)
	require.NoError(t, err)
	require.Equal(t, addr("newcomer").String(), seat.Holder)
	require.Equal(t, f.Now(), seat.TermStart)
	require.Equal(t, f.Now().Add(types.DefaultParams().Board.TermDuration), seat.TermEnd)
	require.Equal(t, f.Ctx.BlockHeight(), seat.AppointedHeight)
	expiring, err := f.Keeper.SeatExpiry.Has(f.Ctx, expiryKey(seat))
	require.NoError(t, err)
	require.True(t, expiring, "the term's end is queued")
	record, err := f.Keeper.Directors.Get(f.Ctx, addr("newcomer"))
	require.NoError(t, err)
	first := types.Audit{CreatedHeight: f.Ctx.BlockHeight(), CreatedAt: f.Now(), UpdatedHeight: f.Ctx.BlockHeight(), UpdatedAt: f.Now()}
	require.Equal(t, types.DirectorRecord{Address: addr("newcomer").String(), ConsecutiveTerms: 1, TotalTerms: 1, LastTermEnd: seat.TermEnd, Audit: first}, record)
	board, err := f.QueryServer.Board(f.Ctx, &types.QueryBoardRequest{})
	require.NoError(t, err)
	require.Equal(t, uint64(7), board.Stats.TotalWeight)
	require.Zero(t, board.VacantVotingSeats)
	require.Equal(t, types.RegionCount{Region: types.RegionAfrica, VotingDirectors: 1}, board.Regions[0])
	ev := requireEvent[*types.EventDirectorAppointed](t, f)
	require.Equal(t, "nomcom", ev.AppointingCommunity)
	require.True(t, ev.Voting)
}

// TestAppointLiaisonNeedsNoRegion checks that the regional rules apply to
// voting seats only.
func TestAppointLiaisonNeedsNoRegion(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	vacate(f, seatGov)
	f.MustDeliver(appointMsg("gov", seatGov, "gov-member", types.RegionUnspecified))
	board, err := f.QueryServer.Board(f.Ctx, &types.QueryBoardRequest{})
	require.NoError(t, err)
	require.Equal(t, uint64(7), board.Stats.TotalWeight, "liaisons do not vote")
	require.Equal(t, uint64(10), board.Stats.MemberCount)
}

// TestVacateSeat checks who may end a term early and what vacating undoes.
func TestVacateSeat(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	tests := []struct {
		name string
		msg  *types.MsgVacateSeat
		err  *errorsmod.Error
	}{
		{"another community", &types.MsgVacateSeat{Authority: body("ops"), SeatId: seatDev}, types.ErrUnauthorized},
		{"the director", &types.MsgVacateSeat{Authority: addr("director-dev").String(), SeatId: seatDev}, types.ErrUnauthorized},
		{"the board", &types.MsgVacateSeat{Authority: body(types.BoardBodyID), SeatId: seatDev}, types.ErrUnauthorized},
		// a Board majority's resolution executes with the governance address:
		// it must not unseat the directors other bodies appointed
		{"governance (a Board resolution)", &types.MsgVacateSeat{Authority: f.Authority, SeatId: seatDev}, types.ErrUnauthorized},
		{"governance, a NomCom seat", &types.MsgVacateSeat{Authority: f.Authority, SeatId: seatNomcom2}, types.ErrUnauthorized},
		{"unknown seat", &types.MsgVacateSeat{Authority: body("dev"), SeatId: 99}, types.ErrSeatNotFound},
		{"reason too long", &types.MsgVacateSeat{Authority: body("dev"), SeatId: seatDev, Reason: strings.Repeat("r", 1001)}, types.ErrTextTooLong},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, tc.msg, tc.err)
		})
	}

	f.NextBlock(0)
	seat, err := f.Keeper.GetSeat(f.Ctx, seatDev)
	require.NoError(t, err)
	f.MustDeliver(&types.MsgVacateSeat{Authority: body("dev"), SeatId: seatDev, Reason: "recalled"})
	ev := requireEvent[*types.EventSeatVacated](t, f)
	require.Equal(t, types.EventSeatVacated{SeatId: seatDev, FormerHolder: addr("director-dev").String(), AppointingCommunity: "dev", Reason: "recalled"}, *ev)
	after, err := f.Keeper.GetSeat(f.Ctx, seatDev)
	require.NoError(t, err)
	require.Empty(t, after.Holder)
	held, err := f.Keeper.SeatHolders.Has(f.Ctx, addr("director-dev"))
	require.NoError(t, err)
	require.False(t, held)
	queued, err := f.Keeper.SeatExpiry.Has(f.Ctx, expiryKey(seat))
	require.NoError(t, err)
	require.False(t, queued, "the expiry entry is dropped")
	record, err := f.Keeper.Directors.Get(f.Ctx, addr("director-dev"))
	require.NoError(t, err)
	require.Equal(t, f.Now(), record.LastTermEnd, "the term ended now")
	stats, err := f.Keeper.GetBodyStats(f.Ctx, types.BoardBodyID)
	require.NoError(t, err)
	require.Equal(t, uint64(6), stats.TotalWeight)
	europe, err := f.Keeper.RegionCounts.Get(f.Ctx, int32(types.RegionEurope))
	require.NoError(t, err)
	require.Zero(t, europe)

	requireFailsUnchanged(t, f, &types.MsgVacateSeat{Authority: body("dev"), SeatId: seatDev}, types.ErrSeatVacant)
	// The Empowered Community may vacate a NomCom seat (removal, recall).
	f.MustDeliver(&types.MsgVacateSeat{Authority: body(types.EmpoweredBodyID), SeatId: seatNomcom2})
}
