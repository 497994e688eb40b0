package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/proposals/types"
)

// Comment posts a comment. During public comment anyone may comment (it is an
// open-door message: accounts without a role pay the open-door fee); during
// the Board vote only directors and liaisons may post statements. The author's
// standing is recorded with the comment.
func (k *Keeper) Comment(ctx context.Context, msg *types.MsgComment) (uint64, error) {
	addr, err := k.parseAddr("author", msg.Author)
	if err != nil {
		return 0, err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	if err := checkText("text", msg.Text, params.MaxTextLength, true); err != nil {
		return 0, err
	}
	if err := checkOptionalDocument("document", msg.Document, params.MaxUriLength); err != nil {
		return 0, err
	}
	p, err := k.GetProposal(ctx, msg.ProposalId)
	if err != nil {
		return 0, err
	}
	role, err := k.roleOf(ctx, addr)
	if err != nil {
		return 0, err
	}
	switch p.Status {
	case types.StatusPublicComment:
	case types.StatusBoardVote:
		if role != types.RoleDirector && role != types.RoleLiaison {
			return 0, types.ErrWrongPhase.Wrapf("proposal %d is in its Board vote: only directors and liaisons may post statements", p.Id)
		}
	default:
		return 0, types.ErrWrongPhase.Wrapf("proposal %d is %s: comments are closed", p.Id, p.Status)
	}
	id, err := k.CommentID.Next(ctx)
	if err != nil {
		return 0, err
	}
	sdkCtx, height := now(ctx)
	c := types.Comment{
		ProposalId: p.Id, Id: id, Author: msg.Author, Role: role, Text: msg.Text, Document: msg.Document,
		Height: height, Time: sdkCtx.HeaderInfo().Time,
	}
	if err := k.Comments.Set(ctx, collections.Join(p.Id, id), c); err != nil {
		return 0, err
	}
	return id, k.emit(ctx, &types.EventCommentPosted{ProposalId: p.Id, CommentId: id, Author: msg.Author, Role: role})
}

// roleOf is an author's standing: director or liaison (by Board seat), member
// (any other standing on the chain) or public.
func (k *Keeper) roleOf(ctx context.Context, addr sdk.AccAddress) (types.CommentRole, error) {
	seat, held, err := k.community.BoardSeatOf(ctx, addr)
	if err != nil {
		return 0, err
	}
	if held {
		if seat.Voting {
			return types.RoleDirector, nil
		}
		return types.RoleLiaison, nil
	}
	standing, err := k.community.HasStanding(ctx, addr)
	if err != nil {
		return 0, err
	}
	if standing {
		return types.RoleMember, nil
	}
	return types.RolePublic, nil
}
