package keeper

import (
	"context"
	"time"

	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

var (
	_ proposalstypes.EmpoweredHooks = Hooks{}
	_ reviewtypes.EmpoweredHooks    = Hooks{}
)

// Hooks are x/empowered's side of x/proposals' and x/review's Empowered
// Community phases.
type Hooks struct{ k *Keeper }

// Hooks returns the hooks to install in x/proposals and x/review.
func (k *Keeper) Hooks() Hooks { return Hooks{k: k} }

// AfterBoardApproval starts the approval action of a proposal that needs the
// Empowered Community's approval; rejection windows wait for petitions.
func (h Hooks) AfterBoardApproval(ctx context.Context, p proposalstypes.Proposal) error {
	if p.Rule.EcTreatment != proposalstypes.ECApprovalRequired {
		return nil
	}
	return h.k.startApproval(ctx, types.PowerApproveFundamentalBylaw, p.Id, "", p.Document)
}

// AfterPanelistAppointed starts the approval of a standing panelist.
func (h Hooks) AfterPanelistAppointed(ctx context.Context, panelist string) error {
	return h.k.startApproval(ctx, types.PowerConfirmPanelist, 0, panelist, communitytypes.Document{})
}

// Challenge reports whether an action that decides the proposal's EC phase
// (a rejection or its approval) is under way, and until when its stage runs.
func (h Hooks) Challenge(ctx context.Context, proposalID uint64) (time.Time, bool, error) {
	iter, err := h.k.Actions.Indexes.Proposal.MatchExact(ctx, proposalID)
	if err != nil {
		return time.Time{}, false, err
	}
	ids, err := iter.PrimaryKeys()
	if err != nil {
		return time.Time{}, false, err
	}
	for _, id := range ids {
		a, err := h.k.Actions.Get(ctx, id)
		if err != nil {
			return time.Time{}, false, err
		}
		if !a.Stage.Open() {
			continue
		}
		switch a.Power {
		case types.PowerRejectBudget, types.PowerRejectStandardBylaw, types.PowerRejectOperatorAction, types.PowerApproveFundamentalBylaw:
			return a.Deadline, true, nil
		}
	}
	return time.Time{}, false, nil
}

// startApproval opens an approval action at its community forum.
func (k *Keeper) startApproval(ctx context.Context, power types.Power, proposalID uint64, panelist string, doc communitytypes.Document) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	rule, ok := params.Rule(power)
	if !ok {
		return types.ErrInvalidPower.Wrapf("no rule for %s", power)
	}
	a, err := k.openAction(ctx, power, rule, proposalID, 0, panelist, doc, "")
	if err != nil {
		return err
	}
	if err := k.setStage(ctx, &a, types.StageForum, deadline(ctx, rule.ForumPeriod), "approval action started by the Board's decision"); err != nil {
		return err
	}
	return k.storeAction(ctx, a)
}
