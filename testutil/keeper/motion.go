package keeper

import (
	"github.com/stretchr/testify/require"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/community/types"
)

// SubmitMotion delivers MsgSubmitMotion and returns the new motion's id.
func (f *Fixture) SubmitMotion(proposer sdk.AccAddress, bodyID, title string, msgs ...sdk.Msg) (uint64, error) {
	f.tb.Helper()
	anys := make([]*codectypes.Any, len(msgs))
	for i, m := range msgs {
		anys[i] = f.Any(m)
	}
	res, err := f.Deliver(&types.MsgSubmitMotion{Proposer: proposer.String(), BodyId: bodyID, Title: title, Messages: anys})
	if err != nil {
		return 0, err
	}
	var resp types.MsgSubmitMotionResponse
	require.NoError(f.tb, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	return resp.MotionId, nil
}

// MustSubmitMotion submits a motion that must be accepted.
func (f *Fixture) MustSubmitMotion(proposer sdk.AccAddress, bodyID string, msgs ...sdk.Msg) uint64 {
	f.tb.Helper()
	id, err := f.SubmitMotion(proposer, bodyID, "motion", msgs...)
	require.NoError(f.tb, err)
	return id
}

// Vote delivers MsgVote.
func (f *Fixture) Vote(voter sdk.AccAddress, motionID uint64, option types.VoteOption) error {
	f.tb.Helper()
	_, err := f.Deliver(&types.MsgVote{Voter: voter.String(), MotionId: motionID, Option: option})
	return err
}

// MustVote casts a vote that must be accepted.
func (f *Fixture) MustVote(voter sdk.AccAddress, motionID uint64, option types.VoteOption) {
	f.tb.Helper()
	require.NoError(f.tb, f.Vote(voter, motionID, option))
}

// Motion reads a motion that must exist.
func (f *Fixture) Motion(id uint64) types.Motion {
	f.tb.Helper()
	m, err := f.Keeper.GetMotion(f.Ctx, id)
	require.NoError(f.tb, err)
	return m
}

// Pass submits a motion in a body and has every given voter vote yes, so that
// it passes early, then runs the execution queue as this block's EndBlock
// would; it returns the decided (and, if passed, executed) motion.
func (f *Fixture) Pass(proposer sdk.AccAddress, bodyID string, voters []sdk.AccAddress, msgs ...sdk.Msg) types.Motion {
	f.tb.Helper()
	id := f.MustSubmitMotion(proposer, bodyID, msgs...)
	for _, v := range voters {
		f.MustVote(v, id, types.OptionYes)
	}
	return f.Executed(id)
}

// RunQueued decides the motions this block's votes settled and runs the
// messages of the passed motions waiting in the execution queue, as EndBlock
// does, without ending the block (no deadlines, seats or validator updates
// are processed).
func (f *Fixture) RunQueued() {
	f.tb.Helper()
	f.DecideSettled()
	require.NoError(f.tb, f.Keeper.RunExecutionQueue(f.Ctx))
}

// DecideSettled decides the motions this block's votes settled, as EndBlock
// does first, and runs nothing.
func (f *Fixture) DecideSettled() {
	f.tb.Helper()
	require.NoError(f.tb, f.Keeper.DecideSettledMotions(f.Ctx))
}

// Executed decides motion id if its votes settled it, runs the execution
// queue if it is then QUEUED, and returns the motion.
func (f *Fixture) Executed(id uint64) types.Motion {
	f.tb.Helper()
	f.DecideSettled()
	if f.Motion(id).Status == types.MotionStatusQueued {
		f.RunQueued()
	}
	return f.Motion(id)
}

// AdmitDirect admits a member with the community's own authority, as a passed
// motion of the community would, without a vote.
func (f *Fixture) AdmitDirect(communityID string, addr sdk.AccAddress, region types.Region, roles ...types.Role) {
	f.tb.Helper()
	f.MustDeliver(&types.MsgAdmitMember{
		Authority: BodyAuthority(communityID), CommunityId: communityID, Address: addr.String(),
		Roles: roles, Region: region,
	})
}
