package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// buildRichState drives the constitution through proposals in every status,
// with votes, comments and documents, and advice pending, answered and
// overdue. It returns the fixture and the ids by status.
func buildRichState(t *testing.T) (*keepertest.Fixture, map[types.ProposalStatus]uint64) {
	t.Helper()
	f := newFixture(t)
	ids := map[types.ProposalStatus]uint64{}
	expiring := f.MustSubmitProposal("dev", types.KindFundamentalBylaw)
	vetoed := f.MustSubmitProposal("dev", types.KindBudget)
	ratified := f.MustSubmitProposal("ops", types.KindPolicy)
	failing := f.MustSubmitProposal(types.BoardOriginator, types.KindTechnical, technicalMsgs(t, f, 1)...)
	answered := f.MustAdvise("users", ratified, true)
	f.MustAdvise("gov", 0, true) // becomes overdue
	ids[types.StatusWithdrawn] = f.MustSubmitProposal("fin", types.KindPolicy)
	f.MustDeliver(&types.MsgWithdrawProposal{Proposer: body("fin"), ProposalId: ids[types.StatusWithdrawn]})

	f.Advance(keepertest.CommentPeriod)
	f.BoardDecides(expiring, 7)
	f.BoardDecides(vetoed, 7)
	f.MustDeliver(&types.MsgVetoProposal{Authority: empowered(), ProposalId: vetoed, Reason: "too dear"})
	f.BoardDecides(failing, 7)
	f.BoardDecides(ratified, 7)
	resolve(t, f, 4, f.RespondMsg(answered, types.ResponseAccepted))
	f.EndBlockAll()
	ids[types.StatusRejected] = f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	f.BoardDecides(ids[types.StatusRejected], 0)
	ids[types.StatusApproved] = f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	f.MustDeliver(stay(ids[types.StatusApproved], true))
	f.BoardDecides(ids[types.StatusApproved], 7)
	ids[types.StatusReturned] = f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	f.MustDeliver(annul(ids[types.StatusReturned]))
	review := f.MustSubmitProposal("dev", types.KindStandardBylaw)

	f.Advance(keepertest.CommentPeriod)
	f.BoardDecides(review, 7)
	f.Advance(keepertest.ECPeriod - keepertest.CommentPeriod)
	open := f.MustSubmitProposal("dev", types.KindPolicy)
	postComment(t, f, comment("outsider", open, "from the public"))
	f.MustAdvise("users", open, false)
	f.MustAdvise("gov", open, true)
	voting := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	f.MustBoardVote("director-dev", voting, yes)
	f.MustBoardVote("director-ops", voting, abstain)
	postComment(t, f, comment("director-fin", voting, "statement"))
	postComment(t, f, comment("standards-chair", voting, "liaison statement"))
	ids[types.StatusQueued] = f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	for _, d := range keepertest.VotingDirectors[:4] {
		f.MustBoardVote(d, ids[types.StatusQueued], yes)
	}
	f.ConcludeSettled() // decided; its messages wait for the end of the block

	for status, id := range map[types.ProposalStatus]uint64{
		types.StatusPublicComment: open, types.StatusBoardVote: voting, types.StatusECReview: review,
		types.StatusRatified: ratified, types.StatusVetoed: vetoed, types.StatusExpired: expiring,
		types.StatusExecutionFailed: failing,
	} {
		ids[status] = id
	}
	for status, id := range ids {
		require.Equal(t, status, f.GetProposal(id).Status, "proposal %d", id)
	}
	return f, ids
}

// TestGenesisRoundTrip checks export -> import -> export equality over
// proposals in every status, that import rebuilds the queues, indexes and
// current-document pointers, and that the imported chain then behaves as
// the original.
func TestGenesisRoundTrip(t *testing.T) {
	f, ids := buildRichState(t)
	require.Len(t, ids, len(types.ProposalStatus_name)-1, "every status but UNSPECIFIED")
	// In its Board vote but settled: the import must conclude it too.
	settled := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	for _, d := range keepertest.VotingDirectors[:4] {
		f.MustBoardVote(d, settled, yes)
	}
	require.True(t, f.BoardVoteSettled(settled))
	exported := f.ExportProposals()
	require.NotEmpty(t, exported.Votes)
	require.GreaterOrEqual(t, len(exported.Comments), 3)
	adviceStatuses := map[types.AdviceStatus]int{}
	for _, a := range exported.Advice {
		adviceStatuses[a.Status]++
	}
	require.Equal(t, map[types.AdviceStatus]int{types.AdvicePending: 2, types.AdviceAnswered: 1, types.AdviceOverdue: 1}, adviceStatuses)
	require.Len(t, exported.Documents, 2, "the founding bylaws and a policy")

	// Import through JSON, as a genesis file is.
	bz := f.ExportProposalsJSON()
	var gs types.GenesisState
	require.NoError(t, f.Codec.UnmarshalJSON(bz, &gs))
	require.NoError(t, gs.Validate(f.AddressCodec))
	g := keepertest.NewFixture(t)
	g.SetBlock(f.Ctx.BlockHeight(), f.Now())
	g.InitGenesis(f.Export())
	g.InitProposalsGenesis(&gs)
	require.JSONEq(t, string(bz), string(g.ExportProposalsJSON()))

	require.NotEmpty(t, queueKeys(t, f, f.Proposals.PhaseQueue))
	require.Equal(t, queueKeys(t, f, f.Proposals.PhaseQueue), queueKeys(t, g, g.Proposals.PhaseQueue))
	require.Len(t, queueKeys(t, f, f.Proposals.AdviceQueue), 2, "the pending advice")
	require.Equal(t, queueKeys(t, f, f.Proposals.AdviceQueue), queueKeys(t, g, g.Proposals.AdviceQueue))
	for _, x := range []*keepertest.Fixture{f, g} {
		has, err := x.Proposals.ExecutionQueue.Has(x.Ctx, ids[types.StatusQueued])
		require.NoError(t, err)
		require.True(t, has, "import rebuilds the execution queue")
		require.True(t, x.BoardVoteSettled(settled), "import rebuilds the settled Board votes")
	}
	for status := range ids {
		requireSameIDs(t, f, g, status)
	}
	for _, kind := range []types.DocumentKind{types.DocumentBylaws, types.DocumentPolicy, types.DocumentBudget} {
		for _, scope := range []string{"", "ops"} {
			want, okW, err := f.Proposals.CurrentVersion(f.Ctx, kind, scope)
			require.NoError(t, err)
			got, okG, err := g.Proposals.CurrentVersion(g.Ctx, kind, scope)
			require.NoError(t, err)
			require.Equal(t, okW, okG)
			require.Equal(t, want, got)
		}
	}

	// Both chains move on identically.
	for _, x := range []*keepertest.Fixture{f, g} {
		for range 3 {
			x.Advance(keepertest.AdvicePeriod)
		}
	}
	require.JSONEq(t, string(f.ExportProposalsJSON()), string(g.ExportProposalsJSON()))
	require.Equal(t, types.StatusRatified, g.GetProposal(ids[types.StatusECReview]).Status)
	require.Equal(t, types.StatusRatified, g.GetProposal(ids[types.StatusQueued]).Status)
	require.NotZero(t, g.GetProposal(ids[types.StatusQueued]).ExecutedHeight)
	require.Equal(t, types.StatusRatified, g.GetProposal(settled).Status)
	require.Equal(t, types.StatusExpired, g.GetProposal(ids[types.StatusPublicComment]).Status)
}

// queueKeys lists a deadline queue's entries.
func queueKeys(t *testing.T, x *keepertest.Fixture, q collections.KeySet[collutil.QueueKey]) []collutil.QueueKey {
	t.Helper()
	iter, err := q.Iterate(x.Ctx, nil)
	require.NoError(t, err)
	keys, err := iter.Keys()
	require.NoError(t, err)
	return keys
}

// requireSameIDs compares the status index of two fixtures for one status.
func requireSameIDs(t *testing.T, f, g *keepertest.Fixture, status types.ProposalStatus) {
	t.Helper()
	ids := func(x *keepertest.Fixture) []uint64 {
		res, err := x.ProposalsQueryServer.Proposals(x.Ctx, &types.QueryProposalsRequest{Status: status})
		require.NoError(t, err)
		out := make([]uint64, len(res.Proposals))
		for i, p := range res.Proposals {
			out[i] = p.Id
		}
		return out
	}
	require.Equal(t, ids(f), ids(g), "%s", status)
	require.NotEmpty(t, ids(g))
}
