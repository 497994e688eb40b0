package keeper

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// maxMinutes bounds the minutes kept on one emergency.
const maxMinutes = 100

// GetEmergency returns an emergency action or ErrNotFound.
func (k *Keeper) GetEmergency(ctx context.Context, id uint64) (types.Emergency, error) {
	return get(ctx, k.Emergencies, id, "emergency")
}

// requireChair checks that the signer is the Board chair.
func (k *Keeper) requireChair(ctx context.Context, signer string) error {
	chair, err := k.community.GetBoardChair(ctx)
	if err != nil {
		return err
	}
	if chair == "" || chair != signer {
		return types.ErrNotChair.Wrapf("%s is not the Board chair", signer)
	}
	return nil
}

// TakeEmergencyAction lets the Board chair act at once (study 2.2.2.2): the
// action takes effect now, must be followed by the consultation of an advisory
// community before its deadline, lapses unless the Board ratifies it, and
// opens a post-hoc review that must close with a report.
func (k *Keeper) TakeEmergencyAction(ctx context.Context, msg *types.MsgTakeEmergencyAction) (uint64, error) {
	if err := k.requireChair(ctx, msg.Chair); err != nil {
		return 0, err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	if !params.Allows(msg.Kind) {
		return 0, types.ErrActionNotListed.Wrapf("%s is not on the list of emergency actions", msg.Kind)
	}
	if err := checkDocument("statement", msg.Statement, params.MaxUriLength); err != nil {
		return 0, err
	}
	if err := k.checkCooldown(ctx, msg.Kind, msg.Target, params); err != nil {
		return 0, err
	}
	cycle, ok := params.Cycle(types.ReviewPostEmergency)
	if !ok {
		return 0, types.ErrInvalidParams.Wrap("no post-emergency review cycle")
	}
	// The id is taken only once the action is known to be valid (its target
	// checked by applyEmergency), so that a refused action changes nothing.
	id, err := k.EmergencyID.Peek(ctx)
	if err != nil {
		return 0, err
	}
	if err := k.applyEmergency(ctx, id, msg.Kind, msg.Target); err != nil {
		return 0, err
	}
	if _, err := k.EmergencyID.Next(ctx); err != nil {
		return 0, err
	}
	reviewID, err := k.openReview(ctx, cycle, fmt.Sprintf("emergency/%d", id))
	if err != nil {
		return 0, err
	}
	now, height := blockTime(ctx)
	e := types.Emergency{
		Id: id, Chair: msg.Chair, Kind: msg.Kind, Target: msg.Target, Statement: msg.Statement, Status: types.EmergencyActive,
		ConsultationDeadline: deadline(ctx, params.EmergencyConsultationPeriod), Expiry: deadline(ctx, params.EmergencyExpiry),
		Ends:     deadline(ctx, params.EmergencyMaxDuration),
		ReviewId: reviewID, Minutes: []communitytypes.Document{msg.Statement}, TakenHeight: height, TakenTime: now,
	}
	if err := k.storeEmergency(ctx, e); err != nil {
		return 0, err
	}
	if err := k.ConsultationQueue.Set(ctx, collutil.At(e.ConsultationDeadline, id)); err != nil {
		return 0, err
	}
	if err := k.ExpiryQueue.Set(ctx, collutil.At(e.Expiry, id)); err != nil {
		return 0, err
	}
	if e.Target != "" {
		if err := k.LastEmergency.Set(ctx, collections.Join(int32(e.Kind), e.Target), id); err != nil {
			return 0, err
		}
	}
	return id, k.emitEmergency(ctx, e, "taken by the Board chair")
}

// applyEmergency puts an action's effect in force.
func (k *Keeper) applyEmergency(ctx context.Context, id uint64, kind types.EmergencyKind, target string) error {
	switch kind {
	case types.EmergencyStatement:
		if target != "" {
			return types.ErrInvalidTarget.Wrap("a statement has no target")
		}
		return nil
	case types.EmergencySuspendProposal:
		pid, err := strconv.ParseUint(target, 10, 64)
		if err != nil {
			return types.ErrInvalidTarget.Wrapf("%q is not a proposal id", target)
		}
		p, err := k.proposals.GetProposal(ctx, pid)
		if err != nil {
			return types.ErrInvalidTarget.Wrapf("proposal %d: %v", pid, err)
		}
		if p.Status.Terminal() {
			return types.ErrInvalidTarget.Wrapf("proposal %d is %s: it cannot be suspended", p.Id, p.Status)
		}
		// the suspension is the action's own hold, beside any IRP's
		return k.dispatch(ctx, &proposalstypes.MsgStayProposal{
			Authority: k.auth.Review, ProposalId: pid, Stay: true, Reason: fmt.Sprintf("emergency action %d", id),
			Source: proposalstypes.HoldSource("emergency", id),
		})
	case types.EmergencyPauseMessage:
		if !types.Pausable(target) {
			return types.ErrInvalidTarget.Wrapf("%s may not be paused: the Board must be able to act on the emergency", target)
		}
		if k.router.HandlerByTypeURL(target) == nil {
			return types.ErrInvalidTarget.Wrapf("%s is not a message type of this chain", target)
		}
		n, err := k.Paused.Get(ctx, target)
		if err := collutil.NotFoundOK(err); err != nil {
			return err
		}
		return k.Paused.Set(ctx, target, n+1)
	}
	return types.ErrActionNotListed.Wrapf("%s", kind)
}

// undoEmergency ends an action's effect.
func (k *Keeper) undoEmergency(ctx context.Context, e types.Emergency) error {
	switch e.Kind {
	case types.EmergencySuspendProposal:
		pid, err := strconv.ParseUint(e.Target, 10, 64)
		if err != nil {
			return err
		}
		source := proposalstypes.HoldSource("emergency", e.Id)
		_, held, err := k.proposals.GetHold(ctx, pid, source)
		if err != nil || !held {
			return err
		}
		// releases this action's hold only: an IRP's stay stays in force
		return k.dispatch(ctx, &proposalstypes.MsgStayProposal{
			Authority: k.auth.Review, ProposalId: pid, Stay: false, Reason: fmt.Sprintf("emergency action %d ended", e.Id), Source: source,
		})
	case types.EmergencyPauseMessage:
		n, err := k.Paused.Get(ctx, e.Target)
		if err := collutil.NotFoundOK(err); err != nil {
			return err
		}
		if n <= 1 {
			return k.Paused.Remove(ctx, e.Target)
		}
		return k.Paused.Set(ctx, e.Target, n-1)
	}
	return nil
}

// IsPaused reports whether an emergency action in force pauses a message type.
func (k *Keeper) IsPaused(ctx context.Context, typeURL string) (bool, error) {
	has, err := k.Paused.Has(ctx, typeURL)
	return has, err
}

func (k *Keeper) emitEmergency(ctx context.Context, e types.Emergency, note string) error {
	return k.emit(ctx, &types.EventEmergencyChanged{EmergencyId: e.Id, Kind: e.Kind, Target: e.Target, Status: e.Status, Note: note})
}

// RecordConsultation records the consultation of an advisory community.
func (k *Keeper) RecordConsultation(ctx context.Context, msg *types.MsgRecordConsultation) error {
	if err := k.requireChair(ctx, msg.Chair); err != nil {
		return err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := checkDocument("consultation", msg.Consultation, params.MaxUriLength); err != nil {
		return err
	}
	c, err := k.community.GetCommunity(ctx, msg.CommunityId)
	if err != nil {
		return err
	}
	if c.Kind != communitytypes.KindAdvisory {
		return types.ErrInvalidTarget.Wrapf("%s is a %s community: consult an advisory community", c.Id, c.Kind)
	}
	e, err := k.GetEmergency(ctx, msg.EmergencyId)
	if err != nil {
		return err
	}
	if e.ConsultedCommunity != "" {
		return types.ErrAlreadyDone.Wrapf("emergency %d already records a consultation of %s", e.Id, e.ConsultedCommunity)
	}
	// whatever the action's status: the duty to consult outlives an action
	// lifted or lapsed early, and a late consultation is still on record
	if !e.ConsultationMissed {
		if err := k.ConsultationQueue.Remove(ctx, collutil.At(e.ConsultationDeadline, e.Id)); err != nil {
			return err
		}
	}
	e.ConsultedCommunity, e.Consultation = msg.CommunityId, msg.Consultation
	e.Minutes = append(e.Minutes, msg.Consultation)
	return k.saveEmergency(ctx, e, "consultation of "+msg.CommunityId+" recorded")
}

// AddMinutes keeps minutes on an emergency.
func (k *Keeper) AddMinutes(ctx context.Context, msg *types.MsgAddMinutes) error {
	if err := k.requireChair(ctx, msg.Chair); err != nil {
		return err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := checkDocument("minutes", msg.Minutes, params.MaxUriLength); err != nil {
		return err
	}
	e, err := k.GetEmergency(ctx, msg.EmergencyId)
	if err != nil {
		return err
	}
	if len(e.Minutes) >= maxMinutes {
		return types.ErrLimit.Wrapf("emergency %d keeps %d minutes", e.Id, maxMinutes)
	}
	e.Minutes = append(e.Minutes, msg.Minutes)
	return k.saveEmergency(ctx, e, "minutes added")
}

// RatifyEmergency keeps an action in force (a ratified Board resolution).
//
// The msg server has checked the signer.
func (k *Keeper) RatifyEmergency(ctx context.Context, emergencyID uint64) error {
	e, err := k.GetEmergency(ctx, emergencyID)
	if err != nil {
		return err
	}
	if e.Status != types.EmergencyActive {
		return types.ErrWrongPhase.Wrapf("emergency %d is %s", e.Id, e.Status)
	}
	// ratified, it no longer lapses at its expiry, but still ends at the
	// latest when its maximum duration runs out
	if err := k.ExpiryQueue.Remove(ctx, collutil.At(e.Expiry, e.Id)); err != nil {
		return err
	}
	if err := k.ExpiryQueue.Set(ctx, collutil.At(e.Ends, e.Id)); err != nil {
		return err
	}
	by, err := k.resolution(ctx)
	if err != nil {
		return err
	}
	e.Status, e.RatifiedBy = types.EmergencyRatified, by
	return k.saveEmergency(ctx, e, "ratified by the Board; it ends by "+e.Ends.UTC().String())
}

// LiftEmergency ends an action (a Board resolution, or the chair).
func (k *Keeper) LiftEmergency(ctx context.Context, msg *types.MsgLiftEmergency) error {
	if msg.Authority != k.auth.Governance {
		if err := k.requireChair(ctx, msg.Authority); err != nil {
			return types.ErrUnauthorized.Wrap("only a Board resolution or the Board chair lifts an emergency action")
		}
	}
	e, err := k.GetEmergency(ctx, msg.EmergencyId)
	if err != nil {
		return err
	}
	if e.Status != types.EmergencyActive && e.Status != types.EmergencyRatified {
		return types.ErrWrongPhase.Wrapf("emergency %d is %s", e.Id, e.Status)
	}
	if err := k.ExpiryQueue.Remove(ctx, collutil.At(expiryOf(e), e.Id)); err != nil {
		return err
	}
	if err := k.undoEmergency(ctx, e); err != nil {
		return err
	}
	e.Status, e.EndedTime = types.EmergencyLifted, nowTime(ctx)
	return k.saveEmergency(ctx, e, "lifted")
}

// expireEmergency ends an action the Board did not ratify in time, or a
// ratified one whose maximum duration ran out.
func (k *Keeper) expireEmergency(ctx context.Context, id uint64) error {
	e, err := k.GetEmergency(ctx, id)
	if err != nil {
		return err
	}
	if e.Status != types.EmergencyActive && e.Status != types.EmergencyRatified {
		return nil
	}
	if err := k.ExpiryQueue.Remove(ctx, collutil.At(expiryOf(e), e.Id)); err != nil {
		return err
	}
	note := "expired: the Board did not ratify it in time"
	if e.Status == types.EmergencyRatified {
		note = "expired: its maximum duration ran out"
	}
	if err := k.undoEmergency(ctx, e); err != nil {
		return err
	}
	e.Status, e.EndedTime = types.EmergencyExpired, nowTime(ctx)
	return k.saveEmergency(ctx, e, note)
}

// nowTime is the block time.
func nowTime(ctx context.Context) time.Time {
	t, _ := blockTime(ctx)
	return t
}

// expiryOf is an action's entry in the expiry queue: its expiry while
// unratified, its maximum duration once ratified.
func expiryOf(e types.Emergency) time.Time {
	if e.Status == types.EmergencyRatified {
		return e.Ends
	}
	return e.Expiry
}

// checkCooldown refuses a measure (a suspension, a pause) on a target while
// the latest one on it is in force, or within emergency_cooldown after it
// ended: the chair may not keep an emergency alive by re-taking it at every
// lapse.
func (k *Keeper) checkCooldown(ctx context.Context, kind types.EmergencyKind, target string, params types.Params) error {
	if target == "" {
		return nil
	}
	last, err := k.LastEmergency.Get(ctx, collections.Join(int32(kind), target))
	if err != nil {
		return collutil.NotFoundOK(err)
	}
	e, err := k.GetEmergency(ctx, last)
	if err != nil {
		return err
	}
	if e.Status == types.EmergencyActive || e.Status == types.EmergencyRatified {
		return types.ErrInvalidTarget.Wrapf("emergency %d already applies %s to %s", e.Id, kind, target)
	}
	if until := e.EndedTime.Add(params.EmergencyCooldown); nowTime(ctx).Before(until) {
		return types.ErrWrongPhase.Wrapf("emergency %d on %s ended at %s: the same measure waits until %s", e.Id, target, e.EndedTime.UTC(), until.UTC())
	}
	return nil
}

// consultationMissed records that no advisory community was consulted in time.
func (k *Keeper) consultationMissed(ctx context.Context, id uint64) error {
	e, err := k.GetEmergency(ctx, id)
	if err != nil {
		return err
	}
	if err := k.ConsultationQueue.Remove(ctx, collutil.At(e.ConsultationDeadline, e.Id)); err != nil {
		return err
	}
	if e.ConsultedCommunity != "" {
		return nil
	}
	e.ConsultationMissed = true
	return k.saveEmergency(ctx, e, "no advisory community was consulted by the deadline")
}

func (k *Keeper) saveEmergency(ctx context.Context, e types.Emergency, note string) error {
	if err := k.storeEmergency(ctx, e); err != nil {
		return err
	}
	return k.emitEmergency(ctx, e, note)
}
