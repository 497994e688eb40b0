package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// TestMigrate1to2 checks that the version 2 migration moves the Board
// tallies a version 1 state kept inside its proposals into BoardTallies: the
// stored proposals carry none afterwards, and the chain exports exactly as
// before.
func TestMigrate1to2(t *testing.T) {
	f, _ := buildRichState(t)
	before := f.ExportProposalsJSON()
	// as version 1 left it: every proposal stored whole, no tally records
	for _, p := range f.ExportProposals().Proposals {
		require.NoError(t, f.Proposals.Proposals.Set(f.Ctx, p.Id, p))
		require.NoError(t, f.Proposals.BoardTallies.Remove(f.Ctx, p.Id))
	}
	keepertest.RequireInvariantBreaks(t, f.Ctx, keeper.InvariantRoutes(f.Proposals), "board-tallies")
	require.NoError(t, keeper.NewMigrator(f.Proposals).Migrate1to2(f.Ctx))
	require.JSONEq(t, string(before), string(f.ExportProposalsJSON()))
	keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Proposals))
	tallied := 0
	for _, p := range f.ExportProposals().Proposals {
		stored, err := f.Proposals.Proposals.Get(f.Ctx, p.Id)
		require.NoError(t, err)
		require.Equal(t, communitytypes.Tally{}, stored.BoardTally, "proposal %d", p.Id)
		if p.BoardTally != (communitytypes.Tally{}) {
			tallied++
		}
	}
	require.Positive(t, tallied)
}

// TestMigrate2to3 checks that the version 3 migration marks every proposal
// that advice is linked to, which LinkedAdvice reads before it scans the
// index: a version 2 state has no marks, and its linked advice would look
// absent (a Board acting against consensus advice held to the ordinary
// threshold) until the migration runs.
func TestMigrate2to3(t *testing.T) {
	f, _ := buildRichState(t)
	before := f.ExportProposalsJSON()
	var linked []types.Advice
	for _, a := range f.ExportProposals().Advice {
		if a.ProposalId != 0 {
			linked = append(linked, a)
		}
	}
	require.NotEmpty(t, linked)
	// as version 2 left it: no proposal marked
	for _, a := range linked {
		require.NoError(t, f.Proposals.AdvisedProposals.Remove(f.Ctx, a.ProposalId))
		got, err := f.Proposals.LinkedAdvice(f.Ctx, a.ProposalId)
		require.NoError(t, err)
		require.Empty(t, got, "unmarked, the advice is not looked for")
	}
	keepertest.RequireInvariantBreaks(t, f.Ctx, keeper.InvariantRoutes(f.Proposals), "advice-queue")
	require.NoError(t, keeper.NewMigrator(f.Proposals).Migrate2to3(f.Ctx))
	keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Proposals))
	require.JSONEq(t, string(before), string(f.ExportProposalsJSON()))
	for _, a := range linked {
		got, err := f.Proposals.LinkedAdvice(f.Ctx, a.ProposalId)
		require.NoError(t, err)
		require.Contains(t, got, a)
	}
}

// TestBoardVoteRewritesOnlyTheTally: a Board vote leaves the stored proposal
// as it was and writes the tally apart; the proposal read back (and listed)
// carries it and the vote's stamp.
func TestBoardVoteRewritesOnlyTheTally(t *testing.T) {
	f := newFixture(t)
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution) // no comment period
	require.Equal(t, types.StatusBoardVote, f.GetProposal(id).Status)
	stored, err := f.Proposals.Proposals.Get(f.Ctx, id)
	require.NoError(t, err)
	f.NextBlock(0)
	f.MustBoardVote(keepertest.VotingDirectors[0], id, communitytypes.OptionYes)
	after, err := f.Proposals.Proposals.Get(f.Ctx, id)
	require.NoError(t, err)
	require.Equal(t, stored, after, "the Board vote did not rewrite the proposal")
	p := f.GetProposal(id)
	require.Equal(t, communitytypes.Tally{Yes: 1}, p.BoardTally)
	require.Equal(t, f.Ctx.BlockHeight(), p.UpdatedHeight, "stamped by the vote")
	listed, err := keeper.NewQueryServer(f.Proposals).Proposals(f.Ctx, &types.QueryProposalsRequest{Status: types.StatusBoardVote})
	require.NoError(t, err)
	require.Len(t, listed.Proposals, 1)
	require.Equal(t, p, listed.Proposals[0], "the list merges the tally too")
	keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Proposals))
}
