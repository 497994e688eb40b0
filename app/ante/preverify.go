package ante

import (
	"context"
	"sync"

	txsigning "github.com/cosmos/cosmos-sdk/x/tx/signing"
	"google.golang.org/protobuf/types/known/anypb"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
)

// signerBookSize bounds the signers Preverify knows; past it the book starts
// afresh (a forgotten signer's next transaction is verified in the lane, and
// teaches the book again).
const signerBookSize = 100_000

// knownSigner is what a signature check reads of an account besides the
// transaction: neither changes once the account has signed (the SDK refuses
// a public key that does not match the stored one, and account numbers are
// never reused).
type knownSigner struct {
	accountNumber uint64
	pubKey        cryptotypes.PubKey
}

// signerBook remembers, per signer address, what the last signature check in
// the ABCI lane read of its account.
type signerBook struct {
	mu sync.Mutex
	m  map[string]knownSigner
}

func newSignerBook() signerBook { return signerBook{m: make(map[string]knownSigner)} }

func (b *signerBook) learn(addr []byte, s knownSigner) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.m) >= signerBookSize {
		clear(b.m)
	}
	b.m[string(addr)] = s
}

func (b *signerBook) lookup(addr []byte) (knownSigner, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	s, ok := b.m[string(addr)]
	return s, ok
}

// Preverify checks tx's signatures without reading state, so it can run
// outside the ABCI lane, concurrently with blocks and with other
// transactions: each signer's account number and public key come from the
// signer book. When every signature verifies it remembers the transaction
// under the very key the CheckTx decorator computes from state, so that
// decorator skips its own check. A stale or unknown signer only means a
// different key or no entry, and the decorator verifies as usual: Preverify
// can save work, never admit a transaction. It reports whether it
// remembered tx.
func (c *VerifiedSigs) Preverify(ctx context.Context, tx sdk.Tx, txBytes []byte, chainID string, handler *txsigning.HandlerMap) bool {
	sigTx, ok := tx.(authsigning.Tx)
	if !ok || len(txBytes) == 0 {
		return false
	}
	if utx, ok := tx.(sdk.TxWithUnordered); ok && utx.GetUnordered() {
		return false
	}
	adaptable, ok := tx.(authsigning.V2AdaptableTx)
	if !ok {
		return false
	}
	signers, err := sigTx.GetSigners()
	if err != nil {
		return false
	}
	sigs, err := sigTx.GetSignaturesV2()
	if err != nil || len(sigs) != len(signers) {
		return false
	}
	known := make([]knownSigner, len(signers))
	for i, signer := range signers {
		s, ok := c.signers.lookup(signer)
		if !ok {
			return false
		}
		known[i] = s
	}
	key := sigKey(chainID, false, txBytes, known)
	if c.has(key) {
		return true
	}
	txData := adaptable.GetSigningTxData()
	for i, sig := range sigs {
		anyPk, err := codectypes.NewAnyWithValue(known[i].pubKey)
		if err != nil {
			return false
		}
		addr, err := sdk.Bech32ifyAddressBytes(sdk.GetConfig().GetBech32AccountAddrPrefix(), signers[i])
		if err != nil {
			return false
		}
		signerData := txsigning.SignerData{
			Address:       addr,
			ChainID:       chainID,
			AccountNumber: known[i].accountNumber,
			Sequence:      sig.Sequence,
			PubKey:        &anypb.Any{TypeUrl: anyPk.TypeUrl, Value: anyPk.Value},
		}
		if err := authsigning.VerifySignature(ctx, known[i].pubKey, signerData, sig.Data, handler, txData); err != nil {
			return false
		}
	}
	c.add(key)
	return true
}
