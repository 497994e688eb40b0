package keeper

import (
	"context"

	"cosmossdk.io/collections"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// BeginBlocker records CometBFT's evidence of misbehaviour (evidence.go),
// then which validators signed the previous block, from the commit CometBFT
// reports (one entry per validator of that block's set, so
// the loop is bounded by the validator set). It never fails the block: a
// record that cannot be read or written is logged and skipped.
func (k *Keeper) BeginBlocker(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	k.handleEvidence(sdkCtx)
	votes := sdkCtx.VoteInfos()
	if len(votes) == 0 {
		return nil
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		k.logger.Error("liveness: no params", "err", err)
		return nil
	}
	for _, v := range votes {
		missed := v.BlockIdFlag == cmtproto.BlockIDFlagAbsent
		if err := k.recordSignature(sdkCtx, v.Validator.Address, missed, params); err != nil {
			k.logger.Error("liveness: cannot record a signature", "validator", v.Validator.Address, "err", err)
		}
	}
	return nil
}

// recordSignature counts one block for a validator: a miss in its window,
// and at a window's end whether it stays flagged. The record is written only
// when it changes (a miss, a new window), not for every signed block.
func (k *Keeper) recordSignature(ctx sdk.Context, consAddr []byte, missed bool, p types.Params) error {
	v, err := k.Validators.Get(ctx, consAddr)
	if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	if err != nil || v.ConsensusAddress == "" {
		return nil // not one of ours (a validator removed since that block)
	}
	height := ctx.BlockHeight()
	l, err := k.Liveness.Get(ctx, consAddr)
	if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	changed := false
	if l.ConsensusAddress == "" {
		l = types.Liveness{ConsensusAddress: v.ConsensusAddress, WindowStartHeight: height}
		changed = true
	}
	wasDown := l.Down
	if height-l.WindowStartHeight >= int64(p.LivenessWindow) {
		// The window closed: the flag stays only if that window broke the limit.
		l.Down = l.MissedInWindow > p.MaxMissedBlocks
		l.WindowStartHeight, l.MissedInWindow = height, 0
		changed = true
	}
	if missed {
		l.MissedInWindow++
		l.MissedTotal++
		l.LastMissedHeight = height
		if l.MissedInWindow > p.MaxMissedBlocks && !l.Down {
			l.Down, l.DownSinceHeight = true, height
		}
		changed = true
	}
	if !changed {
		return nil
	}
	if err := k.Liveness.Set(ctx, consAddr, l); err != nil {
		return err
	}
	if l.Down == wasDown {
		return nil
	}
	return k.emit(ctx, &types.EventValidatorLiveness{
		ConsensusAddress: l.ConsensusAddress, CommunityId: v.CommunityId, Down: l.Down,
		MissedInWindow: l.MissedInWindow, Window: p.LivenessWindow, MissedTotal: l.MissedTotal,
	})
}

// initLiveness imports the validators' signing records.
func (k *Keeper) initLiveness(ctx context.Context, gs types.GenesisState) error {
	for _, l := range gs.Liveness {
		consAddr, err := k.consCodec.StringToBytes(l.ConsensusAddress)
		if err != nil {
			return err
		}
		if err := k.Liveness.Set(ctx, consAddr, l); err != nil {
			return err
		}
	}
	return nil
}

// initMisbehaviours imports the evidence on record.
func (k *Keeper) initMisbehaviours(ctx context.Context, gs types.GenesisState) error {
	for _, m := range gs.Misbehaviours {
		consAddr, err := k.consCodec.StringToBytes(m.ConsensusAddress)
		if err != nil {
			return err
		}
		if err := k.Misbehaviours.Set(ctx, collections.Join(consAddr, m.EvidenceHeight), m); err != nil {
			return err
		}
	}
	return nil
}
