package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/community/types"
)

// Vote records a vote and updates the motion's tallies in place (overall and
// per house): no vote is ever re-read to count. When the outcome can no longer
// change, the motion is decided in this same transaction.
func (k *Keeper) Vote(ctx context.Context, msg *types.MsgVote) (types.MotionStatus, error) {
	addr, err := k.parseAddr("voter", msg.Voter)
	if err != nil {
		return 0, err
	}
	if msg.Option < types.OptionYes || msg.Option > types.OptionAbstain {
		return 0, types.ErrInvalidVoteOption.Wrapf("%d", msg.Option)
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	if err := types.ValidateText("reason", msg.Reason, params.MaxReasonLength, false); err != nil {
		return 0, err
	}
	m, err := k.GetMotion(ctx, msg.MotionId)
	if err != nil {
		return 0, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	now := sdkCtx.HeaderInfo().Time
	if m.Status != types.MotionStatusVoting || !now.Before(m.VotingEndTime) {
		return m.Status, types.ErrMotionClosed.Wrapf("motion %d is %s, voting ended %s", m.Id, m.Status, m.VotingEndTime)
	}
	body, err := k.GetBody(ctx, m.BodyId)
	if err != nil {
		return 0, err
	}
	v, ok, err := k.voterIn(ctx, body, addr)
	if err != nil {
		return 0, err
	}
	if !ok || v.weight == 0 {
		return 0, types.ErrNotMember.Wrapf("%s does not vote in %s", msg.Voter, body.Id)
	}
	if v.since >= m.SubmitHeight {
		return 0, types.ErrNotEligible.Wrapf("%s joined %s at height %d, not before motion %d (height %d)", msg.Voter, body.Id, v.since, m.Id, m.SubmitHeight)
	}
	key := collections.Join(m.Id, addr)
	if has, err := k.Votes.Has(ctx, key); err != nil || has {
		return 0, firstErr(err, types.ErrAlreadyVoted.Wrapf("%s on motion %d", msg.Voter, m.Id))
	}

	vote := types.Vote{
		MotionId: m.Id, Voter: msg.Voter, Option: msg.Option, Weight: v.weight, Reason: msg.Reason,
		Height: sdkCtx.BlockHeight(), Time: now,
	}
	m.Tally = m.Tally.Add(msg.Option, v.weight)
	for i := range m.HouseTallies {
		h := &m.HouseTallies[i]
		hv, ok, err := k.communityVoter(ctx, h.CommunityId, addr)
		if err != nil {
			return 0, err
		}
		if ok && hv.since < m.SubmitHeight {
			h.Tally = h.Tally.Add(msg.Option, hv.weight)
			vote.Houses = append(vote.Houses, h.CommunityId)
		}
	}
	if err := k.Votes.Set(ctx, key, vote); err != nil {
		return 0, err
	}
	if err := k.storeMotion(ctx, m); err != nil {
		return 0, err
	}
	if err := k.emit(ctx, &types.EventVoteCast{MotionId: m.Id, BodyId: m.BodyId, Voter: msg.Voter, Option: msg.Option, Weight: v.weight}); err != nil {
		return 0, err
	}
	if decided, passed := m.Rule.Outcome(m.Tally, m.EligibleWeight, m.HouseTallies); decided {
		if err := k.finish(ctx, m, passed); err != nil {
			return 0, err
		}
		m, err = k.GetMotion(ctx, m.Id)
		if err != nil {
			return 0, err
		}
	}
	return m.Status, nil
}
