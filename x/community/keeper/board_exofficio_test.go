package keeper_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// directors are the test constitution's voting directors, the Board's voters.
func directors() []sdk.AccAddress {
	out := make([]sdk.AccAddress, 0, len(keepertest.BoardDirectors))
	for _, d := range keepertest.BoardDirectors {
		out = append(out, addr(d))
	}
	return out
}

// passBoard passes a Board motion carrying msgs with yes votes of the first
// n directors (the motion is decided at the vote that reaches its threshold).
func passBoard(t *testing.T, f *keepertest.Fixture, n int, msgs ...sdk.Msg) {
	t.Helper()
	m := f.Pass(addr("director-dev"), types.BoardBodyID, directors()[:n], msgs...)
	require.Equal(t, types.MotionStatusPassed, m.Status, m.FailureReason)
}

// ceoMsg appoints who to the ex-officio seat, signed by authority.
func ceoMsg(authority string, seat uint64, who string, region types.Region) *types.MsgAppointDirector {
	return &types.MsgAppointDirector{Authority: authority, SeatId: seat, Director: addr(who).String(), Region: region}
}

// TestExOfficioSeatFilledOnlyByBoard: an ex-officio seat (ICANN's President
// and CEO) is filled only by a motion of the Board: not by any community,
// not by governance (a ratified proposal), not by the Empowered Community,
// not by the candidate; and the Board's motion fills no community's seat.
// The Board removes the holder by its motion as well, a community cannot,
// and the Empowered Community's vacating of every voting seat (its recall
// of the Board) reaches the ex-officio seat too.
func TestExOfficioSeatFilledOnlyByBoard(t *testing.T) {
	f, ceo := keepertest.NewExOfficioFixture(t, true)
	board := body(types.BoardBodyID)
	tests := []struct {
		name string
		msg  sdk.Msg
		err  *errorsmod.Error
	}{
		{"a supporting community", ceoMsg(body("dev"), ceo, "new-ceo", types.RegionEurope), types.ErrUnauthorized},
		{"the NomCom", ceoMsg(body("nomcom"), ceo, "new-ceo", types.RegionEurope), types.ErrUnauthorized},
		{"governance (a ratified resolution)", ceoMsg(f.Authority, ceo, "new-ceo", types.RegionEurope), types.ErrUnauthorized},
		{"the Empowered Community", ceoMsg(body(types.EmpoweredBodyID), ceo, "new-ceo", types.RegionEurope), types.ErrUnauthorized},
		{"the candidate", ceoMsg(addr("new-ceo").String(), ceo, "new-ceo", types.RegionEurope), types.ErrUnauthorized},
		// the Board's own motion cannot reach a community's seat
		{"the Board into dev's seat", &types.MsgVacateSeat{Authority: board, SeatId: seatDev}, types.ErrUnauthorized},
		// a community's representative speaks for it and cannot hold the office
		{"a community's representative", ceoMsg(board, ceo, "dev-chair", types.RegionEurope), types.ErrRepresentsOther},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { requireFailsUnchanged(t, f, tc.msg, tc.err) })
	}
	seat, err := f.Keeper.GetSeat(f.Ctx, ceo)
	require.NoError(t, err)
	require.Empty(t, seat.Holder)

	// the Board's motion fills it
	f.NextBlock(0)
	passBoard(t, f, 5, ceoMsg(board, ceo, "new-ceo", types.RegionEurope)) // a majority of the 8 seats
	seat, err = f.Keeper.GetSeat(f.Ctx, ceo)
	require.NoError(t, err)
	require.Equal(t, addr("new-ceo").String(), seat.Holder)
	require.True(t, seat.ExOfficio)
	require.Equal(t, types.BoardBodyID, seat.AppointingCommunity)
	w, err := f.Keeper.ElectorateWeight(f.Ctx, types.BoardBodyID)
	require.NoError(t, err)
	require.Equal(t, uint64(8), w, "the ex-officio director votes")
	stats, err := f.Keeper.GetBodyStats(f.Ctx, types.BoardBodyID)
	require.NoError(t, err)
	require.Equal(t, uint64(8), stats.TotalWeight)

	// removal: not a community, not governance; the Board's motion does
	for _, authority := range []string{body("dev"), body("nomcom"), f.Authority} {
		requireFailsUnchanged(t, f, &types.MsgVacateSeat{Authority: authority, SeatId: ceo, Reason: "x"}, types.ErrUnauthorized)
	}
	// removing a director needs 3/4 of the body (motion_thresholds): 6 of 8
	passBoard(t, f, 6, &types.MsgVacateSeat{Authority: board, SeatId: ceo, Reason: "the Board replaces its President"},
		ceoMsg(board, ceo, "next-ceo", types.RegionAfrica))
	seat, err = f.Keeper.GetSeat(f.Ctx, ceo)
	require.NoError(t, err)
	require.Equal(t, addr("next-ceo").String(), seat.Holder, "one motion vacates and refills")

	// the Empowered Community's recall vacates every voting seat, this one too
	f.MustDeliver(&types.MsgVacateSeat{Authority: body(types.EmpoweredBodyID), SeatId: ceo, Reason: "recall"})
	seat, err = f.Keeper.GetSeat(f.Ctx, ceo)
	require.NoError(t, err)
	require.Empty(t, seat.Holder)
	keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))
}

// TestExOfficioSeatOutsideRegionalCap: the holder of a seat outside the
// regional cap counts neither toward max_voting_directors_per_region nor
// toward the coverage a full Board needs, and needs no region; the same
// ex-officio seat inside the cap is held to both rules.
func TestExOfficioSeatOutsideRegionalCap(t *testing.T) {
	board := body(types.BoardBodyID)
	region := func(f *keepertest.Fixture, r types.Region) uint32 {
		n, err := f.Keeper.RegionCounts.Get(f.Ctx, int32(r))
		if err != nil {
			return 0
		}
		return n
	}

	t.Run("outside the cap", func(t *testing.T) {
		f, ceo := keepertest.NewExOfficioFixture(t, true)
		// Asia-Pacific already has two voting directors, the test cap
		require.Equal(t, uint32(2), region(f, types.RegionAsiaPacific))
		f.MustDeliver(ceoMsg(board, ceo, "new-ceo", types.RegionAsiaPacific))
		require.Equal(t, uint32(2), region(f, types.RegionAsiaPacific), "the ex-officio director is not counted")
		keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))
		f.MustDeliver(&types.MsgVacateSeat{Authority: board, SeatId: ceo})
		require.Equal(t, uint32(2), region(f, types.RegionAsiaPacific), "nor uncounted")

		// no region needed
		f.MustDeliver(ceoMsg(board, ceo, "regionless-ceo", types.RegionUnspecified))

		// coverage: with the only African director gone, an African in
		// the ex-officio seat does not cover Africa for a full Board
		f.MustDeliver(&types.MsgVacateSeat{Authority: board, SeatId: ceo})
		f.MustDeliver(ceoMsg(board, ceo, "african-ceo", types.RegionAfrica))
		vacate(f, seatNomcom1)
		requireDeliverFails(t, f, appointMsg("nomcom", seatNomcom1, "newcomer", types.RegionEurope), types.ErrRegionalDiversity)
		f.MustDeliver(appointMsg("nomcom", seatNomcom1, "newcomer", types.RegionAfrica))
		keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))
	})

	t.Run("inside the cap", func(t *testing.T) {
		f, ceo := keepertest.NewExOfficioFixture(t, false)
		requireDeliverFails(t, f, ceoMsg(board, ceo, "new-ceo", types.RegionAsiaPacific), types.ErrRegionalDiversity)
		requireDeliverFails(t, f, ceoMsg(board, ceo, "new-ceo", types.RegionUnspecified), types.ErrInvalidAttribute)
		f.MustDeliver(ceoMsg(board, ceo, "new-ceo", types.RegionEurope))
		require.Equal(t, uint32(2), region(f, types.RegionEurope), "counted like any voting director")
		keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))
	})
}

// TestExOfficioSeatGenesis: an ex-officio seat survives export and import
// with its flags, and genesis refuses seats whose flags and appointing body
// disagree.
func TestExOfficioSeatGenesis(t *testing.T) {
	f, ceo := keepertest.NewExOfficioFixture(t, true)
	f.MustDeliver(ceoMsg(body(types.BoardBodyID), ceo, "new-ceo", types.RegionUnspecified))
	gs := f.Export()
	require.NoError(t, gs.Validate(f.AddressCodec, f.ConsensusCodec))
	var found bool
	for _, s := range gs.Seats {
		if s.Id == ceo {
			found = true
			require.True(t, s.ExOfficio)
			require.True(t, s.OutsideRegionalCap)
			require.Equal(t, addr("new-ceo").String(), s.Holder)
		}
	}
	require.True(t, found)
	g := keepertest.NewFixture(t)
	g.InitGenesis(gs)
	require.JSONEq(t, string(f.ExportJSON()), string(g.ExportJSON()))
	keepertest.RequireInvariantsHold(t, g.Ctx, keeper.InvariantRoutes(g.Keeper))

	for _, tc := range []struct {
		name string
		edit func(*types.BoardSeat)
		want string
	}{
		{"ex officio appointed by a community", func(s *types.BoardSeat) { s.AppointingCommunity = "dev" }, "must be \"board\""},
		{"the Board's seat not ex officio", func(s *types.BoardSeat) { s.ExOfficio = false }, "not ex officio"},
		{"a liaison outside the cap", func(s *types.BoardSeat) { s.Voting = false }, "only voting seats"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := f.Export()
			for i := range bad.Seats {
				if bad.Seats[i].Id == ceo {
					tc.edit(&bad.Seats[i])
				}
			}
			err := bad.Validate(f.AddressCodec, f.ConsensusCodec)
			require.ErrorContains(t, err, tc.want)
		})
	}
}
