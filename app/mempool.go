package app

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"time"

	errorsmod "cosmossdk.io/errors"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/spf13/cast"

	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/polity-chain/polity/app/txpool"
)

// MempoolTypeApp is CometBFT's `mempool.type` that hands the mempool to the
// application (app/txpool).
const MempoolTypeApp = "app"

// appMempool is the state of the app-side mempool. CometBFT calls CheckTx
// without its ABCI lock in this mode, so the lane lock keeps apart what must
// not overlap: the stateful part of CheckTx (the ante chain on the check
// state, which reads through to the committed stores) against other CheckTx
// calls, and against the end of a block, from the moment its writes reach
// the stores to the end of Commit and the recheck. What may now overlap is
// what never touches those stores: the signature check (ante.Preverify, the
// largest single cost of a transaction) with anything, and CheckTx with the
// body of FinalizeBlock, which works in its own branch of the state. On a
// node with two cores, transactions are checked while a block executes.
type appMempool struct {
	pool *txpool.Pool
	lane sync.Mutex
	// laneHeld and blockTxs belong to the consensus connection, whose calls
	// (FinalizeBlock, then Commit) never overlap: laneHeld says EndBlocker
	// took the lane; blockTxs are the block's transactions, forgotten by the
	// pool once it is committed.
	laneHeld bool
	blockTxs [][]byte
	// workers run CheckTx's work (mempool_workers.go); waits are the
	// transactions waiting for their sender's earlier ones
	// (mempool_order.go), and belong to the lane.
	workers *checkWorkers
	waits   sequenceWaits
	senders senderHints
}

// setAppMempool switches the app-side mempool on when the node's config.toml
// asks for it, with CometBFT's mempool size limits.
func (app *App) setAppMempool(appOpts servertypes.AppOptions) {
	if cast.ToString(appOpts.Get("mempool.type")) != MempoolTypeApp {
		return
	}
	// CometBFT never signals waiting transactions in this mode, so a node
	// that makes blocks only on transactions would make none.
	if empty := appOpts.Get("consensus.create_empty_blocks"); empty != nil && !cast.ToBool(empty) &&
		cast.ToDuration(appOpts.Get("consensus.create_empty_blocks_interval")) <= 0 {
		panic(errors.New(`mempool.type = "app" needs consensus.create_empty_blocks = true (or an interval): CometBFT does not tell the app mempool's node that transactions wait`))
	}
	app.txPool = &appMempool{
		pool:    txpool.New(cast.ToInt(appOpts.Get("mempool.size")), cast.ToInt64(appOpts.Get("mempool.max_txs_bytes"))),
		workers: newCheckWorkers(runtime.GOMAXPROCS(0)),
	}
	app.SetPrepareProposal(app.prepareFromPool)
}

// AppMempoolSize is the count and bytes of the transactions the app-side
// mempool holds (0 when it is off): what the polity_mempool_txs and
// polity_mempool_bytes metrics show, since CometBFT's own mempool metrics
// and num_unconfirmed_txs see none of them.
func (app *App) AppMempoolSize() (txs int, bytes int64) {
	if app.txPool == nil {
		return 0, 0
	}
	return app.txPool.pool.Len(), app.txPool.pool.Bytes()
}

// CheckTx admits a transaction to the app-side mempool, or is BaseApp's when
// that is off.
func (app *App) CheckTx(req *abci.RequestCheckTx) (*abci.ResponseCheckTx, error) {
	mp := app.txPool
	if mp == nil {
		return app.BaseApp.CheckTx(req)
	}
	if req.Type != abci.CheckTxType_New {
		var res *abci.ResponseCheckTx
		var err error
		mp.workers.run(mp.workers.lane, func() {
			mp.lane.Lock()
			defer mp.lane.Unlock()
			res, err = app.BaseApp.CheckTx(req)
		})
		return res, err
	}
	return app.admit(req.Tx, true), nil
}

// preverified is what the work outside the lane learnt of a transaction:
// its decoding (nil if it does not decode; RunTx reports that), whether its
// signatures verified, and, for a verified transaction with one signer, its
// sender and sequence (ordered), which place it in its sender's queue.
type preverified struct {
	tx       sdk.Tx
	verified bool
	order    senderSeq
	ordered  bool
}

// admit checks txBytes and adds it to the pool. A transaction from a client
// (mayWait) whose sequence is a little ahead of its sender's waits for the
// ones before it (mempool_order.go); one gossiped by a peer never waits,
// since peers send each sender's transactions in order and the reactor
// inserts them one by one.
func (app *App) admit(txBytes []byte, mayWait bool) *abci.ResponseCheckTx {
	mp := app.txPool
	if err := mp.pool.Room(len(txBytes)); err != nil {
		return mempoolFull(err) // before the signature work
	}
	var pre preverified
	mp.workers.run(mp.workers.verify, func() { pre = app.preverify(txBytes) })
	var (
		res    *abci.ResponseCheckTx
		waiter *seqWaiter // the place this transaction waited at, if it did
		timer  *time.Timer
	)
	for {
		last := waiter
		mp.workers.run(mp.workers.lane, func() { res, waiter = app.admitInLane(txBytes, pre, mayWait, last) })
		if waiter == nil {
			if timer != nil {
				timer.Stop()
			}
			return res
		}
		// Node-local time, not consensus: how long a client's transaction
		// may wait for its predecessor.
		if timer == nil {
			timer = time.NewTimer(sequenceWait)
		}
		select {
		case <-waiter.wake:
			mayWait = !waiter.refused
		case <-timer.C:
			mayWait = false // one last look; admitInLane forgets the waiter
		}
	}
}

// sequenceWait is how long a client's transaction waits for its sender's
// earlier ones (mempool_order.go).
const sequenceWait = 2 * time.Second

// admitInLane runs the ante chain on the check state and adds the
// transaction to the pool, or refuses it, or (when mayWait) registers it to
// wait for its sender's previous transaction and returns its waiter. last is
// the waiter of its previous look, if it waited: forgotten first, and its
// sender's sequence is read again rather than guessed.
func (app *App) admitInLane(txBytes []byte, pre preverified, mayWait bool, last *seqWaiter) (*abci.ResponseCheckTx, *seqWaiter) {
	mp := app.txPool
	mp.lane.Lock()
	defer mp.lane.Unlock()
	key := pre.order
	if last != nil {
		mp.waits.forget(key, last)
	}
	// Again in the lane, where alone transactions are added: a transaction
	// that passes the ante chain (which advances its sender's sequence in the
	// check state) is then sure to find room in the pool.
	res := mempoolFull(mp.pool.Room(len(txBytes)))
	if res == nil && pre.ordered && mayWait {
		switch mp.senders.placeOf(app, key, last != nil) {
		case placeAhead:
			// It cannot pass the ante chain yet: wait without running it.
			if waiter := mp.waits.add(key); waiter != nil {
				return nil, waiter
			}
		case placeOrphan:
			mayWait = false
		}
	}
	if res == nil {
		res = app.checkDecoded(txBytes, pre.tx)
	}
	if res.Code == abci.CodeTypeOK {
		if err := mp.pool.Add(txBytes, res.GasWanted); err != nil {
			res = mempoolFull(err)
		}
	}
	if !pre.ordered {
		return res, nil
	}
	if res.Code != abci.CodeTypeOK && mayWait && isWrongSequence(res.Codespace, res.Code) && app.aheadOfSender(key) {
		if waiter := mp.waits.add(key); waiter != nil {
			return nil, waiter
		}
	}
	// Only a transaction whose signature verified moves its sender's queue:
	// a forger can neither admit nor fail a member's waiting transaction.
	admitted := res.Code == abci.CodeTypeOK
	mp.senders.settled(key, admitted, isWrongSequence(res.Codespace, res.Code))
	mp.waits.next(key, !admitted)
	return res, nil
}

// checkDecoded is BaseApp.CheckTx for a new transaction already decoded (tx
// may be nil: RunTx then decodes and reports the error). CheckTx's events
// are not indexed by CometBFT, so they are returned as the ante chain made
// them.
func (app *App) checkDecoded(txBytes []byte, tx sdk.Tx) *abci.ResponseCheckTx {
	gasInfo, result, anteEvents, err := app.RunTx(sdk.ExecModeCheck, txBytes, tx, -1, nil, nil)
	if err != nil {
		return sdkerrors.ResponseCheckTxWithEvents(err, gasInfo.GasWanted, gasInfo.GasUsed, anteEvents, app.Trace())
	}
	return &abci.ResponseCheckTx{
		GasWanted: int64(gasInfo.GasWanted),
		GasUsed:   int64(gasInfo.GasUsed),
		Log:       result.Log,
		Data:      result.Data,
		Events:    result.Events,
	}
}

// mempoolFull is the SDK's "mempool is full" answer for err, or nil.
func mempoolFull(err error) *abci.ResponseCheckTx {
	if err == nil {
		return nil
	}
	return sdkerrors.ResponseCheckTxWithEvents(errorsmod.Wrap(sdkerrors.ErrMempoolIsFull, err.Error()), 0, 0, nil, false)
}

// preverify decodes txBytes and checks its signatures outside the lane;
// errors are left for CheckTx to report.
func (app *App) preverify(txBytes []byte) preverified {
	tx, err := app.txConfig.TxDecoder()(txBytes)
	if err != nil {
		return preverified{}
	}
	pre := preverified{tx: tx, verified: app.VerifiedSigs.Preverify(context.Background(), tx, txBytes, app.ChainID(), app.txConfig.SignModeHandler())}
	if pre.verified {
		pre.order, pre.ordered = orderOf(tx)
	}
	return pre
}

// InsertTx admits a transaction gossiped by a peer, as CheckTx does.
func (app *App) InsertTx(req *abci.RequestInsertTx) (*abci.ResponseInsertTx, error) {
	if app.txPool == nil {
		return app.BaseApp.InsertTx(req)
	}
	return &abci.ResponseInsertTx{Code: app.admit(req.Tx, false).Code}, nil
}

// ReapTxs hands the gossip reactor the transactions it has not yet sent.
func (app *App) ReapTxs(req *abci.RequestReapTxs) (*abci.ResponseReapTxs, error) {
	if app.txPool == nil {
		return app.BaseApp.ReapTxs(req)
	}
	return &abci.ResponseReapTxs{Txs: app.txPool.pool.TakeNew(req.MaxBytes, req.MaxGas)}, nil
}

// FinalizeBlock executes a block. Its body runs beside CheckTx; EndBlocker
// takes the lane before the block's writes reach the stores, and Commit
// gives it back.
func (app *App) FinalizeBlock(req *abci.RequestFinalizeBlock) (*abci.ResponseFinalizeBlock, error) {
	mp := app.txPool
	if mp == nil {
		return app.BaseApp.FinalizeBlock(req)
	}
	mp.blockTxs = req.Txs
	res, err := app.BaseApp.FinalizeBlock(req)
	if err != nil && mp.laneHeld {
		mp.laneHeld = false
		mp.lane.Unlock()
	}
	return res, err
}

// closeLane takes the lane for the rest of the block (EndBlocker calls it
// last): nothing is checked against the stores while they change.
func (app *App) closeLane() {
	if mp := app.txPool; mp != nil && !mp.laneHeld {
		mp.lane.Lock()
		mp.laneHeld = true
	}
}

// Commit commits the block, forgets its transactions and rechecks the rest
// against the new state, as CometBFT's own mempool does after every block: a
// vote on a motion the block decided, or a transaction whose sequence the
// block used, leaves the pool instead of failing in the next block.
func (app *App) Commit() (*abci.ResponseCommit, error) {
	mp := app.txPool
	if mp == nil {
		return app.BaseApp.Commit()
	}
	app.closeLane()
	defer func() {
		mp.laneHeld = false
		mp.lane.Unlock()
	}()
	res, err := app.BaseApp.Commit()
	if err != nil {
		return res, err
	}
	mp.pool.Remove(mp.blockTxs)
	mp.blockTxs = nil
	mp.pool.Recheck(func(tx []byte) bool {
		r, err := app.BaseApp.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_Recheck})
		return err == nil && r.Code == abci.CodeTypeOK
	})
	// The block moved senders' sequences: waiting transactions look again.
	mp.senders.reset()
	mp.waits.wakeAll()
	return res, nil
}

// prepareFromPool proposes the oldest pooled transactions that fit the
// block's byte and gas limits: CometBFT holds none in this mode.
func (app *App) prepareFromPool(ctx sdk.Context, req *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
	maxGas := int64(-1)
	if block := ctx.ConsensusParams().Block; block != nil {
		maxGas = block.MaxGas
	}
	txs, dropped := app.txPool.pool.Reap(req.MaxTxBytes, maxGas)
	if dropped > 0 {
		app.Logger().Info("app mempool dropped transactions no block can hold", "count", dropped,
			"max_tx_bytes", req.MaxTxBytes, "max_gas", maxGas)
	}
	return &abci.ResponsePrepareProposal{Txs: txs}, nil
}
