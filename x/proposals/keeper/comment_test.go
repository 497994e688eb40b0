package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// comment is a MsgComment without a document.
func comment(author string, id uint64, text string) *types.MsgComment {
	return &types.MsgComment{Author: addr(author).String(), ProposalId: id, Text: text}
}

// postComment delivers a comment that must be accepted and returns its id.
func postComment(t *testing.T, f *keepertest.Fixture, msg *types.MsgComment) uint64 {
	t.Helper()
	res := f.MustDeliver(msg)
	var resp types.MsgCommentResponse
	require.NoError(t, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	return resp.CommentId
}

// TestCommentRoles checks that anyone comments during public comment, with
// their standing recorded; that only directors and liaisons post during the
// Board vote; and that comments close with the vote.
func TestCommentRoles(t *testing.T) {
	f := newFixture(t)
	id := f.MustSubmitProposal("dev", types.KindPolicy)
	for i, tc := range []struct {
		author string
		role   types.CommentRole
	}{
		{"outsider", types.RolePublic},
		{"dev-chair", types.RoleMember},
		{"director-fin", types.RoleDirector},
		{"security-chair", types.RoleLiaison},
	} {
		f.ResetEvents()
		cid := postComment(t, f, comment(tc.author, id, "comment "+tc.author))
		require.Equal(t, uint64(i+1), cid)
		ev := requireEvent[*types.EventCommentPosted](t, f)
		require.Equal(t, tc.role, ev.Role, tc.author)
	}
	got, err := f.ProposalsQueryServer.ProposalComments(f.Ctx, &types.QueryProposalCommentsRequest{Id: id})
	require.NoError(t, err)
	require.Len(t, got.Comments, 4)
	require.Equal(t, types.RolePublic, got.Comments[0].Role)
	require.Equal(t, addr("outsider").String(), got.Comments[0].Author)
	require.Equal(t, f.Ctx.BlockHeight(), got.Comments[0].Height)
	require.Equal(t, types.RoleLiaison, got.Comments[3].Role)

	f.Advance(keepertest.CommentPeriod)
	requireFailsUnchanged(t, f, comment("outsider", id, "late"), types.ErrWrongPhase)
	requireFailsUnchanged(t, f, comment("dev-chair", id, "late"), types.ErrWrongPhase)
	postComment(t, f, comment("director-dev", id, "statement"))
	postComment(t, f, comment("gov-chair", id, "liaison statement"))

	f.BoardDecides(id, 7)
	require.Equal(t, types.StatusECReview, f.GetProposal(id).Status, "decided, in its challenge window")
	requireFailsUnchanged(t, f, comment("director-dev", id, "too late"), types.ErrWrongPhase)
	requireFailsUnchanged(t, f, comment("gov-chair", id, "too late"), types.ErrWrongPhase)
}

// TestCommentTexts checks the text limits and the optional document.
func TestCommentTexts(t *testing.T) {
	f := newFixture(t)
	id := f.MustSubmitProposal("dev", types.KindPolicy)
	withDoc := func(d communitytypes.Document) *types.MsgComment {
		m := comment("outsider", id, "see attached")
		m.Document = d
		return m
	}
	badAuthor := comment("outsider", id, "x")
	badAuthor.Author = "polity1zzz"
	tests := []struct {
		name string
		msg  *types.MsgComment
		err  *errorsmod.Error
	}{
		{"empty text", comment("outsider", id, ""), types.ErrRequired},
		{"text too long", comment("outsider", id, strings.Repeat("c", 10_001)), types.ErrTextTooLong},
		{"bad document hash", withDoc(communitytypes.Document{Hash: "nothex", Uri: "https://x"}), types.ErrInvalidDocument},
		{"document without uri", withDoc(communitytypes.Document{Hash: doc("d").Hash}), types.ErrInvalidDocument},
		{"document uri too long", withDoc(communitytypes.Document{Hash: doc("d").Hash, Uri: strings.Repeat("u", 513)}), types.ErrInvalidDocument},
		{"unknown proposal", comment("outsider", 99, "hello"), types.ErrProposalNotFound},
		{"bad author", badAuthor, types.ErrInvalidAddress},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { requireFailsUnchanged(t, f, tc.msg, tc.err) })
	}
	postComment(t, f, comment("outsider", id, strings.Repeat("c", 10_000)))
	cid := postComment(t, f, withDoc(doc("attachment")))
	c, err := f.Proposals.Comments.Get(f.Ctx, joinIDs(id, cid))
	require.NoError(t, err)
	require.Equal(t, doc("attachment"), c.Document)
}
