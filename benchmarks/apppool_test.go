package benchmarks

import (
	"sync"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/app/constitution"
)

// newPoolChain is a chain whose node runs the app-side mempool
// (config.toml's mempool.type = "app") holding at most size transactions.
func newPoolChain(t *testing.T, size int) *chain {
	t.Helper()
	return newChainWith(t, appOptions{"home": t.TempDir(), "mempool.type": app.MempoolTypeApp, "mempool.size": size})
}

// pooled is the number of transactions the app-side mempool holds.
func (c *chain) pooled() int {
	n, _ := c.app.AppMempoolSize()
	return n
}

// propose asks the app for the next block's transactions, as CometBFT does
// in this mode (it holds none itself).
func (c *chain) propose(maxBytes int64) [][]byte {
	c.tb.Helper()
	res, err := c.app.PrepareProposal(&abci.RequestPrepareProposal{
		MaxTxBytes: maxBytes, Height: c.height + 1, Time: c.time.Add(time.Second),
	})
	require.NoError(c.tb, err)
	return res.Txs
}

// deliverProposed delivers the block the pool proposes, each of whose
// transactions must succeed, and returns how many it held.
func (c *chain) deliverProposed() int {
	c.tb.Helper()
	res := c.deliver(c.propose(1 << 20))
	for _, r := range res {
		require.Zero(c.tb, r.Code, r.Log)
	}
	return len(res)
}

// TestAppMempoolAdmitsProposesAndForgets follows transactions through the
// app-side mempool: CheckTx admits them in order, a full pool refuses with
// the SDK's "mempool is full", PrepareProposal proposes them oldest first
// within the block's bytes, the gossip reactor gets each once, and a
// committed block's transactions leave the pool while the rest stay.
func TestAppMempoolAdmitsProposesAndForgets(t *testing.T) {
	c := newPoolChain(t, 3)
	c.warmUp()
	require.Zero(t, c.pooled(), "warm-up blocks were delivered directly")

	first, second := c.selfSend("dev-chair"), c.selfSend("dev-chair")
	third := c.selfSend("ops-chair")
	for _, tx := range [][]byte{first, second, third} {
		require.Zero(t, c.check(tx))
	}
	require.Equal(t, 3, c.pooled())
	full := c.selfSend("fin-chair")
	require.Equal(t, sdkerrors.ErrMempoolIsFull.ABCICode(), c.check(full), "a full pool refuses")
	require.Equal(t, 3, c.pooled())

	require.Equal(t, [][]byte{first, second, third}, c.propose(1<<20), "oldest first")
	require.Equal(t, [][]byte{first}, c.propose(int64(len(first)+len(second))), "within the block's bytes, stopping at the first misfit")

	reaped, err := c.app.ReapTxs(&abci.RequestReapTxs{})
	require.NoError(t, err)
	require.Len(t, reaped.Txs, 3)
	reaped, err = c.app.ReapTxs(&abci.RequestReapTxs{})
	require.NoError(t, err)
	require.Empty(t, reaped.Txs, "each transaction is gossiped once")

	res := c.deliver([][]byte{first, second})
	require.Zero(t, res[0].Code, res[0].Log)
	require.Zero(t, res[1].Code, res[1].Log)
	require.Equal(t, 1, c.pooled(), "the block's transactions leave the pool; the recheck keeps the other")
	require.Equal(t, [][]byte{third}, c.propose(1<<20))
	require.Empty(t, c.propose(10), "a block of 10 bytes holds none")
	require.Zero(t, c.pooled(), "and a transaction no such block can hold leaves the pool rather than block it")
}

// TestAppMempoolRecheckDropsStale shows the recheck after Commit: a pooled
// transaction whose sequence a block used for another transaction can no
// longer succeed, so it leaves the pool instead of failing in a block.
func TestAppMempoolRecheckDropsStale(t *testing.T) {
	c := newPoolChain(t, 100)
	c.warmUp()
	pooled := c.selfSend("dev-chair")
	require.Zero(t, c.check(pooled))
	c.seq["dev-chair"]-- // the same sequence, another transaction
	other := c.selfSend("ops-chair")
	rival := c.selfSend("dev-chair")
	require.Zero(t, c.check(other))
	require.Equal(t, 2, c.pooled())

	res := c.deliver([][]byte{rival})
	require.Zero(t, res[0].Code, res[0].Log)
	require.Equal(t, [][]byte{other}, c.propose(1<<20), "the stale transaction was dropped, the valid one kept")
}

// TestAppMempoolRefusesWhatFails: a transaction CheckTx refuses never enters
// the pool.
func TestAppMempoolRefusesWhatFails(t *testing.T) {
	c := newPoolChain(t, 100)
	c.warmUp()
	tx := c.selfSend("dev-chair")
	require.NotZero(t, c.check(c.resign(tx)), "a forged signature is refused")
	require.Zero(t, c.pooled())
	require.Zero(t, c.check(tx))
	require.NotZero(t, c.check(tx), "a second copy fails on its sequence")
	require.Equal(t, 1, c.pooled())
}

// TestPreverifyOutsideTheLane: once a signer has signed in the lane, the
// node checks its next transaction's signature without reading state, and
// CheckTx finds it verified; a forged signature or an unknown signer is left
// to CheckTx, which decides as usual. Gas is the same either way.
func TestPreverifyOutsideTheLane(t *testing.T) {
	c := newChain(t)
	ctx := t.Context()
	cfg := c.app.TxConfig()
	preverify := func(tx []byte) bool {
		decoded, err := cfg.TxDecoder()(tx)
		require.NoError(t, err)
		return c.app.VerifiedSigs.Preverify(ctx, decoded, tx, app.DefaultChainID, cfg.SignModeHandler())
	}
	unknown := c.selfSend("dev-chair")
	require.False(t, preverify(unknown), "a signer the node has not seen sign is unknown")
	c.seq["dev-chair"]--
	c.warmUp() // every key signs once, in the lane

	tx := c.selfSend("dev-chair")
	require.False(t, preverify(c.resign(tx)), "a forged signature does not verify")
	require.Zero(t, c.app.VerifiedSigs.Len())
	require.True(t, preverify(tx))
	require.Equal(t, 1, c.app.VerifiedSigs.Len())
	require.Zero(t, c.check(tx), "CheckTx accepts the preverified transaction")
	plain := c.selfSend("dev-chair") // checked in the lane only
	require.Zero(t, c.check(plain))
	res := c.deliver([][]byte{tx, plain})
	require.Zero(t, res[0].Code, res[0].Log)
	require.Equal(t, res[1].GasUsed, res[0].GasUsed, "a preverified transaction uses the gas of any other")
	require.Zero(t, c.app.VerifiedSigs.Len(), "delivered transactions are forgotten")
}

// TestAppMempoolCheckTxBesideBlocks runs CheckTx from many goroutines while
// blocks execute and commit, as CometBFT does in this mode (run it with
// -race): every admitted transaction is proposed, delivered and succeeds.
func TestAppMempoolCheckTxBesideBlocks(t *testing.T) {
	c := newPoolChain(t, 10_000)
	c.warmUp()
	var senders []string
	for _, name := range constitution.KeyNames() {
		if name != "outsider" {
			senders = append(senders, name)
		}
	}
	const perSender = 6
	signed := make([][][]byte, len(senders))
	for i, name := range senders {
		for range perSender {
			signed[i] = append(signed[i], c.selfSend(name))
		}
	}
	var wg sync.WaitGroup
	codes := make([][]uint32, len(senders))
	for i := range senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, tx := range signed[i] {
				res, err := c.app.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_New})
				if err != nil {
					codes[i] = append(codes[i], 1<<31)
					continue
				}
				codes[i] = append(codes[i], res.Code)
			}
		}()
	}
	delivered := 0
	for range 4 { // blocks while the checks run
		delivered += c.deliverProposed()
	}
	wg.Wait()
	for i := range senders {
		for j, code := range codes[i] {
			require.Zerof(t, code, "%s's transaction %d", senders[i], j)
		}
	}
	for c.pooled() > 0 {
		delivered += c.deliverProposed()
	}
	require.Equal(t, len(senders)*perSender, delivered)
}
