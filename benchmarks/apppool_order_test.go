package benchmarks

import (
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/app/constitution"
)

var wrongSequence = sdkerrors.ErrWrongSequence.ABCICode()

// checkAsync runs CheckTx on tx in a goroutine, as CometBFT does for each
// RPC transaction in app-mempool mode, and delivers its code.
func (c *chain) checkAsync(tx []byte) <-chan uint32 {
	out := make(chan uint32, 1)
	go func() {
		res, err := c.app.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_New})
		if err != nil {
			out <- 1 << 31
			return
		}
		out <- res.Code
	}()
	return out
}

// waiting is how many transactions wait for their sender's earlier ones,
// and how many ever did.
func (c *chain) waiting() (int64, uint64) { return c.app.AppMempoolWaits() }

// untilWaiting polls until n transactions wait.
func (c *chain) untilWaiting(n int64) {
	c.tb.Helper()
	require.Eventually(c.tb, func() bool { w, _ := c.waiting(); return w == n }, 10*time.Second, time.Millisecond, "%d transactions waiting", n)
}

// TestAppMempoolKeepsASendersOrder: a client's transactions that reach
// CheckTx ahead of their sender's earlier ones wait for them, and are
// admitted and proposed in sequence order.
func TestAppMempoolKeepsASendersOrder(t *testing.T) {
	c := newPoolChain(t, 100)
	c.warmUp()
	first, second, third := c.selfSend("dev-chair"), c.selfSend("dev-chair"), c.selfSend("dev-chair")
	thirdDone := c.checkAsync(third)
	secondDone := c.checkAsync(second)
	c.untilWaiting(2)
	require.Zero(t, c.check(first))
	require.Zero(t, <-secondDone)
	require.Zero(t, <-thirdDone)
	require.Equal(t, [][]byte{first, second, third}, c.propose(1<<20), "in sequence order")

	// Now the lane knows the sender's next sequence: a transaction ahead of
	// it waits before running the ante chain.
	fourth, fifth := c.selfSend("dev-chair"), c.selfSend("dev-chair")
	fifthDone := c.checkAsync(fifth)
	c.untilWaiting(1)
	require.Zero(t, c.check(fourth))
	require.Zero(t, <-fifthDone)
	waiting, total := c.waiting()
	require.Zero(t, waiting)
	require.Equal(t, uint64(3), total)
	require.Equal(t, 5, c.deliverProposed())
}

// TestAppMempoolWaitsOnlyWhereItCan: a stale sequence, a forged signature,
// a sequence too far ahead and a peer's gossiped transaction are refused at
// once, as before; one whose predecessor is refused is refused with it, and
// so is one arriving after that refusal; a transaction whose predecessor
// never comes is refused after its wait.
func TestAppMempoolWaitsOnlyWhereItCan(t *testing.T) {
	c := newPoolChain(t, 100)
	c.warmUp()
	admitted := c.selfSend("dev-chair")
	require.Zero(t, c.check(admitted))
	_, before := c.waiting()

	require.Equal(t, wrongSequence, c.check(admitted), "a stale sequence")
	c.seq["dev-chair"]++ // one ahead
	forged := c.resign(c.selfSend("dev-chair"))
	require.Equal(t, wrongSequence, c.check(forged), "a forged signature")
	c.seq["dev-chair"] += 32 // far ahead
	require.Equal(t, wrongSequence, c.check(c.selfSend("dev-chair")), "more than 32 ahead")
	c.seq["dev-chair"] -= 34 // one ahead again
	gossiped, err := c.app.InsertTx(&abci.RequestInsertTx{Tx: c.selfSend("dev-chair")})
	require.NoError(t, err)
	require.Equal(t, wrongSequence, gossiped.Code, "a peer's transaction")
	_, after := c.waiting()
	require.Equal(t, before, after, "none of them waited")

	c.seq["dev-chair"] -= 2 // the next two: a predecessor that will be refused, and its follower
	unpayable := c.signWithFee("dev-chair", sdk.NewCoins(sdk.NewInt64Coin(app.FeeDenom, 1<<62)),
		&banktypes.MsgSend{FromAddress: c.addr("dev-chair").String(), ToAddress: c.addr("dev-chair").String(), Amount: sdk.NewCoins(sdk.NewInt64Coin(app.FeeDenom, 1))})
	follower := c.checkAsync(c.selfSend("dev-chair"))
	c.untilWaiting(1)
	require.NotZero(t, c.check(unpayable), "the predecessor cannot pay its fee")
	require.Equal(t, wrongSequence, <-follower, "its follower is refused with it")
	c.untilWaiting(0)

	// The sender's next sequence is still the unpayable one's, which was
	// refused: a later one arriving now is refused at once.
	_, before = c.waiting()
	require.Equal(t, wrongSequence, c.check(c.selfSend("dev-chair")), "an orphan of a refused transaction")
	_, after = c.waiting()
	require.Equal(t, before, after, "the orphan did not wait")

	c.seq["ops-chair"]++ // a predecessor that never comes
	orphan := c.checkAsync(c.selfSend("ops-chair"))
	c.untilWaiting(1)
	require.Equal(t, wrongSequence, <-orphan, "refused when its wait ends")
	c.untilWaiting(0)
	require.Equal(t, 1, c.pooled(), "only the first transaction was admitted")
}

// TestAppMempoolBlockReleasesAWaiter: a transaction waiting for its sender's
// earlier one is admitted when a block (proposed elsewhere) includes that
// one, without it ever reaching this node's pool.
func TestAppMempoolBlockReleasesAWaiter(t *testing.T) {
	c := newPoolChain(t, 100)
	c.warmUp()
	elsewhere := c.selfSend("dev-chair")
	waiter := c.checkAsync(c.selfSend("dev-chair"))
	c.untilWaiting(1)
	res := c.deliver([][]byte{elsewhere})
	require.Zero(t, res[0].Code, res[0].Log)
	require.Zero(t, <-waiter, "the block moved the sender's sequence to it")
	require.Equal(t, 1, c.pooled())
}

// TestAppMempoolPipelinedSendersBesideBlocks: every sender keeps all its
// transactions in flight at once, in any order, while blocks execute and
// commit (run it with -race): each is admitted, and every block carries
// each sender's transactions in sequence order, so all of them succeed.
func TestAppMempoolPipelinedSendersBesideBlocks(t *testing.T) {
	c := newPoolChain(t, 10_000)
	c.warmUp()
	const perSender = 8
	var signed [][]byte
	for _, name := range constitution.KeyNames() {
		if name == "outsider" {
			continue
		}
		for range perSender {
			signed = append(signed, c.selfSend(name))
		}
	}
	rand.Shuffle(len(signed), func(i, j int) { signed[i], signed[j] = signed[j], signed[i] })
	codes := make([]uint32, len(signed))
	var wg sync.WaitGroup
	for i, tx := range signed {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = <-c.checkAsync(tx)
		}()
	}
	delivered := 0
	for range 3 { // blocks while the checks run
		delivered += c.deliverProposed()
	}
	wg.Wait()
	for i, code := range codes {
		require.Zerof(t, code, "transaction %d", i)
	}
	for c.pooled() > 0 {
		delivered += c.deliverProposed()
	}
	require.Equal(t, len(signed), delivered)
}
