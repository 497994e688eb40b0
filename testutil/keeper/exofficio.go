package keeper

import (
	"testing"

	"github.com/polity-chain/polity/x/community/types"
)

// BoardDirectors are the test constitution's seven voting directors (seats
// 1-4 and 8-10): all of them voting yes passes any Board motion.
var BoardDirectors = []string{"director-dev", "director-ops", "director-fin", "director-users", "director-nomcom-1", "director-nomcom-2", "director-nomcom-3"}

// NewExOfficioFixture is NewConstitutionFixture with one more voting seat,
// ex officio (appointed by the Board itself) and, with outsideCap, outside
// the regional cap, vacant at genesis. It returns the fixture and the seat's
// id (11, after the constitution's ten seats).
func NewExOfficioFixture(tb testing.TB, outsideCap bool) (*Fixture, uint64) {
	tb.Helper()
	f := NewFixture(tb)
	res := BuildConstitution(tb, false)
	gs := res.Community
	id := gs.NextSeatId
	gs.Seats = append(gs.Seats, types.BoardSeat{
		Id: id, AppointingCommunity: types.BoardBodyID, Voting: true, ExOfficio: true, OutsideRegionalCap: outsideCap,
		Audit: types.Audit{CreatedAt: GenesisTime, UpdatedAt: GenesisTime},
	})
	gs.NextSeatId++
	f.InitGenesis(gs)
	f.InitProposalsGenesis(res.Proposals)
	f.InitReviewGenesis(res.Review)
	f.InitEmpoweredGenesis(res.Empowered)
	f.ResetEvents()
	return f, id
}
