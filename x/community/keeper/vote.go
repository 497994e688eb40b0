package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/community/types"
)

// Vote records a vote and updates the motion's tallies in place (overall and
// per house): no vote is ever re-read to count. When the outcome can no longer
// change, the motion is marked settled and EndBlock decides it: a vote later
// in the same block, valid when it entered the mempool, still counts rather
// than failing against a motion closed under it (settled.go).
func (k *Keeper) Vote(ctx context.Context, msg *types.MsgVote) (types.MotionStatus, error) {
	addr, err := k.parseAddr("voter", msg.Voter)
	if err != nil {
		return 0, err
	}
	if msg.Option < types.OptionYes || msg.Option > types.OptionAbstain {
		return 0, types.ErrInvalidVoteOption.Wrapf("%d", msg.Option)
	}
	if err := k.checkReason(ctx, msg.Reason); err != nil {
		return 0, err
	}
	m, v, err := k.checkVoteAllowed(ctx, msg.MotionId, msg.Voter, addr)
	if err != nil {
		return m.Status, err
	}
	if m, err = k.withTally(ctx, m); err != nil {
		return 0, err
	}
	// a vote after the settling one in the same block leaves the set alone
	wasSettled, _ := m.Rule.Outcome(m.Tally, m.EligibleWeight, m.HouseTallies)
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	now := sdkCtx.HeaderInfo().Time
	key := collections.Join(m.Id, addr)
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
		if ok && hv.weight > 0 && hv.since < m.SubmitHeight {
			h.Tally = h.Tally.Add(msg.Option, hv.weight)
			vote.Houses = append(vote.Houses, h.CommunityId)
		}
	}
	if err := k.Votes.Set(ctx, key, vote); err != nil {
		return 0, err
	}
	if err := k.storeTally(ctx, m); err != nil {
		return 0, err
	}
	if err := k.emit(ctx, &types.EventVoteCast{MotionId: m.Id, BodyId: m.BodyId, Voter: msg.Voter, Option: msg.Option, Weight: v.weight}); err != nil {
		return 0, err
	}
	if decided, _ := m.Rule.Outcome(m.Tally, m.EligibleWeight, m.HouseTallies); decided && !wasSettled {
		if err := k.SettledMotions.Set(ctx, m.Id); err != nil {
			return 0, err
		}
	}
	return m.Status, nil
}

// PrecheckVote says, without writing, whether a vote would be refused for a
// reason that no later block can lift: the motion is decided or its time is
// up, the voter holds no place that votes on it (places count only when held
// before the motion was submitted, so one gained later never does), or the
// voter has already voted. The ante handler runs it in CheckTx so that such
// votes take no block space; Vote runs the same checks. A motion not found is
// let through: it may be submitted earlier in the block that runs the vote.
func (k *Keeper) PrecheckVote(ctx context.Context, msg *types.MsgVote) error {
	addr, err := k.parseAddr("voter", msg.Voter)
	if err != nil {
		return err
	}
	_, _, err = k.checkVoteAllowed(ctx, msg.MotionId, msg.Voter, addr)
	if errors.Is(err, types.ErrMotionNotFound) {
		return nil
	}
	return err
}

// checkVoteAllowed reads the motion and the voter's place in its body and
// refuses a vote on a closed motion, by a non-voter or a late joiner, or a
// second vote. In CheckTx the time is the last block's, and block times only
// grow, so a motion closed by time then is closed for the next block too.
//
// It reads the motion without its tallies (CheckTx runs it for every vote and
// needs none); Vote merges them in.
func (k *Keeper) checkVoteAllowed(ctx context.Context, motionID uint64, voterAddr string, addr sdk.AccAddress) (types.Motion, voter, error) {
	m, err := k.Motions.Get(ctx, motionID)
	if err != nil {
		return types.Motion{}, voter{}, notFound(err, types.ErrMotionNotFound, "motion %d", motionID)
	}
	now := sdk.UnwrapSDKContext(ctx).HeaderInfo().Time
	if m.Status != types.MotionStatusVoting || !now.Before(m.VotingEndTime) {
		return m, voter{}, types.ErrMotionClosed.Wrapf("motion %d is %s, voting ended %s", m.Id, m.Status, m.VotingEndTime)
	}
	body, err := k.GetBody(ctx, m.BodyId)
	if err != nil {
		return types.Motion{}, voter{}, err
	}
	v, ok, err := k.voterIn(ctx, body, addr)
	if err != nil {
		return types.Motion{}, voter{}, err
	}
	if !ok {
		return types.Motion{}, voter{}, types.ErrNotMember.Wrapf("%s does not vote in %s", voterAddr, body.Id)
	}
	if v.weight == 0 {
		return types.Motion{}, voter{}, types.ErrNonVoting.Wrapf("%s has no vote in %s", voterAddr, body.Id)
	}
	if v.since >= m.SubmitHeight {
		return types.Motion{}, voter{}, types.ErrNotEligible.Wrapf("%s joined %s at height %d, not before motion %d (height %d)", voterAddr, body.Id, v.since, m.Id, m.SubmitHeight)
	}
	if has, err := k.Votes.Has(ctx, collections.Join(m.Id, addr)); err != nil || has {
		return types.Motion{}, voter{}, firstErr(err, types.ErrAlreadyVoted.Wrapf("%s on motion %d", voterAddr, m.Id))
	}
	return m, v, nil
}

// checkReason holds a vote's reason to the params' limit. Most votes give
// none, and an empty reason is within any limit, so only a vote with one
// reads the params: a read, its decoding and its gas saved on every other
// vote, the same on every node.
func (k *Keeper) checkReason(ctx context.Context, reason string) error {
	if reason == "" {
		return nil
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	return types.ValidateText("reason", reason, params.MaxReasonLength, false)
}
