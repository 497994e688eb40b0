package keeper

import (
	"bytes"
	"context"
	"time"

	errorsmod "cosmossdk.io/errors"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// SubmitProposal opens a proposal. It checks, in order: that the signer speaks
// for the originator, that the originator may originate the kind, the texts
// and document, and the messages: each signed by the governance address alone,
// routable, and — the classification guard — carried by a kind at least as
// strong as the message requires.
func (k *Keeper) SubmitProposal(ctx context.Context, msg *types.MsgSubmitProposal) (uint64, error) {
	origin, err := k.originatorOf(ctx, msg.Proposer, msg.Originator)
	if err != nil {
		return 0, err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	if !msg.Kind.Valid() {
		return 0, types.ErrInvalidKind.Wrapf("%d", msg.Kind)
	}
	rule, ok := params.KindRule(msg.Kind)
	if !ok {
		return 0, types.ErrInvalidKind.Wrapf("no procedure for %s", msg.Kind)
	}
	if !rule.Allows(origin) {
		return 0, types.ErrOriginatorNotAllowed.Wrapf("%s (%s) may not originate %s proposals", msg.Originator, origin, msg.Kind)
	}
	if msg.Kind != types.KindResolution && msg.Kind != types.KindTechnical {
		quorate, err := k.community.BoardQuorate(ctx)
		if err != nil {
			return 0, err
		}
		if !quorate {
			return 0, types.ErrCaretaker.Wrapf("the Board lacks a quorum of voting directors: until its seats are refilled only resolutions and technical proposals are accepted, not %s", msg.Kind)
		}
	}
	if err := checkText("title", msg.Title, params.MaxTitleLength, true); err != nil {
		return 0, err
	}
	if err := checkText("summary", msg.Summary, params.MaxSummaryLength, false); err != nil {
		return 0, err
	}
	if err := checkDocument("document", msg.Document, params.MaxUriLength); err != nil {
		return 0, err
	}
	if err := types.ValidateDocumentText(msg.DocumentText, msg.Document); err != nil {
		return 0, err
	}
	msgs, err := k.checkMessages(params, msg.Kind, msg.Messages)
	if err != nil {
		return 0, err
	}
	if err := k.checkCoolingOff(ctx, msg.Messages, msgs); err != nil {
		return 0, err
	}
	// a weighty message raises the Board's rule (the ombudsman: 3/4 of all seats)
	if rule.BoardRule, err = communitytypes.RaiseRule(rule.BoardRule, params.BoardThresholds, anyTypes(msg.Messages)); err != nil {
		return 0, err
	}

	sdkCtx, height := now(ctx)
	blockTime := sdkCtx.HeaderInfo().Time
	id, err := k.ProposalID.Next(ctx)
	if err != nil {
		return 0, err
	}
	p := types.Proposal{
		Id: id, Kind: msg.Kind, Originator: msg.Originator, Proposer: msg.Proposer, Title: msg.Title,
		Summary: msg.Summary, Document: msg.Document, Messages: msg.Messages,
		Rule: rule, SubmitTime: blockTime, SubmitHeight: height,
		CommentEndTime: blockTime.Add(rule.PublicCommentPeriod).Truncate(time.Second),
	}
	if rule.PublicCommentPeriod == 0 {
		// no comment period (Board resolutions): straight to the Board vote
		if err := k.openBoardVote(ctx, &p); err != nil {
			return 0, err
		}
	} else {
		p.Status, p.Deadline = types.StatusPublicComment, p.CommentEndTime
	}
	if err := k.storeProposal(ctx, p); err != nil {
		return 0, err
	}
	if msg.DocumentText != "" {
		if err := k.DocumentTexts.Set(ctx, id, msg.DocumentText); err != nil {
			return 0, err
		}
	}
	if err := k.PhaseQueue.Set(ctx, collutil.At(p.Deadline, id)); err != nil {
		return 0, err
	}
	return id, k.emit(ctx, &types.EventProposalSubmitted{
		ProposalId: id, Kind: p.Kind, Originator: p.Originator, Proposer: p.Proposer, Status: p.Status, Deadline: p.Deadline,
	})
}

// originatorOf checks that the signer speaks for the originator and says what
// kind of originator it is: a supporting community signs through its own body
// address (its motion); the Board through its body address or any voting
// director.
func (k *Keeper) originatorOf(ctx context.Context, proposer, originator string) (types.Originator, error) {
	addr, err := k.parseAddr("proposer", proposer)
	if err != nil {
		return 0, err
	}
	if originator == types.BoardOriginator {
		if addr.String() == k.auth.Board {
			return types.OriginatorBoard, nil
		}
		seat, held, err := k.community.BoardSeatOf(ctx, addr)
		if err != nil {
			return 0, err
		}
		if !held || !seat.Voting {
			return 0, types.ErrNotDirector.Wrapf("%s may not submit for the Board", proposer)
		}
		return types.OriginatorBoard, nil
	}
	if !bytes.Equal(addr, communitytypes.BodyAddress(originator)) {
		return 0, types.ErrUnauthorized.Wrapf("a proposal of %s must come from its motion (signer %s), got %s",
			originator, communitytypes.BodyAddress(originator), proposer)
	}
	c, err := k.community.GetCommunity(ctx, originator)
	if err != nil {
		return 0, types.ErrUnknownCommunity.Wrapf("%s: %v", originator, err)
	}
	if c.Kind != communitytypes.KindSupporting {
		return 0, types.ErrOriginatorNotAllowed.Wrapf("%s is a %s community; only supporting communities originate proposals", c.Id, c.Kind)
	}
	return types.OriginatorSupportingCommunity, nil
}

// checkMessages applies the message rules and the classification guard.
func (k *Keeper) checkMessages(params types.Params, kind types.ProposalKind, anys []*codectypes.Any) ([]sdk.Msg, error) {
	if len(anys) > int(params.MaxMessages) {
		return nil, types.ErrInvalidMessages.Wrapf("%d messages, at most %d", len(anys), params.MaxMessages)
	}
	gov, err := k.addressCodec.StringToBytes(k.auth.Governance)
	if err != nil {
		return nil, err
	}
	msgs := make([]sdk.Msg, len(anys))
	for i, a := range anys {
		var msg sdk.Msg
		if err := k.cdc.UnpackAny(a, &msg); err != nil {
			return nil, types.ErrInvalidMessages.Wrapf("message %d: %v", i, err)
		}
		msgs[i] = msg
		signers, _, err := k.cdc.GetMsgV1Signers(msg)
		if err != nil {
			return nil, types.ErrInvalidMessages.Wrapf("message %d: %v", i, err)
		}
		if len(signers) != 1 || !bytes.Equal(signers[0], gov) {
			return nil, types.ErrInvalidMessages.Wrapf("message %d (%s) must be signed by the governance address %s alone", i, sdk.MsgTypeURL(msg), k.auth.Governance)
		}
		if err := types.CheckBlockFloor(msg); err != nil {
			return nil, errorsmod.Wrapf(err, "message %d", i)
		}
		if k.router.Handler(msg) == nil {
			return nil, types.ErrInvalidMessages.Wrapf("message %d: no handler for %s", i, sdk.MsgTypeURL(msg))
		}
		if vb, ok := msg.(sdk.HasValidateBasic); ok {
			if err := vb.ValidateBasic(); err != nil {
				return nil, types.ErrInvalidMessages.Wrapf("message %d: %v", i, err)
			}
		}
		if need := params.RequiredKind(msg); !kind.AtLeast(need) {
			return nil, types.ErrKindTooWeak.Wrapf("message %d (%s) needs at least a %s proposal; this one is %s", i, sdk.MsgTypeURL(msg), need, kind)
		}
	}
	return msgs, nil
}

// anyTypes lists the type URLs of packed messages.
func anyTypes(anys []*codectypes.Any) []string {
	out := make([]string, len(anys))
	for i, a := range anys {
		out[i] = a.TypeUrl
	}
	return out
}
