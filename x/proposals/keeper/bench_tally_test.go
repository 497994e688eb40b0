package keeper_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// tallySizes are the vote counts of the conclusion benchmark.
var tallySizes = []int{1_000, 10_000}

// sixtyForty is 60% yes and 40% no.
func sixtyForty(i int) communitytypes.VoteOption {
	if i%5 < 2 {
		return no
	}
	return yes
}

// BenchmarkConcludeVote compares, in the same run, concluding a Board vote
// that has N recorded votes (x/proposals EndBlock: the tally is already
// kept, so the votes are never read) with the SDK x/gov keeper's Tally of a
// proposal with N votes over a real x/staking keeper (its default
// CalculateVoteResultsAndVotingPower walks every vote and every delegation
// of every voter). Both vote 60% yes, 40% no; both run on a fresh cache over
// committed state at each iteration. The gov sub-benchmark reports its cost
// as a multiple of the Board's (x_board_conclude).
func BenchmarkConcludeVote(b *testing.B) {
	for _, votes := range tallySizes {
		var boardNs float64
		b.Run(fmt.Sprintf("votes=%d/board_conclude", votes), func(b *testing.B) {
			f := newFixture(b)
			f.NextBlock(time.Minute)
			end := f.Now()
			benchProposal(b, f, votes, uint64(votes), end, sixtyForty)
			f.Commit()

			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				ctx := keepertest.CacheContext(f.Ctx)
				if err := f.Proposals.EndBlocker(ctx); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			ctx := keepertest.CacheContext(f.Ctx)
			require.NoError(b, f.Proposals.EndBlocker(ctx))
			p, err := f.Proposals.GetProposal(ctx, 1)
			require.NoError(b, err)
			require.Equal(b, types.StatusRatified, p.Status, p.Note)
			require.Equal(b, communitytypes.Tally{Yes: uint64(votes * 3 / 5), No: uint64(votes * 2 / 5)}, p.BoardTally)
			boardNs = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		})
		var gov *govTally // built once, on the first call
		b.Run(fmt.Sprintf("votes=%d/sdk_gov_tally", votes), func(b *testing.B) {
			if gov == nil {
				gov = newGovTally(b, votes)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				passes, _, _, err := gov.keeper.Tally(keepertest.CacheContext(gov.ctx), gov.proposal)
				if err != nil || !passes {
					b.Fatalf("tally: passes=%v err=%v", passes, err)
				}
			}
			b.StopTimer()
			if boardNs > 0 {
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/boardNs, "x_board_conclude")
			}
		})
	}
}
