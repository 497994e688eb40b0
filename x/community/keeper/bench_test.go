package keeper_test

import (
	"encoding/binary"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app/constitution"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// Benchmarks of the hot paths whose cost must not grow with the amount of
// state: a vote (tallies are kept incrementally, so the prior votes are never
// read) and EndBlock (only due queue entries are touched, so open motions that
// are not due cost nothing). Run them with
//
//	go test -run '^$' -bench . -benchmem ./x/community/...
//
// Setup writes records straight into the keeper's collections, outside the
// timed loop, and commits them; the timed loop runs on a cache over the
// committed store, as a block does.

// benchSizes are the amounts of prior state each benchmark is run against.
var benchSizes = []int{10, 1_000, 10_000}

// benchAddr is the n-th synthetic account of a benchmark.
func benchAddr(tag byte, n int) sdk.AccAddress {
	bz := make([]byte, 20)
	bz[0] = tag
	binary.BigEndian.PutUint64(bz[12:], uint64(n))
	return bz
}

// benchMotion writes an open motion of "dev" voting until far in the future,
// with an electorate large enough that no vote in the benchmark decides it.
func benchMotion(b *testing.B, f *keepertest.Fixture, id uint64, eligible uint64, end time.Time) types.Motion {
	b.Helper()
	m := types.Motion{
		Id: id, BodyId: "dev", Proposer: addr("dev-chair").String(), Title: "benchmark", Status: types.MotionStatusVoting,
		Rule: constitution.CommunityRule(time.Hour), EligibleWeight: eligible,
		SubmitHeight: 1, SubmitTime: keepertest.GenesisTime, VotingEndTime: end,
	}
	require.NoError(b, f.Keeper.Motions.Set(f.Ctx, id, m))
	require.NoError(b, f.Keeper.MotionQueue.Set(f.Ctx, joinTime(end, id)))
	return m
}

// BenchmarkVote measures one vote on a motion that already has 10, 1,000 and
// 10,000 votes. Each timed vote comes from a fresh member, so none is refused
// as a double vote; votes alternate yes and no and the electorate is twice
// the voters, so the motion stays undecided throughout.
func BenchmarkVote(b *testing.B) {
	for _, prior := range benchSizes {
		b.Run(fmt.Sprintf("prior=%d", prior), func(b *testing.B) {
			f := keepertest.NewConstitutionFixture(b)
			k := f.Keeper
			m := benchMotion(b, f, 1, uint64(2*(prior+b.N)+10), keepertest.GenesisTime.Add(24*time.Hour))
			for i := range prior {
				option := types.OptionYes + types.VoteOption(i%2)
				v := types.Vote{MotionId: m.Id, Voter: benchAddr(1, i).String(), Option: option, Weight: 1}
				require.NoError(b, k.Votes.Set(f.Ctx, joinVote(m.Id, benchAddr(1, i)), v))
				m.Tally = m.Tally.Add(option, 1)
			}
			require.NoError(b, k.Motions.Set(f.Ctx, m.Id, m))
			msgs := make([]*types.MsgVote, b.N)
			for i := range b.N {
				voter := benchAddr(2, i)
				ms := types.Membership{CommunityId: "dev", Address: voter.String(), Roles: []types.Role{types.RoleMember}, Weight: 1}
				require.NoError(b, k.Memberships.Set(f.Ctx, collectionsPair("dev", voter), ms))
				msgs[i] = &types.MsgVote{Voter: ms.Address, MotionId: m.Id, Option: types.OptionYes + types.VoteOption(i%2)}
			}
			f.Commit()
			f.NextBlock(time.Minute)
			ctx := f.DeliverContext()

			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				if _, err := f.MsgServer.Vote(ctx.WithEventManager(sdk.NewEventManager()), msgs[i]); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			got, err := k.GetMotion(ctx, m.Id)
			require.NoError(b, err)
			require.Equal(b, types.MotionStatusVoting, got.Status)
			require.Equal(b, uint64(prior+b.N), got.Tally.Cast())
		})
	}
}

// BenchmarkEndBlockerOpenMotions measures EndBlock with 10, 1,000 and 10,000
// open motions of which none is due.
func BenchmarkEndBlockerOpenMotions(b *testing.B) {
	for _, open := range benchSizes {
		b.Run(fmt.Sprintf("open=%d", open), func(b *testing.B) {
			f := keepertest.NewConstitutionFixture(b)
			for i := range open {
				benchMotion(b, f, uint64(i+1), 2, keepertest.GenesisTime.Add(time.Hour+time.Duration(i)*time.Second))
			}
			f.Commit()
			f.NextBlock(time.Minute)
			ctx := f.DeliverContext()

			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				updates, err := f.Keeper.EndBlocker(ctx)
				if err != nil || len(updates) != 0 {
					b.Fatalf("EndBlocker: %v, %d updates", err, len(updates))
				}
			}
			b.StopTimer()
			voting, err := f.QueryServer.Motions(ctx, &types.QueryMotionsRequest{Status: types.MotionStatusVoting, Pagination: nil})
			require.NoError(b, err)
			require.Len(b, voting.Motions, min(open, 100), "nothing was decided")
		})
	}
}
