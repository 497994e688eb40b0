package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// withText gives a proposal message its document's full text (and the
// matching hash).
func withText(msg *types.MsgSubmitProposal, text string) *types.MsgSubmitProposal {
	msg.DocumentText, msg.Document.Hash = text, types.DocumentTextHash(text)
	return msg
}

// TestDocumentTextRegistered: a POLICY proposal's full text is kept with the
// proposal and, once ratified, with its registry version, so that versions
// can be compared; a version without text keeps hash and URI only.
func TestDocumentTextRegistered(t *testing.T) {
	f := newFixture(t)
	q := f.ProposalsQueryServer
	submit := func(text string) uint64 {
		id, err := f.SubmitProposal(withText(f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindPolicy), text))
		require.NoError(t, err)
		return id
	}
	first := submit("Releases are signed.\nReleases are announced.\n")
	second := submit("Releases are signed.\nReleases are announced 14 days ahead.\n")
	plain := f.MustSubmitProposal("dev", types.KindPolicy)
	res := must(q.ProposalText(f.Ctx, &types.QueryProposalTextRequest{Id: first}))
	require.Equal(t, "Releases are signed.\nReleases are announced.\n", res.Text)
	require.Equal(t, f.GetProposal(first).Document, res.Document)
	require.Empty(t, must(q.ProposalText(f.Ctx, &types.QueryProposalTextRequest{Id: plain})).Text)
	_, err := q.ProposalText(f.Ctx, &types.QueryProposalTextRequest{Id: 99})
	requireCode(t, err, codes.NotFound)
	_, err = q.ProposalText(f.Ctx, nil)
	requireCode(t, err, codes.InvalidArgument)

	f.Advance(keepertest.CommentPeriod)
	for _, id := range []uint64{first, second, plain} {
		f.BoardDecides(id, 7)
	}
	f.ResetEvents()
	f.Advance(keepertest.ECPeriod)
	for _, id := range []uint64{first, second, plain} {
		require.Equal(t, types.StatusRatified, f.GetProposal(id).Status)
	}
	registered := keepertest.TypedEvents[*types.EventDocumentRegistered](f.Events())
	require.Len(t, registered, 3)
	require.Equal(t, []bool{true, true, false}, []bool{registered[0].HasText, registered[1].HasText, registered[2].HasText})

	dev := must(q.Policies(f.Ctx, &types.QueryPoliciesRequest{CommunityId: "dev"}))
	require.Len(t, dev.History, 3)
	require.Equal(t, "Releases are signed.\nReleases are announced.\n", dev.History[0].Text)
	require.Equal(t, "Releases are signed.\nReleases are announced 14 days ahead.\n", dev.History[1].Text)
	require.Empty(t, dev.History[2].Text, "no text was given: hash and URI only")
	require.Equal(t, types.DocumentTextHash(dev.History[1].Text), dev.History[1].Document.Hash)
}

// TestDocumentTextRefused: a text over the limit, not hashing to the
// document, or not UTF-8 is refused with a registered error, and nothing is
// stored.
func TestDocumentTextRefused(t *testing.T) {
	f := newFixture(t)
	msg := func() *types.MsgSubmitProposal {
		return f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindPolicy)
	}
	long := withText(msg(), strings.Repeat("x", types.MaxDocumentTextLength+1))
	requireFailsUnchanged(t, f, long, types.ErrDocumentTextTooLong)
	mismatch := msg()
	mismatch.DocumentText = "a text the hash does not anchor"
	requireFailsUnchanged(t, f, mismatch, types.ErrInvalidDocumentText)
	requireFailsUnchanged(t, f, withText(msg(), "not \xff UTF-8"), types.ErrInvalidDocumentText)

	// at the limit it is accepted
	id, err := f.SubmitProposal(withText(msg(), strings.Repeat("x", types.MaxDocumentTextLength)))
	require.NoError(t, err)
	require.Len(t, must(f.ProposalsQueryServer.ProposalText(f.Ctx, &types.QueryProposalTextRequest{Id: id})).Text, types.MaxDocumentTextLength)
}
