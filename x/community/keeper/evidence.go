package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/comet"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// A double-signing validator is taken out of CometBFT's set at once (its key
// may be in the hands of an attacker), but its power still counts toward its
// community's share and the 1/3 cap: the set's balance between communities
// is a governance decision, so the community's own motion decides what
// follows (remove it, or admit a new key and remove this one in one motion).
// Nothing is slashed: Polity has no stake.

// handleEvidence records the misbehaviour CometBFT reports in this block
// (bounded by CometBFT's evidence limits per block) and suspends the
// validators concerned. Errors are logged; the block never fails for them.
func (k *Keeper) handleEvidence(ctx sdk.Context) {
	info := ctx.CometInfo()
	if info == nil {
		return
	}
	list := info.GetEvidence()
	if list == nil {
		return
	}
	for i := 0; i < list.Len(); i++ {
		e := list.Get(i)
		var kind string
		switch e.Type() {
		case comet.DuplicateVote:
			kind = "duplicate_vote"
		case comet.LightClientAttack:
			kind = "light_client_attack"
		default:
			continue
		}
		if err := k.recordMisbehaviour(ctx, e, kind); err != nil {
			k.logger.Error("evidence: cannot record", "validator", e.Validator().Address(), "err", err)
		}
	}
}

// recordMisbehaviour records one piece of evidence, once, and suspends the
// validator if it is still in the set and not the last one there.
func (k *Keeper) recordMisbehaviour(ctx sdk.Context, e comet.Evidence, kind string) error {
	consAddr := e.Validator().Address()
	v, err := k.Validators.Get(ctx, consAddr)
	if errors.Is(err, collections.ErrNotFound) {
		return nil // not one of ours
	}
	if err != nil {
		return err
	}
	key := collections.Join(consAddr, e.Height())
	if seen, err := k.Misbehaviours.Has(ctx, key); err != nil || seen {
		return err
	}
	m := types.Misbehaviour{
		ConsensusAddress: v.ConsensusAddress, CommunityId: v.CommunityId, Type: kind,
		EvidenceHeight: e.Height(), EvidenceTime: e.Time().UTC(), RecordedHeight: ctx.BlockHeight(),
	}
	// Run in a cache context so a failed suspension leaves nothing half done.
	cache, write := ctx.CacheContext()
	if v.Status == types.ValidatorActive {
		suspended, err := k.suspend(cache, v, consAddr)
		if err != nil {
			return err
		}
		m.Suspended = suspended
	}
	if err := k.Misbehaviours.Set(cache, key, m); err != nil {
		return err
	}
	write()
	return k.emit(ctx, &types.EventValidatorMisbehaved{
		ConsensusAddress: m.ConsensusAddress, CommunityId: m.CommunityId, Type: kind,
		EvidenceHeight: m.EvidenceHeight, Suspended: m.Suspended,
	})
}

// suspend takes an active validator out of CometBFT's set, keeping its power
// in the counters; it refuses (false) when it is the last power CometBFT has.
func (k *Keeper) suspend(ctx context.Context, v types.Validator, consAddr []byte) (bool, error) {
	live, err := k.consensusPower(ctx)
	if err != nil {
		return false, err
	}
	if live-v.Power <= 0 {
		k.logger.Error("evidence against the last validator in the set: recorded, not suspended", "validator", v.ConsensusAddress)
		return false, nil
	}
	v.Status = types.ValidatorSuspended
	touch(ctx, &v.Audit)
	if err := k.setValidatorPower(ctx, v, consAddr, 0); err != nil { // counters keep its power
		return false, err
	}
	return true, k.addSuspended(ctx, v.Power)
}

// consensusPower is the power in CometBFT's set: the counted power less the
// suspended validators'.
func (k *Keeper) consensusPower(ctx context.Context) (int64, error) {
	total, err := k.totalPower(ctx)
	if err != nil {
		return 0, err
	}
	suspended, err := k.SuspendedPower.Get(ctx)
	if err := collutil.NotFoundOK(err); err != nil {
		return 0, err
	}
	return total - suspended, nil
}

// addSuspended moves the suspended power by delta.
func (k *Keeper) addSuspended(ctx context.Context, delta int64) error {
	p, err := k.SuspendedPower.Get(ctx)
	if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	return k.SuspendedPower.Set(ctx, p+delta)
}

// checkConsensusRemains refuses a change that would leave CometBFT's set
// without power (suspended validators count in the totals, not there).
func (k *Keeper) checkConsensusRemains(ctx context.Context, delta int64) error {
	live, err := k.consensusPower(ctx)
	if err != nil {
		return err
	}
	if live+delta <= 0 {
		return types.ErrEmptyValidatorSet.Wrap("CometBFT's set would have no power left: the others are suspended")
	}
	return nil
}
