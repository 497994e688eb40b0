package keeper

import (
	"github.com/polity-chain/polity/internal/invariantutil"
)

// Invariants are read-only audits of x/proposals' stored state, run by the
// simulation after every block (app/sim_test.go) and by the keeper tests.
// The agreement of holds with x/review's stays and emergencies is audited by
// x/review, which knows both sides.

// InvariantRoutes lists x/proposals' invariants by route name.
func InvariantRoutes(k *Keeper) []invariantutil.Route {
	return []invariantutil.Route{
		{Name: "board-tallies", Invariant: BoardTallyInvariant(k)},
		{Name: "phase-queue", Invariant: PhaseQueueInvariant(k)},
		{Name: "advice-queue", Invariant: AdviceQueueInvariant(k)},
		{Name: "holds", Invariant: HoldsInvariant(k)},
		{Name: "execution-queue", Invariant: ExecutionQueueInvariant(k)},
		{Name: "records", Invariant: RecordsInvariant(k)},
	}
}
