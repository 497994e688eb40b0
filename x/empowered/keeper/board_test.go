package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// The constitution's seats: one voting seat for each of dev, ops, fin and
// users (1-4), liaison seats for gov, security and standards (5-7), and
// three NomCom seats (8-10).
var (
	votingSeats  = []uint64{1, 2, 3, 4, 8, 9, 10}
	liaisonSeats = []uint64{5, 6, 7}
	// refills are who refills each voting seat after a recall: the same
	// directors, by their appointing bodies.
	refills = []struct {
		seat     uint64
		body     string
		director string
		region   communitytypes.Region
	}{
		{1, "dev", "director-dev", communitytypes.RegionEurope},
		{2, "ops", "director-ops", communitytypes.RegionNorthAmerica},
		{3, "fin", "director-fin", communitytypes.RegionAsiaPacific},
		{4, "users", "director-users", communitytypes.RegionLatinAmericaCaribbean},
		{8, "nomcom", "director-nomcom-1", communitytypes.RegionAfrica},
		{9, "nomcom", "director-nomcom-2", communitytypes.RegionAsiaPacific},
		{10, "nomcom", "director-nomcom-3", communitytypes.RegionNorthAmerica},
	}
)

// nomcomVoters are three of the NomCom's five members: enough to pass its motions.
var nomcomVoters = []sdk.AccAddress{addr("nomcom-chair"), addr("dev-member"), addr("ops-member")}

func seat(t *testing.T, f *keepertest.Fixture, id uint64) communitytypes.BoardSeat {
	t.Helper()
	return must(f.Keeper.GetSeat(f.Ctx, id))
}

func appointMsg(seatID uint64, body, director string, region communitytypes.Region) *communitytypes.MsgAppointDirector {
	return &communitytypes.MsgAppointDirector{Authority: keepertest.BodyAuthority(body), SeatId: seatID, Director: addr(director).String(), Region: region}
}

// TestRecallBoard checks a Board recall: four supports vacate every voting
// seat (liaisons stay); the Board is a caretaker that accepts only
// resolutions and technical proposals until half its voting seats are
// refilled by their appointing bodies' motions; the rebuilt Board decides.
func TestRecallBoard(t *testing.T) {
	f := newFixture(t)
	id := f.Escalate("dev", "ops", types.PowerRecallBoard, 0, 0)
	f.ResetEvents()
	require.Equal(t, types.StageSucceeded, f.DecideAll(id, support, "dev", "fin", "gov", "users"))
	vacated := typedEvents[*communitytypes.EventSeatVacated](t, f.Events())
	require.Len(t, vacated, len(votingSeats))
	for i, ev := range vacated {
		require.Equal(t, votingSeats[i], ev.SeatId)
		require.Contains(t, ev.Reason, "Empowered Community action 1 (POWER_RECALL_BOARD)")
	}
	for _, s := range votingSeats {
		require.Empty(t, seat(t, f, s).Holder, "seat %d", s)
	}
	for _, s := range liaisonSeats {
		require.NotEmpty(t, seat(t, f, s).Holder, "liaison seat %d", s)
	}
	require.False(t, must(f.Keeper.BoardQuorate(f.Ctx)))

	caretaker := func(originator string, kind proposalstypes.ProposalKind) {
		t.Helper()
		proposer := communitytypes.BodyAddress(originator)
		_, err := f.SubmitProposal(f.ProposalMsg(proposer, originator, kind))
		requireModuleErr(t, err, proposalstypes.ErrCaretaker)
	}
	caretaker("dev", proposalstypes.KindPolicy)
	caretaker("dev", proposalstypes.KindStandardBylaw)
	caretaker("ops", proposalstypes.KindBudget)
	caretaker(proposalstypes.BoardOriginator, proposalstypes.KindFundamentalBylaw)
	must(f.SubmitProposal(f.ProposalMsg(communitytypes.BodyAddress("board"), proposalstypes.BoardOriginator, proposalstypes.KindResolution)))
	must(f.SubmitProposal(f.ProposalMsg(communitytypes.BodyAddress("board"), proposalstypes.BoardOriginator, proposalstypes.KindTechnical)))

	// dev refills its seat by a real motion; the others as their motions would.
	r := refills[0]
	m := f.PassMotion("dev", appointMsg(r.seat, r.body, r.director, r.region))
	require.Equal(t, communitytypes.MotionStatusPassed, m.Status, m.FailureReason)
	for _, r := range refills[1:3] {
		f.MustDeliver(appointMsg(r.seat, r.body, r.director, r.region))
	}
	require.False(t, must(f.Keeper.BoardQuorate(f.Ctx)), "three of seven is no quorum")
	caretaker("dev", proposalstypes.KindPolicy)
	r = refills[3]
	f.MustDeliver(appointMsg(r.seat, r.body, r.director, r.region))
	require.True(t, must(f.Keeper.BoardQuorate(f.Ctx)), "four of seven is a quorum")
	must(f.SubmitProposal(f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", proposalstypes.KindPolicy)))

	var nomcom []sdk.Msg
	for _, r := range refills[4:] {
		nomcom = append(nomcom, appointMsg(r.seat, r.body, r.director, r.region))
	}
	m = f.Pass(nomcomVoters[0], "nomcom", nomcomVoters, nomcom...)
	require.Equal(t, communitytypes.MotionStatusPassed, m.Status, m.FailureReason)
	for _, r := range refills {
		require.Equal(t, addr(r.director).String(), seat(t, f, r.seat).Holder)
	}

	// The rebuilt Board approves a standard bylaw amendment.
	f.NextBlock(0)
	pid := standardBylaw(f)
	require.Equal(t, uint64(7), f.GetProposal(pid).BoardEligibleWeight)
}

// TestRemoveDirector checks the removal of a NomCom director by the
// participants, its refilling by the NomCom's motion, and that a
// community-appointed director is removed and replaced by its own
// community's motions instead.
func TestRemoveDirector(t *testing.T) {
	f := newFixture(t)
	id := f.Escalate("fin", "gov", types.PowerRemoveDirector, 0, 8)
	require.Equal(t, uint64(8), f.Action(id).SeatId)
	f.ResetEvents()
	require.Equal(t, types.StageSucceeded, f.DecideAll(id, support, "dev", "fin", "gov", "ops"))
	vacated := typedEvents[*communitytypes.EventSeatVacated](t, f.Events())
	require.Len(t, vacated, 1)
	require.Equal(t, addr("director-nomcom-1").String(), vacated[0].FormerHolder)
	require.Empty(t, seat(t, f, 8).Holder)
	for _, s := range []uint64{1, 2, 3, 4, 9, 10} {
		require.NotEmpty(t, seat(t, f, s).Holder, "seat %d", s)
	}
	requireFailsUnchanged(t, f, keepertest.PetitionMsg("dev", types.PowerRemoveDirector, 0, 8), types.ErrInvalidTarget)

	m := f.Pass(nomcomVoters[0], "nomcom", nomcomVoters, appointMsg(8, "nomcom", "new-director", communitytypes.RegionAfrica))
	require.Equal(t, communitytypes.MotionStatusPassed, m.Status, m.FailureReason)
	require.Equal(t, addr("new-director").String(), seat(t, f, 8).Holder)

	// dev removes and replaces its own director by its motions.
	m = f.PassMotion("dev", &communitytypes.MsgVacateSeat{Authority: body("dev"), SeatId: 1, Reason: "dev's decision"})
	require.Equal(t, communitytypes.MotionStatusPassed, m.Status, m.FailureReason)
	require.Empty(t, seat(t, f, 1).Holder)
	m = f.PassMotion("dev", appointMsg(1, "dev", "new-dev-director", communitytypes.RegionEurope))
	require.Equal(t, communitytypes.MotionStatusPassed, m.Status, m.FailureReason)
	require.Equal(t, addr("new-dev-director").String(), seat(t, f, 1).Holder)
}

// TestEffectFails checks an effect that can no longer execute: the NomCom
// vacated the seat itself during the decision period, so the removal ends
// EFFECT_FAILED with the reason, and nothing else changes.
func TestEffectFails(t *testing.T) {
	f := newFixture(t)
	id := f.Escalate("dev", "ops", types.PowerRemoveDirector, 0, 9)
	f.MustDeliver(&communitytypes.MsgVacateSeat{Authority: body("nomcom"), SeatId: 9, Reason: "resigned"})
	f.DecideAll(id, support, "dev", "fin", "gov")
	f.ResetEvents()
	require.Equal(t, types.StageEffectFailed, f.MustDecide("ops", id, support))
	a := f.Action(id)
	require.Contains(t, a.Note, "the effect could not execute")
	require.Contains(t, a.Note, "vacant")
	require.Empty(t, typedEvents[*communitytypes.EventSeatVacated](t, f.Events()))
	require.Equal(t, []types.Stage{types.StageEffectFailed}, stageEvents(t, f, id))
}
