package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// Short names for the shared audit stamps.
type stamp = keepertest.Stamp

var (
	at           = keepertest.At
	requireLater = keepertest.RequireLater
)

// here is the current block's stamp.
func here(f *keepertest.Fixture) stamp { return f.Here() }

// requireProposalStamps reads a proposal and checks that it was submitted at
// submitted and last changed in the current block.
func requireProposalStamps(t *testing.T, f *keepertest.Fixture, id uint64, submitted stamp) types.Proposal {
	t.Helper()
	p := f.GetProposal(id)
	require.Equal(t, submitted, at(p.SubmitHeight, p.SubmitTime), "the submission stamp stays")
	require.Equal(t, here(f), at(p.UpdatedHeight, p.UpdatedTime), "stamped by the change in this block")
	return p
}

// TestAuditProposal follows a standard bylaw through every kind of change,
// each in its own block: a stay and its lift, the Board vote opening in
// EndBlock, a vote (the tally), the Board's early decision handing it to the
// Empowered Community, and ratification in EndBlock when the window ends.
func TestAuditProposal(t *testing.T) {
	f := newFixture(t)
	id := f.MustSubmitProposal("dev", types.KindStandardBylaw, communityParamsMsg(f))
	submitted := here(f)
	requireProposalStamps(t, f, id, submitted)

	f.Advance(time.Second)
	f.MustDeliver(stay(id, true))
	requireProposalStamps(t, f, id, submitted)
	requireLater(t, submitted, here(f))

	f.Advance(time.Second)
	f.MustDeliver(stay(id, false))
	p := requireProposalStamps(t, f, id, submitted)
	require.False(t, p.Stayed)

	f.Advance(p.Deadline.Sub(f.Now())) // EndBlock opens the Board vote
	p = requireProposalStamps(t, f, id, submitted)
	require.Equal(t, types.StatusBoardVote, p.Status)
	require.Equal(t, here(f), at(p.BoardVoteStartHeight, p.BoardVoteStartTime))

	f.NextBlock(time.Minute)
	f.MustBoardVote(keepertest.VotingDirectors[0], id, yes)
	p = requireProposalStamps(t, f, id, submitted)
	require.Equal(t, uint64(1), p.BoardTally.Yes, "the tally is updated as the vote arrives")
	require.Zero(t, p.BoardDecidedHeight)
	require.True(t, p.BoardDecidedTime.IsZero())

	f.NextBlock(time.Minute)
	for _, d := range keepertest.VotingDirectors[1:] {
		if !f.BoardVoteSettled(id) {
			f.MustBoardVote(d, id, yes)
		}
	}
	f.ConcludeSettled()
	require.Equal(t, types.StatusECReview, f.GetProposal(id).Status, f.GetProposal(id).Note)
	p = requireProposalStamps(t, f, id, submitted)
	require.Equal(t, here(f), at(p.BoardDecidedHeight, p.BoardDecidedTime))
	boardDecided := here(f)

	f.Advance(p.Deadline.Sub(f.Now())) // EndBlock: the rejection window ends
	p = requireProposalStamps(t, f, id, submitted)
	require.Equal(t, types.StatusRatified, p.Status, p.Note)
	require.Equal(t, here(f), at(p.DecidedHeight, p.DecidedTime))
	require.Equal(t, boardDecided, at(p.BoardDecidedHeight, p.BoardDecidedTime), "the Board decision stamp stays")
}

// TestAuditProposalReturned checks the stamp of a proposal returned to the
// Board by independent review, and of one whose pending advice count changes
// when advice is linked to it.
func TestAuditProposalReturned(t *testing.T) {
	f := newFixture(t)
	id := f.MustSubmitProposal("dev", types.KindPolicy)
	submitted := here(f)

	f.Advance(time.Second)
	f.MustAdvise("users", id, false)
	p := requireProposalStamps(t, f, id, submitted)
	require.Equal(t, uint32(1), p.PendingAdvice)
	requireLater(t, submitted, here(f))

	f.Advance(time.Second)
	f.MustDeliver(annul(id))
	p = requireProposalStamps(t, f, id, submitted)
	require.Equal(t, types.StatusReturned, p.Status)
	require.Equal(t, here(f), at(p.DecidedHeight, p.DecidedTime))
}

// TestAuditAdvice checks that advice is stamped when submitted, when it
// becomes overdue in EndBlock, and when a later Board resolution answers it;
// the submission stamp stays.
func TestAuditAdvice(t *testing.T) {
	f := newFixture(t)
	id := f.MustAdvise("security", 0, true)
	submitted := here(f)
	a := f.GetAdvice(id)
	require.Equal(t, submitted, at(a.SubmitHeight, a.SubmitTime))
	require.Equal(t, submitted, at(a.UpdatedHeight, a.UpdatedTime))

	f.Advance(a.Deadline.Sub(f.Now())) // EndBlock marks it overdue
	a = f.GetAdvice(id)
	require.Equal(t, types.AdviceOverdue, a.Status)
	require.Equal(t, submitted, at(a.SubmitHeight, a.SubmitTime))
	require.Equal(t, here(f), at(a.UpdatedHeight, a.UpdatedTime))
	requireLater(t, submitted, here(f))
	overdue := here(f)

	f.Advance(time.Second)
	r := resolve(t, f, 4, f.RespondMsg(id, types.ResponseAccepted))
	require.Equal(t, types.StatusRatified, f.GetProposal(r).Status)
	a = f.GetAdvice(id)
	require.Equal(t, types.AdviceAnswered, a.Status)
	require.Equal(t, submitted, at(a.SubmitHeight, a.SubmitTime))
	require.Equal(t, here(f), at(a.UpdatedHeight, a.UpdatedTime))
	require.Equal(t, here(f), at(a.ResponseHeight, a.ResponseTime))
	requireLater(t, overdue, here(f))
}

// TestAuditGenesisRoundTrip checks that genesis import restores the stamps
// exactly: a fresh chain importing the export exports the same.
func TestAuditGenesisRoundTrip(t *testing.T) {
	f := newFixture(t)
	id := f.MustSubmitProposal("dev", types.KindPolicy)
	f.Advance(time.Second)
	f.MustAdvise("users", id, false)
	f.Advance(time.Second)
	exported := f.ExportProposalsJSON()
	gs := f.ExportProposals()
	require.NotZero(t, gs.Proposals[0].UpdatedHeight)
	require.NotZero(t, gs.Advice[0].UpdatedHeight)

	g := keepertest.NewFixture(t)
	g.SetBlock(f.Ctx.BlockHeight()+10, f.Now().Add(time.Hour)) // a later block must not restamp imported records
	g.InitGenesis(f.Export())
	g.InitProposalsGenesis(gs)
	require.JSONEq(t, string(exported), string(g.ExportProposalsJSON()))
}
