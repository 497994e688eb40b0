package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// Validator power is checked on the result of a whole motion, not message by
// message: one motion may admit a validator's new key and remove its old one
// (a key rotation at the same power) although either change alone would
// break the community's share. The check runs twice: at submission, on the
// powers of that moment, so that a wrong power is refused at once and not
// after the voting period; and after the motion's last message has run, on
// the powers it then meets (the motion fails whole if they break a rule).

// powerChecksDeferred reports whether AdmitValidator and RemoveValidator
// leave the power rules to the end of the running motion: only when that
// motion itself carries validator messages, the same condition under which
// execute checks the result. A validator message reached any other way is
// checked on its own, so nothing can skip the check.
func (k *Keeper) powerChecksDeferred(ctx context.Context) (bool, error) {
	m, running, err := k.RunningMotion(ctx)
	if err != nil || !running {
		return false, err
	}
	return hasValidatorMessages(m), nil
}

// checkMotionPowers checks the power rules as they would be after a motion's
// validator messages, with the powers of now. Messages that would fail on
// their own (an unknown validator, say) count for nothing here: execution
// refuses them.
func (k *Keeper) checkMotionPowers(ctx context.Context, msgs []sdk.Msg) error {
	deltas, changes, err := k.motionPowerDeltas(ctx, msgs)
	if err != nil || !changes {
		return err
	}
	return k.checkPowerResult(ctx, deltas)
}

// checkPowerResult checks that the set keeps a validator and every share and
// cap holds after deltas (nil: the powers as they are).
func (k *Keeper) checkPowerResult(ctx context.Context, deltas []powerDelta) error {
	total, err := k.totalPower(ctx)
	if err != nil {
		return err
	}
	for _, d := range deltas {
		total += d.delta
	}
	if total <= 0 {
		return types.ErrEmptyValidatorSet.Wrap("the motion would leave no validator")
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	return k.checkPowersAfter(ctx, deltas, params.Bootstrap)
}

// motionPowerDeltas sums the power a motion's messages add and remove per
// community, and reports whether it has validator messages at all.
func (k *Keeper) motionPowerDeltas(ctx context.Context, msgs []sdk.Msg) ([]powerDelta, bool, error) {
	var deltas []powerDelta
	found := false
	for _, msg := range msgs {
		switch m := msg.(type) {
		case *types.MsgAdmitValidator:
			found = true
			if m.Power > 0 {
				deltas = addDelta(deltas, m.CommunityId, m.Power)
			}
		case *types.MsgRemoveValidator:
			found = true
			consAddr, err := k.consCodec.StringToBytes(m.ConsensusAddress)
			if err != nil {
				continue
			}
			v, err := k.Validators.Get(ctx, consAddr)
			if err := collutil.NotFoundOK(err); err != nil {
				return nil, false, err
			}
			if v.HoldsPower() && v.CommunityId == m.CommunityId {
				deltas = addDelta(deltas, m.CommunityId, -v.Power)
			}
		}
	}
	return deltas, found, nil
}

// hasValidatorMessages reports whether a motion changes the validator set.
func hasValidatorMessages(m types.Motion) bool {
	for _, a := range m.Messages {
		switch a.TypeUrl {
		case sdk.MsgTypeURL(&types.MsgAdmitValidator{}), sdk.MsgTypeURL(&types.MsgRemoveValidator{}):
			return true
		}
	}
	return false
}
