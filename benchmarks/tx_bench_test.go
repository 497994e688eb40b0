package benchmarks

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/polity-chain/polity/app"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// Transaction-level benchmarks: the cost of delivering a bank send, an
// x/community motion vote and an x/proposals Board vote, each a real signed
// transaction through the real app, in blocks of txPerBlock that are
// finalised and committed. ns/op is per transaction, block overhead and
// commit included. Run them with
//
//	go test -run '^$' -bench . -benchmem ./benchmarks/
//
// Every measured vote is one that decides nothing (decisions execute
// messages, which is not the vote's own cost): a motion gets the first vote
// of its community's two members, a Board proposal at most six of its seven
// directors' votes, alternating yes and no.

// txPerBlock is the number of transactions in each measured block.
const txPerBlock = 100

// communityVoters are the members of the validator communities, chair then
// member: the voters of the benchmark motions.
var communityVoters = [][2]string{
	{"dev-chair", "dev-member"}, {"ops-chair", "ops-member"}, {"fin-chair", "fin-member"}, {"users-chair", "users-member"},
}

// bankSendNs holds the bank send's cost per transaction from this run, for
// the ratios the vote benchmarks report.
var bankSendNs float64

// runTxs delivers pre-signed transactions under the timer, reports the gas
// per transaction, and returns ns per transaction.
func runTxs(b *testing.B, c *chain, txs [][]byte) float64 {
	b.Helper()
	b.ReportAllocs()
	b.ResetTimer()
	gas := c.mustDeliver(txs, txPerBlock)
	b.StopTimer()
	b.ReportMetric(float64(gas)/float64(len(txs)), "gas/op")
	return float64(b.Elapsed().Nanoseconds()) / float64(b.N)
}

// runCheckedTxs is runTxs as a node works: every transaction of a block goes
// through CheckTx (the mempool) before the block is finalised and committed.
func runCheckedTxs(b *testing.B, c *chain, txs [][]byte) {
	b.Helper()
	b.ReportAllocs()
	b.ResetTimer()
	var gas int64
	for len(txs) > 0 {
		n := min(txPerBlock, len(txs))
		for _, tx := range txs[:n] {
			if code := c.check(tx); code != 0 {
				b.Fatalf("CheckTx refused a transaction: code %d", code)
			}
		}
		gas += c.mustDeliver(txs[:n], n)
		txs = txs[n:]
	}
	b.StopTimer()
	b.ReportMetric(float64(gas)/float64(b.N), "gas/op")
}

// reportRatio reports ns/op relative to this run's bank send.
func reportRatio(b *testing.B, ns float64) {
	if bankSendNs > 0 {
		b.ReportMetric(ns/bankSendNs, "x_bank_send")
	}
}

// BenchmarkDeliverTx compares a bank send, a motion vote and a Board vote.
func BenchmarkDeliverTx(b *testing.B) {
	b.Run("bank_send", func(b *testing.B) {
		c := newChain(b)
		c.warmUp()
		coin := sdk.NewCoins(sdk.NewInt64Coin(app.FeeDenom, 1))
		txs := make([][]byte, b.N)
		for i := range b.N {
			from, to := "dev-chair", "dev-member"
			txs[i] = c.sign(from, &banktypes.MsgSend{FromAddress: c.addr(from).String(), ToAddress: c.addr(to).String(), Amount: coin})
		}
		bankSendNs = runTxs(b, c, txs)
	})
	b.Run("motion_vote", func(b *testing.B) {
		c := newChain(b)
		c.warmUp()
		txs := motionVotes(b, c, b.N)
		reportRatio(b, runTxs(b, c, txs))
	})
	b.Run("board_vote", func(b *testing.B) {
		c := newChain(b)
		c.warmUp()
		txs := boardVotes(b, c, b.N)
		reportRatio(b, runTxs(b, c, txs))
	})
}

// BenchmarkCheckAndDeliverTx is BenchmarkDeliverTx with each transaction
// first checked by CheckTx, as on a node: the figure to compare with a whole
// node's CPU per transaction.
func BenchmarkCheckAndDeliverTx(b *testing.B) {
	b.Run("bank_send", func(b *testing.B) {
		c := newChain(b)
		c.warmUp()
		txs := make([][]byte, b.N)
		for i := range b.N {
			txs[i] = c.selfSend("dev-chair")
		}
		runCheckedTxs(b, c, txs)
	})
	b.Run("motion_vote", func(b *testing.B) {
		c := newChain(b)
		c.warmUp()
		runCheckedTxs(b, c, motionVotes(b, c, b.N))
	})
	b.Run("board_vote", func(b *testing.B) {
		c := newChain(b)
		c.warmUp()
		runCheckedTxs(b, c, boardVotes(b, c, b.N))
	})
}

// motionVotes submits n motions (round robin over the validator
// communities, by their chairs) in setup blocks and returns n signed first
// votes, one per motion, alternating the community's two members.
func motionVotes(tb testing.TB, c *chain, n int) [][]byte {
	tb.Helper()
	submits := make([][]byte, n)
	for i := range n {
		community := keepertest.ValidatorCommunities[i%4]
		submits[i] = c.sign(communityVoters[i%4][0], &communitytypes.MsgSubmitMotion{
			Proposer: c.addr(communityVoters[i%4][0]).String(), BodyId: community, Title: fmt.Sprintf("motion %d", i),
		})
	}
	c.mustDeliver(submits, 500)
	votes := make([][]byte, n)
	for i := range n {
		voter := communityVoters[i%4][(i/4)%2]
		votes[i] = c.sign(voter, &communitytypes.MsgVote{
			Voter: c.addr(voter).String(), MotionId: uint64(i + 1), Option: communitytypes.OptionYes,
		})
	}
	return votes
}

// boardVotes submits ceil(n/6) Board resolutions in setup blocks and returns
// n signed Board votes: six per resolution, by six of the seven voting
// directors, alternating yes and no, so that none decides.
func boardVotes(tb testing.TB, c *chain, n int) [][]byte {
	tb.Helper()
	const perProposal = 6
	proposals := (n + perProposal - 1) / perProposal
	submits := make([][]byte, proposals)
	for i := range proposals {
		submits[i] = c.sign("director-dev", &proposalstypes.MsgSubmitProposal{
			Proposer: c.addr("director-dev").String(), Originator: proposalstypes.BoardOriginator,
			Kind: proposalstypes.KindResolution, Title: fmt.Sprintf("resolution %d", i), Document: keepertest.Doc("resolution"),
		})
	}
	c.mustDeliver(submits, 500)
	votes := make([][]byte, n)
	for i := range n {
		director := keepertest.VotingDirectors[i%perProposal]
		option := communitytypes.OptionYes
		if i%2 == 1 {
			option = communitytypes.OptionNo
		}
		votes[i] = c.sign(director, &proposalstypes.MsgBoardVote{
			Director: c.addr(director).String(), ProposalId: uint64(i/perProposal + 1), Option: option,
		})
	}
	return votes
}

// TestHarness checks the harness itself, quickly: each kind of measured
// transaction succeeds, and the votes decide nothing.
func TestHarness(t *testing.T) {
	c := newChain(t)
	c.warmUp()
	c.mustDeliver(motionVotes(t, c, 8), txPerBlock)
	c.mustDeliver(boardVotes(t, c, 12), txPerBlock)
	ctx := c.app.NewContext(true)
	for id := uint64(1); id <= 8; id++ {
		m, err := c.app.CommunityKeeper.GetMotion(ctx, id)
		require.NoError(t, err)
		require.Equal(t, communitytypes.MotionStatusVoting, m.Status)
		require.Equal(t, uint64(1), m.Tally.Cast())
	}
	for id := uint64(1); id <= 2; id++ {
		p, err := c.app.ProposalsKeeper.GetProposal(ctx, id)
		require.NoError(t, err)
		require.Equal(t, proposalstypes.StatusBoardVote, p.Status)
		require.Equal(t, communitytypes.Tally{Yes: 3, No: 3}, p.BoardTally)
	}
}
