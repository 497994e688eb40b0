package types

import (
	"fmt"
	"slices"

	"cosmossdk.io/core/address"

	"github.com/polity-chain/polity/internal/addrutil"
)

// DefaultGenesis has the default params and nothing else.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextActionId: 1, NextStatementId: 1, NextInspectionId: 1}
}

// Validate rejects duplicate or dangling records, tallies that do not match
// the decisions, and sequences behind the records.
func (gs GenesisState) Validate(ac address.Codec) error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	actions := map[uint64]Action{}
	for _, a := range gs.Actions {
		if a.Id == 0 || a.Id >= gs.NextActionId {
			return ErrInvalidGenesis.Wrapf("action %d: id not below next_action_id", a.Id)
		}
		if _, dup := actions[a.Id]; dup {
			return ErrInvalidGenesis.Wrapf("action %d listed twice", a.Id)
		}
		if _, ok := Stage_name[int32(a.Stage)]; !ok || a.Stage == StageUnspecified {
			return ErrInvalidGenesis.Wrapf("action %d: invalid stage", a.Id)
		}
		if _, ok := Power_name[int32(a.Power)]; !ok || a.Power == PowerUnspecified {
			return ErrInvalidGenesis.Wrapf("action %d: invalid power", a.Id)
		}
		// An open action sits in the stage queue at its deadline; without one it
		// would be due at once (or never, for a closed one with a deadline).
		if a.Stage.Open() == a.Deadline.IsZero() {
			return ErrInvalidGenesis.Wrapf("action %d: an open action needs a deadline and a closed one has none", a.Id)
		}
		// Update and close heights of zero are accepted: actions written before
		// those fields existed carry none until their next change.
		if (a.UpdatedHeight != 0 && a.UpdatedHeight < a.OpenedHeight) || (a.ClosedHeight != 0 && a.ClosedHeight < a.OpenedHeight) {
			return ErrInvalidGenesis.Wrapf("action %d: updated or closed before it opened", a.Id)
		}
		actions[a.Id] = a
	}
	type tally struct{ s, o, a uint32 }
	tallies := map[uint64]tally{}
	seen := map[string]bool{}
	for _, d := range gs.Decisions {
		a, ok := actions[d.ActionId]
		if !ok {
			return ErrInvalidGenesis.Wrapf("decision of %s: action %d not found", d.CommunityId, d.ActionId)
		}
		if !slices.Contains(a.Participants, d.CommunityId) {
			return ErrInvalidGenesis.Wrapf("decision of %s on action %d: not one of its participants", d.CommunityId, d.ActionId)
		}
		key := fmt.Sprintf("%d|%s", d.ActionId, d.CommunityId)
		if seen[key] {
			return ErrInvalidGenesis.Wrapf("%s decided twice on action %d", d.CommunityId, d.ActionId)
		}
		seen[key] = true
		t := tallies[d.ActionId]
		switch d.Choice {
		case ChoiceSupport:
			t.s++
		case ChoiceObject:
			t.o++
		case ChoiceAbstain:
			t.a++
		default:
			return ErrInvalidGenesis.Wrapf("decision of %s on action %d: invalid choice", d.CommunityId, d.ActionId)
		}
		tallies[d.ActionId] = t
	}
	for _, a := range gs.Actions {
		if t := tallies[a.Id]; t.s != a.Supports || t.o != a.Objections || t.a != a.Abstentions {
			return ErrInvalidGenesis.Wrapf("action %d: tally does not match its decisions", a.Id)
		}
	}
	statements := map[uint64]bool{}
	for _, s := range gs.Statements {
		if _, ok := actions[s.ActionId]; !ok || s.Id == 0 || s.Id >= gs.NextStatementId || statements[s.Id] {
			return ErrInvalidGenesis.Wrapf("statement %d: action not found, id duplicated or not below next_statement_id", s.Id)
		}
		statements[s.Id] = true
		if _, err := addrutil.Parse(ac, s.Author); err != nil {
			return ErrInvalidGenesis.Wrapf("statement %d: author: %v", s.Id, err)
		}
	}
	ids := map[uint64]bool{}
	for _, in := range gs.Inspections {
		if in.Id == 0 || in.Id >= gs.NextInspectionId || ids[in.Id] {
			return ErrInvalidGenesis.Wrapf("inspection %d: id duplicated or not below next_inspection_id", in.Id)
		}
		if _, ok := actions[in.ActionId]; !ok {
			return ErrInvalidGenesis.Wrapf("inspection %d: action %d not found", in.Id, in.ActionId)
		}
		if in.UpdatedHeight != 0 && in.UpdatedHeight < in.CreatedHeight {
			return ErrInvalidGenesis.Wrapf("inspection %d: updated before it was created", in.Id)
		}
		ids[in.Id] = true
	}
	return nil
}

// Open reports whether an action is still under way.
func (s Stage) Open() bool { return s == StageSupport || s == StageForum || s == StageDecision }
