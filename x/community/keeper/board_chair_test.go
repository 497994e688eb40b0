package keeper_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// chairMsg is a MsgSetBoardChair signed by the Board's body, as a passed
// Board motion would send it.
func chairMsg(director string) *types.MsgSetBoardChair {
	m := &types.MsgSetBoardChair{Authority: body(types.BoardBodyID)}
	if director != "" {
		m.Director = addr(director).String()
	}
	return m
}

// boardChair returns the Board chair ("" when vacant).
func boardChair(t *testing.T, f *keepertest.Fixture) string {
	t.Helper()
	chair, err := f.Keeper.GetBoardChair(f.Ctx)
	require.NoError(t, err)
	return chair
}

// TestSetBoardChairRefusals checks that only the Board's motion elects the
// chair, and only a voting director; nothing changes otherwise.
func TestSetBoardChairRefusals(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	require.Empty(t, boardChair(t, f), "no chair at genesis")
	byDev := chairMsg("director-dev")
	byDev.Authority = body("dev")
	byGovernance := chairMsg("director-dev")
	byGovernance.Authority = f.Authority
	badAddress := chairMsg("")
	badAddress.Director = "polity1nope"
	tests := []struct {
		name string
		msg  *types.MsgSetBoardChair
		err  *errorsmod.Error
	}{
		{"a community's motion", byDev, types.ErrUnauthorized},
		{"governance", byGovernance, types.ErrUnauthorized},
		{"the director itself", &types.MsgSetBoardChair{Authority: addr("director-dev").String(), Director: addr("director-dev").String()}, types.ErrUnauthorized},
		{"malformed address", badAddress, types.ErrInvalidAddress},
		{"a member without a seat", chairMsg("dev-member"), types.ErrSeatNotFound},
		{"a liaison (no vote)", chairMsg("gov-chair"), types.ErrSeatNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { requireFailsUnchanged(t, f, tc.msg, tc.err) })
	}
	require.Empty(t, boardChair(t, f))
}

// TestSetBoardChair checks the election, the change of chair and the
// vacancy, each with its event, and that the chair loses the office with the
// seat.
func TestSetBoardChair(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	f.ResetEvents()
	f.MustDeliver(chairMsg("director-ops"))
	require.Equal(t, addr("director-ops").String(), boardChair(t, f))
	require.Equal(t, types.EventBoardChairChanged{Chair: addr("director-ops").String()}, *requireEvent[*types.EventBoardChairChanged](t, f))

	// a NomCom director may chair too; the office moves
	f.ResetEvents()
	f.MustDeliver(chairMsg("director-nomcom-2"))
	require.Equal(t, addr("director-nomcom-2").String(), boardChair(t, f))
	requireEvent[*types.EventBoardChairChanged](t, f)

	// an empty director leaves the chair vacant
	f.ResetEvents()
	f.MustDeliver(chairMsg(""))
	require.Empty(t, boardChair(t, f))
	require.Equal(t, types.EventBoardChairChanged{}, *requireEvent[*types.EventBoardChairChanged](t, f))

	// vacating another director's seat leaves the chair alone
	f.MustDeliver(chairMsg("director-dev"))
	f.ResetEvents()
	vacate(f, seatNomcom1)
	require.Equal(t, addr("director-dev").String(), boardChair(t, f))
	require.Empty(t, typedEvents[*types.EventBoardChairChanged](t, f.Events()))

	// the chair's own seat vacated: the office is vacant, with an event
	f.ResetEvents()
	vacate(f, seatDev)
	require.Empty(t, boardChair(t, f))
	require.Equal(t, types.EventBoardChairChanged{}, *requireEvent[*types.EventBoardChairChanged](t, f))
	require.Empty(t, f.Export().BoardChair)

	// the former chair, now without a seat, cannot be elected again
	requireFailsUnchanged(t, f, chairMsg("director-dev"), types.ErrSeatNotFound)
}
