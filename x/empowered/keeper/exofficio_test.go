package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/types"
)

// TestExOfficioSeatRecalledWithTheBoard: the Empowered Community cannot
// remove the holder of an ex-officio seat on its own (ICANN: it removes
// individual directors "but not the President"; the Board's motion does),
// but its recall of the whole Board vacates that seat with every other
// voting seat.
func TestExOfficioSeatRecalledWithTheBoard(t *testing.T) {
	f, ceo := keepertest.NewExOfficioFixture(t, true)
	var directors []sdk.AccAddress
	for _, d := range keepertest.BoardDirectors[:5] { // a majority of the 8 seats
		directors = append(directors, addr(d))
	}
	appoint := &communitytypes.MsgAppointDirector{Authority: body(communitytypes.BoardBodyID), SeatId: ceo, Director: addr("president").String()}
	m := f.Pass(directors[0], communitytypes.BoardBodyID, directors, appoint)
	require.Equal(t, communitytypes.MotionStatusPassed, m.Status, m.FailureReason)
	require.Equal(t, addr("president").String(), seat(t, f, ceo).Holder)

	requireFailsUnchanged(t, f, keepertest.PetitionMsg("dev", types.PowerRemoveDirector, 0, ceo), types.ErrInvalidTarget)

	id := f.Escalate("dev", "ops", types.PowerRecallBoard, 0, 0)
	require.Equal(t, types.StageSucceeded, f.DecideAll(id, support, "dev", "fin", "gov", "users"))
	require.Empty(t, seat(t, f, ceo).Holder, "the recall vacates the ex-officio seat")
	for _, s := range votingSeats {
		require.Empty(t, seat(t, f, s).Holder, "seat %d", s)
	}
}
