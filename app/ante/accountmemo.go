package ante

import (
	"bytes"
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkante "github.com/cosmos/cosmos-sdk/x/auth/ante"
)

// The SDK's ante decorators each read the signer's account from the store:
// fee deduction, public key, signature gas, signature check and sequence, five
// decodes of the same record per transaction, in CheckTx, in FinalizeBlock and
// (most of them) in every recheck. An account memo lets one transaction's ante
// chain decode each account once.
//
// The memo lives in the transaction's context, put there by
// AccountMemoDecorator at the head of the chain, so nothing outlives one run
// of one transaction. MemoAccountKeeper writes through: SetAccount stores the
// account and keeps the stored value in the memo, so a later read sees exactly
// what the store holds. It is deterministic (every node runs the same
// decorators in the same order); an account read from the memo is charged no
// store gas, so the transaction's gas is lower, never different between
// nodes.

type accountMemoKey struct{}

// accountMemo holds the accounts one transaction's ante chain has read, in
// the order read (a transaction has one signer or a few), each with its
// address in bytes: an account keeps its address as a bech32 string, and
// decoding it on every lookup cost more than the memo saved.
type accountMemo struct {
	entries []memoEntry
}

type memoEntry struct {
	addr sdk.AccAddress
	acc  sdk.AccountI
}

func (m *accountMemo) get(addr sdk.AccAddress) (sdk.AccountI, bool) {
	for _, e := range m.entries {
		if bytes.Equal(e.addr, addr) {
			return e.acc, true
		}
	}
	return nil, false
}

// put records acc as addr's account.
func (m *accountMemo) put(addr sdk.AccAddress, acc sdk.AccountI) {
	for i, e := range m.entries {
		if bytes.Equal(e.addr, addr) {
			m.entries[i].acc = acc
			return
		}
	}
	// a copy: the caller's slice may be reused after the call
	m.entries = append(m.entries, memoEntry{addr: append(sdk.AccAddress(nil), addr...), acc: acc})
}

// stored records acc after it was written: the decorators write back the
// account object they read, so it is found by identity (accounts are proto
// messages, always pointers, so == compares them safely), and its address is
// decoded only for an account the memo has not seen.
func (m *accountMemo) stored(acc sdk.AccountI) {
	for _, e := range m.entries {
		if e.acc == acc {
			return // already held: the memo points at the object written
		}
	}
	m.put(acc.GetAddress(), acc)
}

// AccountMemoDecorator gives the rest of the chain an empty account memo.
type AccountMemoDecorator struct{}

// AnteHandle implements sdk.AnteDecorator.
func (AccountMemoDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	return next(ctx.WithValue(accountMemoKey{}, &accountMemo{}), tx, simulate)
}

// MemoAccountKeeper is the account keeper the ante decorators use: reads go
// through the transaction's memo when there is one.
type MemoAccountKeeper struct {
	sdkante.AccountKeeper
}

// GetAccount implements sdkante.AccountKeeper.
func (k MemoAccountKeeper) GetAccount(ctx context.Context, addr sdk.AccAddress) sdk.AccountI {
	memo, ok := sdk.UnwrapSDKContext(ctx).Value(accountMemoKey{}).(*accountMemo)
	if !ok {
		return k.AccountKeeper.GetAccount(ctx, addr)
	}
	if acc, found := memo.get(addr); found {
		return acc
	}
	acc := k.AccountKeeper.GetAccount(ctx, addr)
	if acc != nil {
		memo.put(addr, acc)
	}
	return acc
}

// SetAccount implements sdkante.AccountKeeper.
func (k MemoAccountKeeper) SetAccount(ctx context.Context, acc sdk.AccountI) {
	k.AccountKeeper.SetAccount(ctx, acc)
	if memo, ok := sdk.UnwrapSDKContext(ctx).Value(accountMemoKey{}).(*accountMemo); ok {
		memo.stored(acc)
	}
}
