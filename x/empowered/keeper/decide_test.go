package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/types"
)

// TestThresholds drives decisions to each outcome. An action concludes as
// soon as no remaining decision can change it; otherwise at the end of the
// decision period, when the undecided count as abstaining.
func TestThresholds(t *testing.T) {
	S, O, A := support, object, abstain
	tests := []struct {
		name    string
		power   types.Power
		choices []types.Choice // in participant order: dev, fin, gov, ops, users
		early   types.Stage    // stage right after the last decision
		final   types.Stage    // stage after the decision period
	}{
		{"four of five support", types.PowerInspection, []types.Choice{S, S, S, S}, types.StageSucceeded, types.StageSucceeded},
		{"three support and one abstains", types.PowerInspection, []types.Choice{S, S, S, A}, types.StageSucceeded, types.StageSucceeded},
		{"three support, two undecided", types.PowerInspection, []types.Choice{S, S, S}, types.StageDecision, types.StageSucceeded},
		{"three support, one objection", types.PowerInspection, []types.Choice{S, S, S, O}, types.StageDecision, types.StageSucceeded},
		{"three support, two objections", types.PowerInspection, []types.Choice{S, S, S, O, O}, types.StageFailed, types.StageFailed},
		{"two objections end it at once", types.PowerInspection, []types.Choice{O, O}, types.StageFailed, types.StageFailed},
		{"three abstentions leave too few", types.PowerInspection, []types.Choice{A, A, A}, types.StageFailed, types.StageFailed},
		{"two supports are too few", types.PowerInspection, []types.Choice{S, S}, types.StageDecision, types.StageFailed},
		{"nobody decides", types.PowerInspection, nil, types.StageDecision, types.StageFailed},
		{"a recall needs four: three fall short", types.PowerRecallBoard, []types.Choice{S, S, S}, types.StageDecision, types.StageFailed},
		{"a recall needs four: three and an abstention fail", types.PowerRecallBoard, []types.Choice{S, S, S, A}, types.StageDecision, types.StageFailed},
		{"a recall with four", types.PowerRecallBoard, []types.Choice{S, S, S, S}, types.StageSucceeded, types.StageSucceeded},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			id := f.Escalate("dev", "ops", tc.power, 0, 0)
			stage := types.StageDecision
			for i, c := range tc.choices {
				stage = f.MustDecide(keepertest.Participants[i], id, c)
			}
			require.Equal(t, tc.early, stage)
			require.Equal(t, tc.early, f.Action(id).Stage)
			f.Advance(f.EmpoweredRule(tc.power).DecisionPeriod)
			a := f.Action(id)
			require.Equal(t, tc.final, a.Stage, a.Note)
			if tc.final == types.StageFailed {
				require.Contains(t, a.Note, "threshold was not met")
			}
		})
	}
}

// TestDecideOnce checks that each participant decides once, in the decision
// period only, with a valid choice, and only if it was a participant when the
// action opened; each decision is recorded with an event.
func TestDecideOnce(t *testing.T) {
	f := newFixture(t)
	id := f.MustPetition("dev", types.PowerInspection, 0, 0)
	requireFailsUnchanged(t, f, keepertest.DecideMsg("fin", id, support), types.ErrWrongStage)
	f.MustSupport("fin", id)
	requireFailsUnchanged(t, f, keepertest.DecideMsg("fin", id, support), types.ErrWrongStage)
	// security becomes a participant after the action opened.
	f.MustDeliver(&communitytypes.MsgSetDecisionalParticipant{Authority: f.Authority, CommunityId: "security", Decisional: true})
	f.Advance(f.EmpoweredRule(types.PowerInspection).ForumPeriod)

	f.ResetEvents()
	require.Equal(t, types.StageDecision, f.MustDecide("gov", id, object))
	recorded := typedEvents[*types.EventDecisionRecorded](t, f.Events())
	require.Len(t, recorded, 1)
	require.Equal(t, types.EventDecisionRecorded{ActionId: id, CommunityId: "gov", Choice: object}, *recorded[0])
	plain := plainEvents(f, "decision_recorded")
	require.Len(t, plain, 1)
	require.Equal(t, "gov", plain[0]["community_id"])
	require.Equal(t, "CHOICE_OBJECT", plain[0]["choice"])

	requireFailsUnchanged(t, f, keepertest.DecideMsg("gov", id, support), types.ErrAlreadyDone)
	requireFailsUnchanged(t, f, keepertest.DecideMsg("fin", id, types.ChoiceUnspecified), types.ErrInvalidChoice)
	requireFailsUnchanged(t, f, keepertest.DecideMsg("fin", id, 4), types.ErrInvalidChoice)
	requireFailsUnchanged(t, f, keepertest.DecideMsg("security", id, support), types.ErrNotParticipant)
	requireFailsUnchanged(t, f, keepertest.DecideMsg("nomcom", id, support), types.ErrNotParticipant)
	requireFailsUnchanged(t, f, keepertest.DecideMsg("fin", 99, support), types.ErrNotFound)
	requireFailsUnchanged(t, f, &types.MsgDecide{Signer: body("dev"), CommunityId: "fin", ActionId: id, Choice: support}, types.ErrUnauthorized)

	// A decision by a real motion of the community.
	m := f.PassMotion("users", keepertest.DecideMsg("users", id, abstain))
	require.Equal(t, communitytypes.MotionStatusPassed, m.Status, m.FailureReason)
	a := f.Action(id)
	require.Equal(t, [3]uint32{0, 1, 1}, [3]uint32{a.Supports, a.Objections, a.Abstentions})

	for _, c := range []string{"dev", "fin", "ops"} {
		f.MustDecide(c, id, support)
	}
	a = f.Action(id)
	require.Equal(t, types.StageSucceeded, a.Stage, a.Note)
	require.Equal(t, [3]uint32{3, 1, 1}, [3]uint32{a.Supports, a.Objections, a.Abstentions})
	requireFailsUnchanged(t, f, keepertest.DecideMsg("security", id, support), types.ErrWrongStage)

	ds := must(f.EmpoweredQueryServer.Decisions(f.Ctx, &types.QueryDecisionsRequest{Id: id})).Decisions
	require.Len(t, ds, 5)
	got := map[string]types.Choice{}
	for _, d := range ds {
		got[d.CommunityId] = d.Choice
		require.Equal(t, id, d.ActionId)
	}
	require.Equal(t, map[string]types.Choice{"dev": support, "fin": support, "gov": object, "ops": support, "users": abstain}, got)
}

// TestDecisionPeriodEdge checks that decisions are taken until the last
// second of the decision period and not after.
func TestDecisionPeriodEdge(t *testing.T) {
	f := newFixture(t)
	id := f.Escalate("dev", "ops", types.PowerInspection, 0, 0)
	f.DecideAll(id, support, "dev", "fin")
	f.Advance(f.EmpoweredRule(types.PowerInspection).DecisionPeriod - time.Second)
	require.Equal(t, types.StageDecision, f.MustDecide("gov", id, support))
	f.Advance(time.Second)
	require.Equal(t, types.StageSucceeded, f.Action(id).Stage, f.Action(id).Note)
	requireFailsUnchanged(t, f, keepertest.DecideMsg("ops", id, support), types.ErrWrongStage)
}
