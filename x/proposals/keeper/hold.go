package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/proposals/types"
)

// StayProposal places or releases one source's hold on a proposal. Holds are
// kept per source (an IRP case, an emergency action) so that no source can
// undo another's: a release removes only the releasing source's own hold, and
// only the authority that placed a hold may release it. A proposal not yet
// executed may be held, a QUEUED one too (it returns to APPROVED); releasing
// the last hold of an APPROVED proposal queues it, to execute in EndBlock. A
// hold on a proposal that has since closed (vetoed, returned) can still be
// released, so that its source can close its record. The msg server has
// checked that the holder is independent review; the holder is still
// compared with the one a hold records, which is state.
func (k *Keeper) StayProposal(ctx context.Context, holder string, proposalID uint64, source string, stay bool, reason string) (types.ProposalStatus, error) {
	if err := types.ValidateHoldSource(source); err != nil {
		return 0, err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	if err := checkText("reason", reason, params.MaxTextLength, false); err != nil {
		return 0, err
	}
	p, err := k.GetProposal(ctx, proposalID)
	if err != nil {
		return 0, err
	}
	key := collections.Join(p.Id, source)
	hold, err := k.Holds.Get(ctx, key)
	held := err == nil
	if err := collutil.NotFoundOK(err); err != nil {
		return 0, err
	}
	if stay {
		if held {
			return p.Status, types.ErrHoldExists.Wrapf("%s already holds proposal %d", source, p.Id)
		}
		if p.Status.Terminal() {
			return p.Status, types.ErrWrongPhase.Wrapf("proposal %d is %s: only a proposal not yet executed can be held", p.Id, p.Status)
		}
		return k.placeHold(ctx, &p, source, holder, reason)
	}
	if !held {
		return p.Status, types.ErrHoldNotFound.Wrapf("%s holds no hold on proposal %d", source, p.Id)
	}
	if hold.Holder != holder {
		return p.Status, types.ErrUnauthorized.Wrapf("hold %s on proposal %d was placed by %s", source, p.Id, hold.Holder)
	}
	return k.releaseHold(ctx, &p, hold, reason)
}

// placeHold records a new hold and counts it on the proposal. Holds win over
// execution: a QUEUED proposal (approved, its messages not yet run) leaves
// the execution queue and waits as APPROVED until its last hold is released.
func (k *Keeper) placeHold(ctx context.Context, p *types.Proposal, source, holder, reason string) (types.ProposalStatus, error) {
	sdkCtx, height := now(ctx)
	hold := types.Hold{ProposalId: p.Id, Source: source, Holder: holder, Reason: reason, Height: height, Time: sdkCtx.HeaderInfo().Time}
	if err := k.Holds.Set(ctx, collections.Join(p.Id, source), hold); err != nil {
		return 0, err
	}
	p.HoldCount++
	p.Stayed = true
	if err := k.emit(ctx, &types.EventProposalStayed{
		ProposalId: p.Id, Stayed: true, Reason: reason, Source: source, Placed: true, HoldCount: p.HoldCount,
	}); err != nil {
		return 0, err
	}
	if p.Status == types.StatusQueued {
		if err := k.transition(ctx, p, types.StatusApproved, time.Time{}, "approved; execution held until every hold is released"); err != nil {
			return 0, err
		}
	}
	return p.Status, k.storeProposal(ctx, *p)
}

// releaseHold moves a hold from those in force to the released record; the
// last one to go queues an APPROVED proposal for execution at the end of the
// block.
func (k *Keeper) releaseHold(ctx context.Context, p *types.Proposal, hold types.Hold, reason string) (types.ProposalStatus, error) {
	if err := k.Holds.Remove(ctx, collections.Join(p.Id, hold.Source)); err != nil {
		return 0, err
	}
	seq, err := k.recordRelease(ctx, hold, reason)
	if err != nil {
		return 0, err
	}
	if p.HoldCount > 0 {
		p.HoldCount--
	}
	p.Stayed = p.HoldCount > 0
	if err := k.emit(ctx, &types.EventProposalStayed{
		ProposalId: p.Id, Stayed: p.Stayed, Reason: reason, Source: hold.Source, HoldCount: p.HoldCount, ReleasedSequence: seq,
	}); err != nil {
		return 0, err
	}
	if !p.Stayed && p.Status == types.StatusApproved {
		if err := k.ratify(ctx, p); err != nil {
			return 0, err
		}
	}
	return p.Status, k.storeProposal(ctx, *p)
}

// recordRelease keeps a released hold, numbered after the proposal's last
// released hold (found by one reverse step under the proposal's prefix).
func (k *Keeper) recordRelease(ctx context.Context, h types.Hold, reason string) (uint64, error) {
	seq, err := k.lastReleased(ctx, h.ProposalId)
	if err != nil {
		return 0, err
	}
	seq++
	sdkCtx, height := now(ctx)
	return seq, k.ReleasedHolds.Set(ctx, collections.Join(h.ProposalId, seq), types.ReleasedHold{
		ProposalId: h.ProposalId, Sequence: seq, Source: h.Source, Holder: h.Holder, Reason: h.Reason,
		Height: h.Height, Time: h.Time, ReleaseReason: reason, ReleasedHeight: height, ReleasedTime: sdkCtx.HeaderInfo().Time,
	})
}

// lastReleased is the sequence of a proposal's last released hold (0 for none).
func (k *Keeper) lastReleased(ctx context.Context, proposalID uint64) (uint64, error) {
	iter, err := k.ReleasedHolds.Iterate(ctx, collections.NewPrefixedPairRange[uint64, uint64](proposalID).Descending())
	if err != nil {
		return 0, err
	}
	defer iter.Close()
	if !iter.Valid() {
		return 0, nil
	}
	key, err := iter.Key()
	if err != nil {
		return 0, err
	}
	return key.K2(), nil
}

// GetHold returns a source's hold on a proposal, if it has one.
func (k *Keeper) GetHold(ctx context.Context, proposalID uint64, source string) (types.Hold, bool, error) {
	h, err := k.Holds.Get(ctx, collections.Join(proposalID, source))
	if err != nil {
		return h, false, collutil.NotFoundOK(err)
	}
	return h, true, nil
}

// AllHolds lists every hold in force, in (proposal, source) order.
func (k *Keeper) AllHolds(ctx context.Context) ([]types.Hold, error) {
	return collutil.Values(ctx, k.Holds.Iterate)
}
