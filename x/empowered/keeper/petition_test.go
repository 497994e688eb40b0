package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// communityParamsMsg is a standard bylaw amendment: x/community's title limit
// becomes 77.
func communityParamsMsg(f *keepertest.Fixture) *communitytypes.MsgUpdateParams {
	p := must(f.Keeper.GetParams(f.Ctx))
	p.MaxTitleLength = 77
	return &communitytypes.MsgUpdateParams{Authority: f.Authority, Params: p}
}

// standardBylaw brings a standard bylaw amendment into its rejection window.
func standardBylaw(f *keepertest.Fixture) uint64 {
	return f.ToECPhase("dev", proposalstypes.KindStandardBylaw, communityParamsMsg(f))
}

// TestPetitionByMotion follows a rejection through its first stages with real
// community motions: dev's motion petitions, ops's motion supports, an
// account with no role posts a forum statement, and the decision period opens.
func TestPetitionByMotion(t *testing.T) {
	f := newFixture(t)
	pid := standardBylaw(f)
	rule := f.EmpoweredRule(types.PowerRejectStandardBylaw)
	f.ResetEvents()

	m := f.PassMotion("dev", keepertest.PetitionMsg("dev", types.PowerRejectStandardBylaw, pid, 0))
	require.Equal(t, communitytypes.MotionStatusPassed, m.Status, m.FailureReason)
	a := f.Action(1)
	require.Equal(t, types.StageSupport, a.Stage)
	require.Equal(t, types.PowerRejectStandardBylaw, a.Power)
	require.Equal(t, "dev", a.Petitioner)
	require.Equal(t, pid, a.ProposalId)
	require.Equal(t, keepertest.Participants, a.Participants)
	require.Empty(t, a.CarvedOut)
	require.Equal(t, uint32(3), a.MinSupport)
	require.Equal(t, uint32(1), a.MaxObjections)
	require.Equal(t, f.Now().Add(rule.SupportPeriod), a.Deadline)
	require.Equal(t, f.Now(), a.OpenedTime)
	require.Equal(t, f.Ctx.BlockHeight(), a.OpenedHeight)
	require.Equal(t, doc("dev-"+types.PowerRejectStandardBylaw.String()), a.Rationale)
	require.Equal(t, []types.Stage{types.StageSupport}, stageEvents(t, f, 1))
	plain := plainEvents(f, "action_stage_changed")
	require.Len(t, plain, 1)
	require.Equal(t, "1", plain[0]["action_id"])
	require.Equal(t, "STAGE_SUPPORT", plain[0]["stage"])
	require.Equal(t, "POWER_REJECT_STANDARD_BYLAW", plain[0]["power"])

	f.NextBlock(time.Minute)
	m = f.PassMotion("ops", keepertest.SupportMsg("ops", 1))
	require.Equal(t, communitytypes.MotionStatusPassed, m.Status, m.FailureReason)
	a = f.Action(1)
	require.Equal(t, types.StageForum, a.Stage)
	require.Equal(t, "ops", a.Supporter)
	require.Equal(t, f.Now().Add(rule.ForumPeriod), a.Deadline)
	supported := typedEvents[*types.EventPetitionSupported](t, f.Events())
	require.Len(t, supported, 1)
	require.Equal(t, types.EventPetitionSupported{ActionId: 1, CommunityId: "ops"}, *supported[0])
	require.Equal(t, []types.Stage{types.StageForum}, stageEvents(t, f, 1))

	f.ResetEvents()
	sid := f.MustPostStatement(addr("outsider"), 1, "The amendment is fine as it is.")
	require.Equal(t, uint64(1), sid)
	posted := typedEvents[*types.EventStatementPosted](t, f.Events())
	require.Len(t, posted, 1)
	require.Equal(t, addr("outsider").String(), posted[0].Author)

	f.Advance(rule.ForumPeriod - time.Second)
	require.Equal(t, types.StageForum, f.Action(1).Stage)
	f.MustPostStatement(addr("dev-chair"), 1, "Reject it.")
	f.Advance(time.Second)
	a = f.Action(1)
	require.Equal(t, types.StageDecision, a.Stage, a.Note)
	require.Equal(t, f.Now().Add(rule.DecisionPeriod), a.Deadline)
	require.Equal(t, []types.Stage{types.StageDecision}, stageEvents(t, f, 1))
	require.Equal(t, proposalstypes.StatusECReview, f.GetProposal(pid).Status, "the action holds the proposal in its EC phase")

	sts := must(f.EmpoweredQueryServer.Statements(f.Ctx, &types.QueryStatementsRequest{Id: 1})).Statements
	require.Len(t, sts, 2)
	require.Equal(t, "The amendment is fine as it is.", sts[0].Text)
	require.Equal(t, addr("dev-chair").String(), sts[1].Author)
}

// TestPetitionWindow checks the petition window at its edge: a petition is
// due within petition_period of the Board's decision, and only while the
// proposal is in its rejection window.
func TestPetitionWindow(t *testing.T) {
	f := newFixture(t)
	params := must(f.Empowered.GetParams(f.Ctx))
	for i := range params.Rules {
		if !params.Rules[i].Approval {
			params.Rules[i].PetitionPeriod = time.Hour // shorter than the proposals' 3h EC window
		}
	}
	f.MustDeliver(&types.MsgUpdateParams{Authority: f.Authority, Params: params})

	onTime := f.MustSubmitProposal("dev", proposalstypes.KindStandardBylaw, communityParamsMsg(f))
	late := f.MustSubmitProposal("ops", proposalstypes.KindStandardBylaw, communityParamsMsg(f))
	f.Advance(keepertest.CommentPeriod)
	f.BoardDecides(onTime, len(keepertest.VotingDirectors))
	f.BoardDecides(late, len(keepertest.VotingDirectors))
	decided := f.GetProposal(late).BoardDecidedTime
	require.Equal(t, decided, f.GetProposal(onTime).BoardDecidedTime)
	f.Advance(time.Hour)
	require.Equal(t, decided.Add(time.Hour), f.Now())
	f.MustPetition("dev", types.PowerRejectStandardBylaw, onTime, 0)
	f.NextBlock(time.Second)
	requireFailsUnchanged(t, f, keepertest.PetitionMsg("dev", types.PowerRejectStandardBylaw, late, 0), types.ErrOutOfWindow)

	// Once the proposal's window closed it is no longer a target at all.
	f.Advance(keepertest.ECPeriod)
	require.Equal(t, proposalstypes.StatusRatified, f.GetProposal(late).Status)
	requireFailsUnchanged(t, f, keepertest.PetitionMsg("ops", types.PowerRejectStandardBylaw, late, 0), types.ErrInvalidTarget)
}

// TestPetitionRefused checks every bad petition: a clear registered error
// and nothing changed.
func TestPetitionRefused(t *testing.T) {
	f := newFixture(t)
	standard := standardBylaw(f)
	commenting := f.MustSubmitProposal("dev", proposalstypes.KindBudget)
	edit := func(fn func(*types.MsgPetition)) *types.MsgPetition {
		m := keepertest.PetitionMsg("dev", types.PowerRejectStandardBylaw, standard, 0)
		fn(m)
		return m
	}
	tests := []struct {
		name string
		msg  *types.MsgPetition
		err  *errorsmod.Error
	}{
		{"a community that is not a participant", edit(func(m *types.MsgPetition) { m.CommunityId, m.Signer = "security", body("security") }), types.ErrNotParticipant},
		{"an unknown community", edit(func(m *types.MsgPetition) { m.CommunityId, m.Signer = "nope", body("nope") }), types.ErrNotParticipant},
		{"a member, not the community's motion", edit(func(m *types.MsgPetition) { m.Signer = addr("dev-chair").String() }), types.ErrUnauthorized},
		{"another participant's motion", edit(func(m *types.MsgPetition) { m.Signer = body("ops") }), types.ErrUnauthorized},
		{"an approval power", edit(func(m *types.MsgPetition) { m.Power = types.PowerApproveFundamentalBylaw }), types.ErrInvalidPower},
		{"a panelist confirmation", edit(func(m *types.MsgPetition) { m.Power = types.PowerConfirmPanelist }), types.ErrInvalidPower},
		{"no power", edit(func(m *types.MsgPetition) { m.Power = types.PowerUnspecified }), types.ErrInvalidPower},
		{"an unknown power", edit(func(m *types.MsgPetition) { m.Power = 99 }), types.ErrInvalidPower},
		{"no rationale", edit(func(m *types.MsgPetition) { m.Rationale = communitytypes.Document{} }), types.ErrRequired},
		{"a malformed rationale", edit(func(m *types.MsgPetition) { m.Rationale.Hash = "xyz" }), types.ErrInvalidDocument},
		{"an unknown proposal", edit(func(m *types.MsgPetition) { m.ProposalId = 99 }), types.ErrInvalidTarget},
		{"no proposal", edit(func(m *types.MsgPetition) { m.ProposalId = 0 }), types.ErrInvalidTarget},
		{"the wrong kind", edit(func(m *types.MsgPetition) { m.Power = types.PowerRejectBudget }), types.ErrInvalidTarget},
		{"an operator action that is a bylaw", edit(func(m *types.MsgPetition) { m.Power = types.PowerRejectOperatorAction }), types.ErrInvalidTarget},
		{"a proposal still in comment", edit(func(m *types.MsgPetition) { m.Power, m.ProposalId = types.PowerRejectBudget, commenting }), types.ErrInvalidTarget},
		{"a seat on a rejection", edit(func(m *types.MsgPetition) { m.SeatId = 8 }), types.ErrInvalidTarget},
		{"an unknown seat", edit(func(m *types.MsgPetition) { m.Power, m.ProposalId, m.SeatId = types.PowerRemoveDirector, 0, 99 }), types.ErrInvalidTarget},
		{"no seat", edit(func(m *types.MsgPetition) { m.Power, m.ProposalId = types.PowerRemoveDirector, 0 }), types.ErrInvalidTarget},
		{"a community-appointed director", edit(func(m *types.MsgPetition) { m.Power, m.ProposalId, m.SeatId = types.PowerRemoveDirector, 0, 1 }), types.ErrInvalidTarget},
		{"a liaison", edit(func(m *types.MsgPetition) { m.Power, m.ProposalId, m.SeatId = types.PowerRemoveDirector, 0, 5 }), types.ErrInvalidTarget},
		{"a community IRP without a proposal", edit(func(m *types.MsgPetition) { m.Power, m.ProposalId = types.PowerCommunityIRP, 0 }), types.ErrInvalidTarget},
		{"a community IRP on an undecided proposal", edit(func(m *types.MsgPetition) { m.Power, m.ProposalId = types.PowerCommunityIRP, commenting }), types.ErrInvalidTarget},
		{"a reconsideration of an unknown proposal", edit(func(m *types.MsgPetition) { m.Power, m.ProposalId = types.PowerCommunityReconsideration, 99 }), types.ErrInvalidTarget},
		{"an inspection of an unknown proposal", edit(func(m *types.MsgPetition) { m.Power, m.ProposalId = types.PowerInspection, 99 }), types.ErrInvalidTarget},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, tc.msg, tc.err)
		})
	}

	// A second action of the same power on the same target is refused while
	// the first is under way, whoever petitions.
	f.MustPetition("dev", types.PowerRejectStandardBylaw, standard, 0)
	requireFailsUnchanged(t, f, keepertest.PetitionMsg("ops", types.PowerRejectStandardBylaw, standard, 0), types.ErrDuplicate)
	f.MustPetition("dev", types.PowerRemoveDirector, 0, 8)
	requireFailsUnchanged(t, f, keepertest.PetitionMsg("fin", types.PowerRemoveDirector, 0, 8), types.ErrDuplicate)
	f.MustPetition("fin", types.PowerRemoveDirector, 0, 9) // another seat is another target
}
