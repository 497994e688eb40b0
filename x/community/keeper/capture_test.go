package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// Capture paths of the Board (issue: accountability that cannot be
// captured). Each test drives the attack through real messages and checks it
// is refused and that nothing changed.

// nomcomVoters are the five members of the test constitution's NomCom.
func nomcomVoters() []string {
	return []string{"nomcom-chair", "dev-member", "ops-member", "fin-member", "users-member"}
}

// TestCaptureBoardMajorityCannotVacateSeats: a Board majority's resolution
// executes with the governance address, which may no longer end any
// director's term, so four directors cannot remove the three NomCom
// directors; nor can the Board body itself.
func TestCaptureBoardMajorityCannotVacateSeats(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	for _, seat := range []uint64{seatNomcom1, seatNomcom2, seatNomcom2 + 1} {
		requireFailsUnchanged(t, f, &types.MsgVacateSeat{Authority: f.Authority, SeatId: seat, Reason: "purge"}, types.ErrUnauthorized)
		requireFailsUnchanged(t, f, &types.MsgVacateSeat{Authority: body(types.BoardBodyID), SeatId: seat, Reason: "purge"}, types.ErrUnauthorized)
	}
}

// TestCaptureRemovalNeedsThreeQuartersOfAppointer: the appointing community
// removes its director only by three quarters of all its members, whatever
// its ordinary rule; a bare majority's motion fails at the end of its vote.
func TestCaptureRemovalNeedsThreeQuartersOfAppointer(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	remove := &types.MsgVacateSeat{Authority: body("nomcom"), SeatId: seatNomcom1, Reason: "removal"}
	id := f.MustSubmitMotion(addr("nomcom-chair"), "nomcom", remove)
	m := f.Motion(id)
	require.Equal(t, types.BasisAllMembers, m.Rule.Basis)
	require.Equal(t, "0.750000000000000000", m.Rule.Threshold)
	for _, v := range nomcomVoters()[:3] {
		f.MustVote(addr(v), id, types.OptionYes)
	}
	f.Advance(keepertest.VotingPeriod)
	require.Equal(t, types.MotionStatusRejected, f.Motion(id).Status, "3 of 5 is a majority, not three quarters")
	seat, err := f.Keeper.GetSeat(f.Ctx, seatNomcom1)
	require.NoError(t, err)
	require.NotEmpty(t, seat.Holder)

	id = f.MustSubmitMotion(addr("nomcom-chair"), "nomcom", remove)
	for _, v := range nomcomVoters()[:4] {
		f.MustVote(addr(v), id, types.OptionYes)
	}
	require.Equal(t, types.MotionStatusPassed, f.Executed(id).Status, "4 of 5 carries it")
	seat, err = f.Keeper.GetSeat(f.Ctx, seatNomcom1)
	require.NoError(t, err)
	require.Empty(t, seat.Holder)
}

// TestCaptureBoardThresholdsCountSeats: emptying seats does not lower what
// the remaining directors need; a Board motion counts every voting seat.
func TestCaptureBoardThresholdsCountSeats(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	for _, seat := range []uint64{seatNomcom1, seatNomcom2, seatNomcom2 + 1} {
		vacate(f, seat)
	}
	w, err := f.Keeper.ElectorateWeight(f.Ctx, types.BoardBodyID)
	require.NoError(t, err)
	require.Equal(t, uint64(7), w, "seven voting seats, three of them vacant")
	id := f.MustSubmitMotion(addr("director-dev"), types.BoardBodyID, &types.MsgSetBoardChair{Authority: body(types.BoardBodyID), Director: addr("director-dev").String()})
	m := f.Motion(id)
	require.Equal(t, uint64(7), m.EligibleWeight)
	for _, d := range []string{"director-dev", "director-ops", "director-fin"} {
		f.MustVote(addr(d), id, types.OptionYes)
	}
	f.Advance(keepertest.VotingPeriod)
	require.Equal(t, types.MotionStatusRejected, f.Motion(id).Status, "3 of 7 seats is no majority, though 3 of the 4 in office")
}

// TestMotionThresholdsFloor: the removal threshold cannot be lowered below
// two thirds, nor dropped.
func TestMotionThresholdsFloor(t *testing.T) {
	p := types.DefaultParams()
	p.MotionThresholds = []types.MessageThreshold{{MsgTypeUrl: types.VacateSeatTypeURL, Threshold: "0.5"}}
	require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
	p.MotionThresholds = nil
	require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
	p.MotionThresholds = []types.MessageThreshold{{MsgTypeUrl: types.VacateSeatTypeURL, Threshold: "0.8"}, {MsgTypeUrl: types.VacateSeatTypeURL, Threshold: "0.9"}}
	require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
	p.MotionThresholds = []types.MessageThreshold{{MsgTypeUrl: types.VacateSeatTypeURL, Threshold: "1"}}
	require.NoError(t, p.Validate())
}
