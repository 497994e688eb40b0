package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/internal/collutil"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// everyStage leaves actions in every stage: support, forum (with
// statements, and an approval action), decision (with decisions), succeeded
// (with an overdue and an open inspection), failed, lapsed and effect-failed.
func everyStage(t *testing.T, f *keepertest.Fixture) {
	t.Helper()
	ids := map[types.Stage]uint64{}
	lapsed := f.MustPetition("dev", types.PowerInspection, 0, 0)
	f.Advance(f.EmpoweredRule(types.PowerInspection).SupportPeriod)
	ids[types.StageLapsed] = lapsed

	succeeded := f.Escalate("dev", "ops", types.PowerInspection, 0, 0)
	f.DecideAll(succeeded, support, "dev", "fin", "gov", "ops")
	ids[types.StageSucceeded] = succeeded
	failed := f.Escalate("gov", "ops", types.PowerCommunityIRP, standardBylaw(f), 0)
	f.DecideAll(failed, object, "dev", "fin")
	ids[types.StageFailed] = failed
	effectFailed := f.Escalate("dev", "ops", types.PowerRemoveDirector, 0, 9)
	f.MustDeliver(&communitytypes.MsgVacateSeat{Authority: body("nomcom"), SeatId: 9})
	f.DecideAll(effectFailed, support, "dev", "fin", "gov", "ops")
	ids[types.StageEffectFailed] = effectFailed

	// A fundamental amendment's comment period runs during the recall's forum.
	fundamental := f.MustSubmitProposal("dev", proposalstypes.KindFundamentalBylaw)
	inspection := f.MustPetition("gov", types.PowerInspection, 0, 0)
	f.MustSupport("users", inspection)
	decision := f.Escalate("users", "fin", types.PowerRecallBoard, 0, 0)
	f.DecideAll(decision, support, "dev", "fin")
	f.MustDecide("gov", decision, abstain)
	ids[types.StageDecision] = decision
	f.Advance(keepertest.CommentPeriod - f.EmpoweredRule(types.PowerRecallBoard).ForumPeriod)
	require.Equal(t, proposalstypes.StatusECReview, f.BoardDecides(fundamental, len(keepertest.VotingDirectors)).Status)

	f.DecideAll(inspection, support, "dev", "fin", "gov", "ops") // its inspection is open, the first one overdue
	forum := f.MustPetition("fin", types.PowerRemoveDirector, 0, 10)
	f.MustSupport("gov", forum)
	f.MustPostStatement(addr("outsider"), forum, "one")
	f.MustPostStatement(addr("ops-chair"), forum, "two")
	ids[types.StageForum] = forum
	ids[types.StageSupport] = f.MustPetition("ops", types.PowerInspection, 0, 0)
	require.Len(t, must(f.EmpoweredQueryServer.Approvals(f.Ctx, &types.QueryApprovalsRequest{Stage: types.StageForum})).Approvals, 1)

	for stage, id := range ids {
		require.Equal(t, stage, f.Action(id).Stage, "action %d: %s", id, f.Action(id).Note)
	}
}

// queues lists a fixture's action and inspection queue entries.
func queues(t *testing.T, f *keepertest.Fixture) [2][]collutil.QueueKey {
	t.Helper()
	var out [2][]collutil.QueueKey
	iter := must(f.Empowered.ActionQueue.Iterate(f.Ctx, nil))
	out[0] = must(iter.Keys())
	iter = must(f.Empowered.InspectionQueue.Iterate(f.Ctx, nil))
	out[1] = must(iter.Keys())
	return out
}

// TestGenesisRoundTrip exports actions in every stage, imports them into a
// fresh keeper, and checks that the export is the same and the queues were
// rebuilt.
func TestGenesisRoundTrip(t *testing.T) {
	f := newFixture(t)
	everyStage(t, f)
	gs := f.ExportEmpowered()
	require.NoError(t, gs.Validate(f.AddressCodec))
	require.Len(t, gs.Statements, 2)
	require.NotEmpty(t, gs.Decisions)
	require.Len(t, gs.Inspections, 2)
	want := f.ExportEmpoweredJSON()

	g := keepertest.NewFixture(t)
	g.InitEmpoweredGenesis(gs)
	require.JSONEq(t, string(want), string(g.ExportEmpoweredJSON()))
	require.Equal(t, queues(t, f), queues(t, g))
	require.Len(t, queues(t, g)[0], 4, "support, forum, decision and the approval's forum")
	require.Len(t, queues(t, g)[1], 1)

	// A default genesis round-trips too.
	h := keepertest.NewFixture(t)
	h.InitEmpoweredGenesis(types.DefaultGenesis())
	require.Equal(t, *types.DefaultGenesis(), *h.ExportEmpowered())
}
