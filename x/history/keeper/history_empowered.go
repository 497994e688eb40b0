package keeper

import (
	"context"
	"fmt"
	"strings"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	empoweredtypes "github.com/polity-chain/polity/x/empowered/types"
	"github.com/polity-chain/polity/x/history/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

const empoweredModule = empoweredtypes.ModuleName

// empoweredSteps adds the Empowered Community's actions on the proposal: each
// petition (or approval action), its forum statements, the participants'
// decisions and how it closed.
func (k *Keeper) empoweredSteps(ctx context.Context, p proposalstypes.Proposal, s *story) error {
	actions, err := collutil.ByRef(ctx, k.empowered.Actions.Indexes.Proposal, p.Id, k.empowered.Actions.Get)
	if err != nil {
		return err
	}
	for _, a := range actions {
		if err := k.actionSteps(ctx, a, s); err != nil {
			return err
		}
	}
	return nil
}

func (k *Keeper) actionSteps(ctx context.Context, a empoweredtypes.Action, s *story) error {
	ref := fmt.Sprintf("action/%d", a.Id)
	power := strings.TrimPrefix(a.Power.String(), "POWER_")
	opened := fmt.Sprintf("Empowered Community action %d (%s) opened", a.Id, power)
	msg := ""
	if a.Petitioner != "" {
		opened = fmt.Sprintf("petition %d (%s) by %s", a.Id, power, a.Petitioner)
		msg = msgURL(&empoweredtypes.MsgPetition{})
	}
	if a.Supporter != "" {
		opened += ", supported by " + a.Supporter
	}
	opened += fmt.Sprintf("; needs %d support(s), at most %d objection(s), of participants %s",
		a.MinSupport, a.MaxObjections, strings.Join(a.Participants, ", "))
	if len(a.CarvedOut) > 0 {
		opened += " (carved out: " + strings.Join(a.CarvedOut, ", ") + ")"
	}
	s.add(empoweredModule, types.StepPetition, a.OpenedHeight, a.OpenedTime, a.Petitioner, opened, ref, msg)

	var last empoweredtypes.Statement
	more, err := firstUnder(ctx, k.empowered.Statements, a.Id, MaxListedStatements, func(st empoweredtypes.Statement) {
		last = st
		s.add(empoweredModule, types.StepStatement, st.Height, st.Time, st.Author, "forum statement: "+st.Text,
			fmt.Sprintf("statement/%d/%d", a.Id, st.Id), msgURL(&empoweredtypes.MsgPostStatement{}))
	})
	if err != nil {
		return err
	}
	if more {
		s.add(empoweredModule, types.StepStatement, last.Height, last.Time, "",
			fmt.Sprintf("more statements follow the first %d: page through /polity/empowered/v1/petitions/%d/statements", MaxListedStatements, a.Id),
			fmt.Sprintf("action/%d/statements", a.Id), "")
	}
	decisions := collections.NewPrefixedPairRange[uint64, string](a.Id)
	if err := k.empowered.Decisions.Walk(ctx, decisions, func(_ collections.Pair[uint64, string], d empoweredtypes.Decision) (bool, error) {
		s.add(empoweredModule, types.StepDecision, d.Height, d.Time, d.CommunityId,
			fmt.Sprintf("%s decided %s on action %d", d.CommunityId, strings.TrimPrefix(d.Choice.String(), "CHOICE_"), a.Id),
			ref, msgURL(&empoweredtypes.MsgDecide{}))
		return false, nil
	}); err != nil {
		return err
	}
	if a.ClosedHeight > 0 {
		detail := fmt.Sprintf("action %d closed %s: %d support, %d object, %d abstain",
			a.Id, strings.TrimPrefix(a.Stage.String(), "STAGE_"), a.Supports, a.Objections, a.Abstentions)
		if a.Note != "" {
			detail += "; " + a.Note
		}
		s.add(empoweredModule, types.StepActionClosed, a.ClosedHeight, a.ClosedTime, "", detail, ref, "")
	}
	return nil
}
