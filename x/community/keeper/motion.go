package keeper

import (
	"bytes"
	"context"
	"time"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// GetMotion returns a motion or ErrMotionNotFound.
func (k *Keeper) GetMotion(ctx context.Context, id uint64) (types.Motion, error) {
	m, err := k.Motions.Get(ctx, id)
	if err != nil {
		return m, notFound(err, types.ErrMotionNotFound, "motion %d", id)
	}
	return k.withTally(ctx, m)
}

// SubmitMotion opens a motion in a body the proposer votes in. Every message
// must be signed by the body alone and have a route, so a motion that passes
// can only fail on the state it meets, never on its form.
func (k *Keeper) SubmitMotion(ctx context.Context, msg *types.MsgSubmitMotion) (uint64, error) {
	proposer, err := k.parseAddr("proposer", msg.Proposer)
	if err != nil {
		return 0, err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	if err := types.ValidateText("title", msg.Title, params.MaxTitleLength, true); err != nil {
		return 0, err
	}
	if err := types.ValidateText("summary", msg.Summary, params.MaxSummaryLength, false); err != nil {
		return 0, err
	}
	if len(msg.Messages) > int(params.MaxMessagesPerMotion) {
		return 0, types.ErrInvalidMotion.Wrapf("%d messages, at most %d", len(msg.Messages), params.MaxMessagesPerMotion)
	}
	body, err := k.GetBody(ctx, msg.BodyId)
	if err != nil {
		return 0, err
	}
	v, ok, err := k.voterIn(ctx, body, proposer)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, types.ErrNotMember.Wrapf("%s does not vote in %s", msg.Proposer, body.Id)
	}
	if v.weight == 0 {
		// a motion is the voters' instrument: non-voting members and Board
		// liaisons speak in comments and through a voting member
		return 0, types.ErrNonVoting.Wrapf("%s has no vote in %s, so opens no motion there", msg.Proposer, body.Id)
	}
	msgs, err := k.checkMotionMessages(body, msg.Messages)
	if err != nil {
		return 0, err
	}
	if err := k.checkMotionPowers(ctx, msgs); err != nil {
		return 0, err
	}

	// the body's rule for these messages (its action rules), raised by a
	// weighty message (a director's removal: 3/4 of all members)
	rule, err := types.RaiseRule(body.Rule.ForMessages(anyTypes(msg.Messages)), params.MotionThresholds, anyTypes(msg.Messages))
	if err != nil {
		return 0, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	now := sdkCtx.HeaderInfo().Time
	eligible, err := k.ElectorateWeight(ctx, body.Id)
	if err != nil {
		return 0, err
	}
	houseIDs := rule.HouseIDs()
	houses := make([]types.HouseTally, 0, len(houseIDs))
	for _, h := range houseIDs {
		hs, err := k.GetBodyStats(ctx, h)
		if err != nil {
			return 0, err
		}
		houses = append(houses, types.HouseTally{CommunityId: h, EligibleWeight: hs.TotalWeight})
	}
	id, err := k.MotionID.Next(ctx)
	if err != nil {
		return 0, err
	}
	// Whole seconds keep the deadline equal to its queue key.
	end := now.Add(rule.VotingPeriod).Truncate(time.Second)
	m := types.Motion{
		Id: id, BodyId: body.Id, Proposer: msg.Proposer, Title: msg.Title, Summary: msg.Summary,
		Messages: msg.Messages, Status: types.MotionStatusVoting, Rule: rule,
		EligibleWeight: eligible, HouseTallies: houses,
		SubmitHeight: sdkCtx.BlockHeight(), SubmitTime: now, VotingEndTime: end,
	}
	if err := k.storeMotion(ctx, m); err != nil {
		return 0, err
	}
	if len(houses) > 0 { // the houses' eligible weights, shown before any vote
		if err := k.storeTally(ctx, m); err != nil {
			return 0, err
		}
	}
	if err := k.MotionQueue.Set(ctx, collutil.At(end, id)); err != nil {
		return 0, err
	}
	if err := k.emit(ctx, &types.EventMotionSubmitted{
		MotionId: id, BodyId: body.Id, Proposer: msg.Proposer, MessageTypes: messageTypes(m), VotingEndTime: end,
	}); err != nil {
		return 0, err
	}
	// A motion no vote can carry (an empty house, say) is rejected at once.
	if decided, passed := m.Rule.Outcome(m.Tally, m.EligibleWeight, m.HouseTallies); decided {
		return id, k.finish(ctx, m, passed)
	}
	return id, nil
}

// anyTypes lists the type URLs of packed messages.
func anyTypes(anys []*codectypes.Any) []string {
	out := make([]string, len(anys))
	for i, a := range anys {
		out[i] = a.TypeUrl
	}
	return out
}

// checkMotionMessages requires each message to be signed by the body alone, to
// have a route and to pass its stateless checks, and returns the messages
// unpacked for the checks that follow.
func (k *Keeper) checkMotionMessages(body types.Body, anys []*codectypes.Any) ([]sdk.Msg, error) {
	bodyAddr := types.BodyAddress(body.Id)
	msgs := make([]sdk.Msg, len(anys))
	for i, a := range anys {
		var msg sdk.Msg
		if err := k.cdc.UnpackAny(a, &msg); err != nil {
			return nil, types.ErrInvalidMotion.Wrapf("message %d: %v", i, err)
		}
		msgs[i] = msg
		signers, _, err := k.cdc.GetMsgV1Signers(msg)
		if err != nil {
			return nil, types.ErrInvalidMotion.Wrapf("message %d: %v", i, err)
		}
		if len(signers) != 1 || !bytes.Equal(signers[0], bodyAddr) {
			return nil, types.ErrInvalidMotion.Wrapf("message %d (%s) must be signed by %s's address %s alone", i, sdk.MsgTypeURL(msg), body.Id, bodyAddr)
		}
		if k.router.Handler(msg) == nil {
			return nil, types.ErrInvalidMotion.Wrapf("message %d: no handler for %s", i, sdk.MsgTypeURL(msg))
		}
		if vb, ok := msg.(sdk.HasValidateBasic); ok {
			if err := vb.ValidateBasic(); err != nil {
				return nil, types.ErrInvalidMotion.Wrapf("message %d: %v", i, err)
			}
		}
	}
	return msgs, nil
}

func messageTypes(m types.Motion) []string {
	out := make([]string, len(m.Messages))
	for i, a := range m.Messages {
		out[i] = a.TypeUrl
	}
	return out
}

// WithdrawMotion lets the proposer withdraw a motion still in voting.
func (k *Keeper) WithdrawMotion(ctx context.Context, msg *types.MsgWithdrawMotion) error {
	if _, err := k.parseAddr("proposer", msg.Proposer); err != nil {
		return err
	}
	m, err := k.GetMotion(ctx, msg.MotionId)
	if err != nil {
		return err
	}
	if m.Proposer != msg.Proposer {
		return types.ErrUnauthorized.Wrapf("only the proposer %s may withdraw motion %d", m.Proposer, m.Id)
	}
	if m.Status != types.MotionStatusVoting {
		return types.ErrMotionClosed.Wrapf("motion %d is %s", m.Id, m.Status)
	}
	if err := k.MotionQueue.Remove(ctx, collutil.At(m.VotingEndTime, m.Id)); err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	m.Status, m.DecidedHeight, m.DecidedTime = types.MotionStatusWithdrawn, sdkCtx.BlockHeight(), sdkCtx.HeaderInfo().Time
	if err := k.storeMotion(ctx, m); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventMotionWithdrawn{MotionId: m.Id, BodyId: m.BodyId, Proposer: m.Proposer})
}
