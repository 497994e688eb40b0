package keeper_test

import (
	"encoding/binary"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// Benchmarks of the x/proposals hot paths. A Board vote must cost the same
// whatever the votes before it (the tally is kept in place), and concluding
// a vote must not walk its votes. Run them with
//
//	go test -run '^$' -bench . -benchmem ./x/proposals/...
//
// The real Board has seven voting directors; to measure at 10, 1,000 and
// 10,000 prior votes, setup writes the BoardVote records, the tally and the
// extra directors' seats straight into the keepers' collections, outside the
// timer, and commits them (IAVL sorts uncommitted writes whenever it
// iterates). Each timed operation runs on a cache over the committed store,
// as a block does.

// benchSizes are the amounts of prior votes each benchmark is run against.
var benchSizes = []int{10, 1_000, 10_000}

// benchAddr is the n-th synthetic account of a benchmark.
func benchAddr(tag byte, n int) sdk.AccAddress {
	bz := make([]byte, 20)
	bz[0] = tag
	binary.BigEndian.PutUint64(bz[12:], uint64(n))
	return bz
}

// alternate is yes, no, yes, no...
func alternate(i int) communitytypes.VoteOption { return yes + communitytypes.VoteOption(i%2) }

// benchProposal writes an open Board resolution voted by prior synthetic
// directors, with options from optionOf and the matching tally, and queues
// its deadline.
func benchProposal(b *testing.B, f *keepertest.Fixture, prior int, eligible uint64, end time.Time,
	optionOf func(int) communitytypes.VoteOption,
) types.Proposal {
	b.Helper()
	k := f.Proposals
	params, err := k.GetParams(f.Ctx)
	require.NoError(b, err)
	rule, _ := params.KindRule(types.KindResolution)
	p := types.Proposal{
		Id: 1, Kind: types.KindResolution, Originator: types.BoardOriginator, Proposer: addr("director-dev").String(),
		Title: "benchmark", Document: doc("benchmark"), Status: types.StatusBoardVote, Rule: rule,
		SubmitHeight: 1, SubmitTime: keepertest.GenesisTime, BoardVoteStartHeight: 1, BoardVoteStartTime: keepertest.GenesisTime,
		BoardVoteEndTime: end, Deadline: end, BoardEligibleWeight: eligible, BoardThreshold: rule.BoardRule.Threshold,
	}
	for i := range prior {
		option := optionOf(i)
		director := benchAddr(1, i)
		vote := types.BoardVote{ProposalId: p.Id, Director: director.String(), Option: option, Height: 1, Time: keepertest.GenesisTime}
		require.NoError(b, k.Votes.Set(f.Ctx, collections.Join(p.Id, director), vote))
		p.BoardTally = p.BoardTally.Add(option, 1)
	}
	require.NoError(b, k.Proposals.Set(f.Ctx, p.Id, p))
	require.NoError(b, k.PhaseQueue.Set(f.Ctx, collutil.At(end, p.Id)))
	require.NoError(b, k.ProposalID.Set(f.Ctx, 2))
	return p
}

// benchDirectors seats n synthetic voting directors, appointed at genesis.
func benchDirectors(b *testing.B, f *keepertest.Fixture, n int) []sdk.AccAddress {
	b.Helper()
	out := make([]sdk.AccAddress, n)
	for i := range n {
		a := benchAddr(2, i)
		seat := communitytypes.BoardSeat{Id: uint64(1_000 + i), AppointingCommunity: "nomcom", Voting: true, Holder: a.String()}
		require.NoError(b, f.Keeper.Seats.Set(f.Ctx, seat.Id, seat))
		require.NoError(b, f.Keeper.SeatHolders.Set(f.Ctx, a, seat.Id))
		out[i] = a
	}
	return out
}

// BenchmarkBoardVote measures one Board vote on a proposal that already has
// 10, 1,000 and 10,000 votes. Each timed vote comes from a fresh director;
// votes alternate yes and no and the electorate is twice the voters, so the
// proposal stays undecided throughout.
func BenchmarkBoardVote(b *testing.B) {
	for _, prior := range benchSizes {
		b.Run(fmt.Sprintf("prior=%d", prior), func(b *testing.B) {
			f := newFixture(b)
			end := keepertest.GenesisTime.Add(24 * time.Hour)
			p := benchProposal(b, f, prior, uint64(2*(prior+b.N)+10), end, alternate)
			directors := benchDirectors(b, f, b.N)
			msgs := make([]*types.MsgBoardVote, b.N)
			for i, d := range directors {
				msgs[i] = &types.MsgBoardVote{Director: d.String(), ProposalId: p.Id, Option: alternate(i)}
			}
			f.Commit()
			f.NextBlock(time.Minute)
			ctx := f.DeliverContext()

			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				if _, err := f.ProposalsMsgServer.BoardVote(ctx.WithEventManager(sdk.NewEventManager()), msgs[i]); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			got, err := f.Proposals.GetProposal(ctx, p.Id)
			require.NoError(b, err)
			require.Equal(b, types.StatusBoardVote, got.Status)
			require.Equal(b, uint64(prior+b.N), got.BoardTally.Cast())
		})
	}
}
