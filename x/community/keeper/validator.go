package keeper

import (
	"context"

	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// GetValidator returns a validator by consensus address bytes.
func (k *Keeper) GetValidator(ctx context.Context, consAddr []byte) (types.Validator, error) {
	v, err := k.Validators.Get(ctx, consAddr)
	if err != nil {
		return v, notFound(err, types.ErrValidatorNotFound, "%X", consAddr)
	}
	return v, nil
}

// AdmitValidator adds a validator run by the community, by its motion. The
// operator and the consensus key must not belong to another community, and the
// power cap is checked with the new numbers before anything is written; the
// change reaches CometBFT in this block's EndBlock.
func (k *Keeper) AdmitValidator(ctx context.Context, msg *types.MsgAdmitValidator) (string, error) {
	if err := k.requireBodyAuthority(msg.CommunityId, msg.Authority); err != nil {
		return "", err
	}
	c, err := k.GetCommunity(ctx, msg.CommunityId)
	if err != nil {
		return "", err
	}
	operator, err := k.parseAddr("operator", msg.Operator)
	if err != nil {
		return "", err
	}
	// Check for a missing key first: GetCachedValue dereferences its receiver,
	// so a nil Any would panic instead of returning the registered error.
	if msg.ConsensusPubkey == nil {
		return "", types.ErrInvalidPubKey.Wrap("consensus_pubkey is required")
	}
	pk, ok := msg.ConsensusPubkey.GetCachedValue().(cryptotypes.PubKey)
	if !ok {
		return "", types.ErrInvalidPubKey.Wrap("consensus_pubkey must be a packed public key")
	}
	if err := types.ValidateConsensusKey(pk); err != nil {
		return "", err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return "", err
	}
	if err := types.ValidateText("moniker", msg.Moniker, params.MaxNameLength, true); err != nil {
		return "", err
	}
	if msg.Power <= 0 || msg.Power > params.MaxValidatorPower {
		return "", types.ErrInvalidPower.Wrapf("%d, want 1 to %d", msg.Power, params.MaxValidatorPower)
	}
	consAddr := pk.Address().Bytes()
	consStr, err := k.consCodec.BytesToString(consAddr)
	if err != nil {
		return "", err
	}
	existing, err := k.Validators.Get(ctx, consAddr)
	if err := collutil.NotFoundOK(err); err != nil {
		return "", err
	}
	if err := checkConsensusKey(existing, c.Id); err != nil {
		return "", err
	}
	if existing.HoldsPower() {
		return "", types.ErrValidatorExists.Wrapf("%s (%s, %s)", consStr, existing.Moniker, existing.Status)
	}
	if err := k.checkOperator(ctx, operator, c.Id); err != nil {
		return "", err
	}
	deferred, err := k.powerChecksDeferred(ctx)
	if err != nil {
		return "", err
	}
	if !deferred {
		if err := k.checkPowers(ctx, c.Id, msg.Power, params.Bootstrap); err != nil {
			return "", err
		}
	}
	v := types.Validator{
		ConsensusAddress: consStr, Operator: msg.Operator, CommunityId: c.Id, Moniker: msg.Moniker,
		ConsensusPubkey: msg.ConsensusPubkey, Power: msg.Power, Status: types.ValidatorActive, Audit: newAudit(ctx),
	}
	if existing.ConsensusAddress != "" {
		v.Audit.CreatedHeight, v.Audit.CreatedAt = existing.Audit.CreatedHeight, existing.Audit.CreatedAt
	}
	if err := k.setValidatorPower(ctx, v, consAddr, msg.Power); err != nil {
		return "", err
	}
	return consStr, k.emit(ctx, &types.EventValidatorAdmitted{
		ConsensusAddress: consStr, Operator: msg.Operator, CommunityId: c.Id, Moniker: msg.Moniker, Power: msg.Power,
	})
}

// RemoveValidator takes one of the community's validators out of the set, by
// its motion. The set may not become empty and the cap must still hold.
func (k *Keeper) RemoveValidator(ctx context.Context, msg *types.MsgRemoveValidator) error {
	if err := k.requireBodyAuthority(msg.CommunityId, msg.Authority); err != nil {
		return err
	}
	if _, err := k.GetCommunity(ctx, msg.CommunityId); err != nil {
		return err
	}
	consAddr, err := k.consCodec.StringToBytes(msg.ConsensusAddress)
	if err != nil {
		return types.ErrInvalidAddress.Wrapf("consensus_address %q: %v", msg.ConsensusAddress, err)
	}
	v, err := k.GetValidator(ctx, consAddr)
	if err != nil {
		return err
	}
	if !v.HoldsPower() || v.CommunityId != msg.CommunityId {
		return types.ErrValidatorNotFound.Wrapf("%s is not an active or suspended validator of %s", msg.ConsensusAddress, msg.CommunityId)
	}
	deferred, err := k.powerChecksDeferred(ctx)
	if err != nil {
		return err
	}
	if !deferred {
		if err := k.checkPowerResult(ctx, []powerDelta{{v.CommunityId, -v.Power}}); err != nil {
			return err
		}
		if v.Status == types.ValidatorActive {
			if err := k.checkConsensusRemains(ctx, -v.Power); err != nil {
				return err
			}
		}
	}
	if v.Status == types.ValidatorSuspended {
		if err := k.addSuspended(ctx, -v.Power); err != nil {
			return err
		}
	}
	// A removed validator keeps its record but holds no power: lists and
	// explorers show 0, as CometBFT does.
	was := v.Power
	v.Status, v.Power = types.ValidatorRemoved, 0
	touch(ctx, &v.Audit)
	if err := k.setValidatorPower(ctx, v, consAddr, -was); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventValidatorRemoved{ConsensusAddress: msg.ConsensusAddress, CommunityId: v.CommunityId})
}

// ConsPubKey unpacks a stored validator's consensus key (records read from the
// store carry the key as raw Any bytes).
func (k *Keeper) ConsPubKey(v types.Validator) (cryptotypes.PubKey, error) {
	var pk cryptotypes.PubKey
	if err := k.cdc.UnpackAny(v.ConsensusPubkey, &pk); err != nil || pk == nil {
		return nil, types.ErrInvalidPubKey.Wrapf("validator %s: %v", v.ConsensusAddress, err)
	}
	return pk, nil
}
