package keeper

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/invariantutil"
	"github.com/polity-chain/polity/x/empowered/types"
)

// Invariants are read-only audits of x/empowered's stored state, run by the
// simulation after every block (app/sim_test.go) and by the keeper tests.

// InvariantRoutes lists x/empowered's invariants by route name.
func InvariantRoutes(k *Keeper) []invariantutil.Route {
	return []invariantutil.Route{
		{Name: "decision-tallies", Invariant: DecisionTallyInvariant(k)},
		{Name: "action-queue", Invariant: ActionQueueInvariant(k)},
		{Name: "inspection-queue", Invariant: InspectionQueueInvariant(k)},
	}
}

// DecisionTallyInvariant checks that every action's supports, objections and
// abstentions equal its stored decisions, that no decision belongs to a
// missing action, and that no decision exceeds the action's participants.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func DecisionTallyInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "decision-tallies", func(ctx sdk.Context) ([]string, error) {
		decisions, err := collutil.Values(ctx, k.Decisions.Iterate)
		if err != nil {
			return nil, err
		}
		counted := map[uint64][3]uint32{}
		for _, d := range decisions {
			t := counted[d.ActionId]
			if d.Choice >= types.ChoiceSupport && d.Choice <= types.ChoiceAbstain {
				t[d.Choice-types.ChoiceSupport]++
			}
			counted[d.ActionId] = t
		}
		actions, err := collutil.Values(ctx, k.Actions.Iterate)
		if err != nil {
			return nil, err
		}
		var problems []string
		seen := map[uint64]bool{}
		for _, a := range actions {
			seen[a.Id] = true
			t := counted[a.Id]
			if t != [3]uint32{a.Supports, a.Objections, a.Abstentions} {
				problems = append(problems, fmt.Sprintf("action %d: %d/%d/%d support/object/abstain, its decisions count %v",
					a.Id, a.Supports, a.Objections, a.Abstentions, t))
			}
			if int(t[0]+t[1]+t[2]) > len(a.Participants) {
				problems = append(problems, fmt.Sprintf("action %d: more decisions than its %d participants", a.Id, len(a.Participants)))
			}
		}
		for _, id := range invariantutil.SortedKeys(counted) {
			if !seen[id] {
				problems = append(problems, fmt.Sprintf("decisions stored for missing action %d", id))
			}
		}
		return problems, nil
	})
}

// ActionQueueInvariant checks that every open action (support, forum or
// decision stage) has exactly one action-queue entry at its stage deadline,
// and that every entry points at an open action.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func ActionQueueInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "action-queue", func(ctx sdk.Context) ([]string, error) {
		actions, err := collutil.Values(ctx, k.Actions.Iterate)
		if err != nil {
			return nil, err
		}
		want := map[uint64]int64{}
		for _, a := range actions {
			if a.Stage.Open() {
				want[a.Id] = a.Deadline.Unix()
			}
		}
		return invariantutil.Queue(ctx, "action_queue", k.ActionQueue, want)
	})
}

// InspectionQueueInvariant checks that every inspection request neither
// answered nor overdue has exactly one entry at its deadline.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func InspectionQueueInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "inspection-queue", func(ctx sdk.Context) ([]string, error) {
		inspections, err := collutil.Values(ctx, k.Inspections.Iterate)
		if err != nil {
			return nil, err
		}
		want := map[uint64]int64{}
		for _, in := range inspections {
			if !in.Answered && !in.Overdue {
				want[in.Id] = in.Deadline.Unix()
			}
		}
		return invariantutil.Queue(ctx, "inspection_queue", k.InspectionQueue, want)
	})
}
