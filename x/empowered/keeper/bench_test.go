package keeper_test

import (
	"testing"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/empowered/types"
)

// BenchmarkEndBlocker measures a block in which a full queue of actions
// (max_queue_items_per_block inspections in their forum, loaded through
// genesis) reaches its deadline and opens their decision periods. Each
// iteration starts from the same committed state.
func BenchmarkEndBlocker(b *testing.B) {
	f := keepertest.NewConstitutionFixture(b)
	gs := f.ExportEmpowered()
	rule := f.EmpoweredRule(types.PowerInspection)
	for i := uint64(1); i <= uint64(gs.Params.MaxQueueItemsPerBlock); i++ {
		gs.Actions = append(gs.Actions, types.Action{
			Id: i, Power: types.PowerInspection, Stage: types.StageForum, Petitioner: "dev", Supporter: "ops",
			Participants: keepertest.Participants, MinSupport: 3, MaxObjections: 1,
			Deadline: f.Now().Add(rule.ForumPeriod), OpenedTime: f.Now(), Rationale: keepertest.Doc("inspection"),
		})
	}
	gs.NextActionId = uint64(len(gs.Actions)) + 1
	f.InitEmpoweredGenesis(gs)
	f.Commit()
	f.NextBlock(rule.ForumPeriod)
	b.ResetTimer()
	for b.Loop() {
		ctx := keepertest.CacheContext(f.Ctx)
		if err := f.Empowered.EndBlocker(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	ctx := keepertest.CacheContext(f.Ctx)
	if err := f.Empowered.EndBlocker(ctx); err != nil {
		b.Fatal(err)
	}
	if a := must(f.Empowered.GetAction(ctx, gs.NextActionId-1)); a.Stage != types.StageDecision {
		b.Fatalf("the last queued action is %s, want %s", a.Stage, types.StageDecision)
	}
}

// BenchmarkDecide measures the decision that concludes an action and runs
// its effect (an inspection request): the tally is kept as decisions arrive,
// so the cost does not grow with the decisions before it.
func BenchmarkDecide(b *testing.B) {
	f := keepertest.NewConstitutionFixture(b)
	id := f.Escalate("dev", "ops", types.PowerInspection, 0, 0)
	f.DecideAll(id, support, "dev", "fin", "gov")
	f.Commit()
	msg := keepertest.DecideMsg("ops", id, support)
	b.ResetTimer()
	for b.Loop() {
		ctx := keepertest.CacheContext(f.Ctx)
		if _, err := f.Empowered.Decide(ctx, msg); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	// what was measured is the deciding decision: it concludes the action
	stage, err := f.Empowered.Decide(keepertest.CacheContext(f.Ctx), msg)
	if err != nil || stage != types.StageSucceeded {
		b.Fatalf("the fourth decision leaves action %d %s (%v), want %s", id, stage, err, types.StageSucceeded)
	}
}
