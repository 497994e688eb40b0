package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/proposals/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// invariantState is a resolution in its Board vote with one vote cast and
// one piece of advice awaiting the Board's answer.
func invariantState(t *testing.T) (*keepertest.Fixture, uint64) {
	t.Helper()
	f := newFixture(t)
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	f.NextBlock(time.Minute)
	f.MustBoardVote("director-dev", id, yes)
	f.MustAdvise("users", id, false)
	return f, id
}

// TestInvariantsHoldAndBreak checks that every invariant passes on valid
// state and that each fails once the state it audits is corrupted on purpose.
func TestInvariantsHoldAndBreak(t *testing.T) {
	proposal := func(f *keepertest.Fixture, id uint64, edit func(*types.Proposal)) {
		p, err := f.Proposals.Proposals.Get(f.Ctx, id)
		require.NoError(t, err)
		edit(&p)
		require.NoError(t, f.Proposals.Proposals.Set(f.Ctx, id, p))
	}
	cases := []struct {
		route   string
		corrupt func(*keepertest.Fixture, uint64)
	}{
		{"board-tallies", func(f *keepertest.Fixture, id uint64) {
			proposal(f, id, func(p *types.Proposal) { p.BoardTally.No++ })
		}},
		{"phase-queue", func(f *keepertest.Fixture, id uint64) {
			p, err := f.Proposals.Proposals.Get(f.Ctx, id)
			require.NoError(t, err)
			require.NoError(t, f.Proposals.PhaseQueue.Remove(f.Ctx, collections.Join(p.Deadline.Unix(), id)))
		}},
		{"phase-queue", func(f *keepertest.Fixture, id uint64) {
			require.NoError(t, f.Proposals.PhaseQueue.Set(f.Ctx, collections.Join(f.Now().Unix(), id)))
		}},
		{"advice-queue", func(f *keepertest.Fixture, _ uint64) {
			iter, err := f.Proposals.AdviceQueue.Iterate(f.Ctx, nil)
			require.NoError(t, err)
			keys, err := iter.Keys()
			require.NoError(t, err)
			require.NotEmpty(t, keys)
			require.NoError(t, f.Proposals.AdviceQueue.Remove(f.Ctx, keys[0]))
		}},
		{"advice-queue", func(f *keepertest.Fixture, id uint64) {
			proposal(f, id, func(p *types.Proposal) { p.PendingAdvice = 0 })
		}},
		{"advice-queue", func(f *keepertest.Fixture, id uint64) {
			require.NoError(t, f.Proposals.AdvisedProposals.Remove(f.Ctx, id)) // its advice unmarked
		}},
		{"advice-queue", func(f *keepertest.Fixture, id uint64) {
			require.NoError(t, f.Proposals.AdvisedProposals.Set(f.Ctx, id+7)) // no advice linked
		}},
		{"holds", func(f *keepertest.Fixture, id uint64) {
			proposal(f, id, func(p *types.Proposal) { p.Stayed, p.HoldCount = true, 1 })
		}},
		{"holds", func(f *keepertest.Fixture, id uint64) {
			require.NoError(t, f.Proposals.Holds.Set(f.Ctx, collections.Join(id+7, "irp/1"), types.Hold{ProposalId: id + 7, Source: "irp/1"}))
		}},
		{"execution-queue", func(f *keepertest.Fixture, id uint64) {
			require.NoError(t, f.Proposals.ExecutionQueue.Set(f.Ctx, id)) // a proposal in its Board vote
		}},
		{"execution-queue", func(f *keepertest.Fixture, id uint64) {
			require.NoError(t, f.Proposals.ExecutionQueue.Set(f.Ctx, id+7)) // no such proposal
		}},
		{"execution-queue", func(f *keepertest.Fixture, id uint64) {
			proposal(f, id, func(p *types.Proposal) { p.Status = types.StatusQueued })
		}},
		{"records", func(f *keepertest.Fixture, id uint64) {
			require.NoError(t, f.Proposals.ReleasedHolds.Set(f.Ctx, collections.Join(id, uint64(2)), // no sequence 1
				types.ReleasedHold{ProposalId: id, Sequence: 2, Source: "irp/1"}))
		}},
		{"records", func(f *keepertest.Fixture, id uint64) {
			require.NoError(t, f.Proposals.ReleasedHolds.Set(f.Ctx, collections.Join(id+7, uint64(1)),
				types.ReleasedHold{ProposalId: id + 7, Sequence: 1, Source: "irp/1"}))
		}},
		{"records", func(f *keepertest.Fixture, id uint64) {
			require.NoError(t, f.Proposals.DocumentTexts.Set(f.Ctx, id, "a text its document's hash does not anchor"))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.route, func(t *testing.T) {
			f, id := invariantState(t)
			keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Proposals))
			tc.corrupt(f, id)
			keepertest.RequireInvariantBreaks(t, f.Ctx, keeper.InvariantRoutes(f.Proposals), tc.route)
		})
	}
}
