package keeper

import (
	"context"
	"slices"
	"time"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/textutil"
	"github.com/polity-chain/polity/x/empowered/types"
)

// Decide records a participant's decision (once, during the decision period)
// and concludes the action at once when its outcome is certain.
func (k *Keeper) Decide(ctx context.Context, msg *types.MsgDecide) (types.Stage, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	if _, err := k.actingFor(ctx, msg.Signer, msg.CommunityId, params); err != nil {
		return 0, err
	}
	if msg.Choice < types.ChoiceSupport || msg.Choice > types.ChoiceAbstain {
		return 0, types.ErrInvalidChoice.Wrapf("%d", msg.Choice)
	}
	a, err := k.GetAction(ctx, msg.ActionId)
	if err != nil {
		return 0, err
	}
	if a.Stage != types.StageDecision {
		return a.Stage, types.ErrWrongStage.Wrapf("action %d is %s: decisions are taken in the decision period", a.Id, a.Stage)
	}
	if slices.Contains(a.CarvedOut, msg.CommunityId) {
		return 0, types.ErrCarvedOut.Wrapf("%s is carved out of action %d", msg.CommunityId, a.Id)
	}
	if !slices.Contains(a.Participants, msg.CommunityId) {
		return 0, types.ErrNotParticipant.Wrapf("%s was not a participant when action %d opened", msg.CommunityId, a.Id)
	}
	key := collections.Join(a.Id, msg.CommunityId)
	if has, err := k.Decisions.Has(ctx, key); err != nil || has {
		if err == nil {
			err = types.ErrAlreadyDone.Wrapf("%s already decided on action %d", msg.CommunityId, a.Id)
		}
		return 0, err
	}
	now, height := blockTime(ctx)
	if err := k.Decisions.Set(ctx, key, types.Decision{ActionId: a.Id, CommunityId: msg.CommunityId, Choice: msg.Choice, Height: height, Time: now}); err != nil {
		return 0, err
	}
	switch msg.Choice {
	case types.ChoiceSupport:
		a.Supports++
	case types.ChoiceObject:
		a.Objections++
	default:
		a.Abstentions++
	}
	if err := k.emit(ctx, &types.EventDecisionRecorded{ActionId: a.Id, CommunityId: msg.CommunityId, Choice: msg.Choice}); err != nil {
		return 0, err
	}
	if decided, met := outcome(a, false); decided {
		if err := k.conclude(ctx, &a, met); err != nil {
			return 0, err
		}
	}
	return a.Stage, k.storeAction(ctx, a)
}

// outcome applies the threshold: at least min_support in support and at most
// max_objections. Before the period ends it decides only when no remaining
// decision can change the result; at the end, undecided participants abstain.
func outcome(a types.Action, final bool) (decided, met bool) {
	undecided := uint32(len(a.Participants)) - min(uint32(len(a.Participants)), a.Supports+a.Objections+a.Abstentions)
	if final {
		undecided = 0
	}
	switch {
	case a.Supports >= a.MinSupport && a.Objections+undecided <= a.MaxObjections:
		return true, true
	case a.Supports+undecided < a.MinSupport || a.Objections > a.MaxObjections:
		return true, false
	}
	return final, false
}

// conclude closes the action; a met threshold executes the power's effect,
// atomically: if it cannot execute, the action is EFFECT_FAILED with the reason.
func (k *Keeper) conclude(ctx context.Context, a *types.Action, met bool) error {
	if !met {
		return k.setStage(ctx, a, types.StageFailed, time.Time{}, "the threshold was not met")
	}
	ref, err := k.applyEffect(ctx, a)
	if err != nil {
		return k.setStage(ctx, a, types.StageEffectFailed, time.Time{}, "the effect could not execute: "+textutil.ErrorText(err))
	}
	a.EffectRef = ref
	return k.setStage(ctx, a, types.StageSucceeded, time.Time{}, "the threshold was met and the effect executed")
}

// advance handles an action whose stage deadline came (EndBlock).
func (k *Keeper) advance(ctx context.Context, a *types.Action) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	rule, ok := params.Rule(a.Power)
	if !ok {
		// params validation requires a rule per power; an open action whose
		// rule is gone fails its queue item rather than running on zeros
		return types.ErrInvalidParams.Wrapf("no rule for %s (action %d)", a.Power, a.Id)
	}
	switch a.Stage {
	case types.StageSupport:
		return k.setStage(ctx, a, types.StageLapsed, time.Time{}, "no second participant supported the petition in time")
	case types.StageForum:
		return k.setStage(ctx, a, types.StageDecision, deadline(ctx, rule.DecisionPeriod), "the decision period is open")
	case types.StageDecision:
		_, met := outcome(*a, true)
		return k.conclude(ctx, a, met)
	}
	return nil
}
