package ante

import (
	"crypto/sha256"
	"encoding/binary"
	"sync"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkante "github.com/cosmos/cosmos-sdk/x/auth/ante"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
)

// sigCacheSize bounds the verified-signature cache. Entries leave when their
// transaction is delivered, so the cache holds about what the mempool holds;
// beyond this the oldest are forgotten (and simply verified again).
const sigCacheSize = 50_000

// VerifiedSigs remembers transactions whose signatures this node verified in
// CheckTx, so that FinalizeBlock does not verify the same signatures again:
// the secp256k1 check is the largest single cost of a vote, and a node
// otherwise pays it twice for every transaction it saw in its mempool.
//
// It is node-local and changes no outcome: an entry is keyed by everything a
// signature check reads (the transaction bytes, which carry the signatures,
// sign modes and sequences; the chain id; each signer's account number and
// public key), so a hit means the very same check already succeeded. Gas is
// charged by the SDK's SigGasConsumeDecorator whether or not the check runs,
// and the key is read without gas. A node that restarts, or never saw the
// transaction, verifies as usual. CheckTx and FinalizeBlock may run
// concurrently, hence the lock.
type VerifiedSigs struct {
	mu   sync.Mutex
	set  map[[sha256.Size]byte]struct{}
	ring [][sha256.Size]byte
	next int
	// signers is what Preverify needs to rebuild a key outside the ABCI
	// lane (preverify.go).
	signers signerBook
}

// NewVerifiedSigs returns an empty cache.
func NewVerifiedSigs() *VerifiedSigs {
	return &VerifiedSigs{
		set:     make(map[[sha256.Size]byte]struct{}),
		ring:    make([][sha256.Size]byte, sigCacheSize),
		signers: newSignerBook(),
	}
}

// Len is the number of remembered transactions.
func (c *VerifiedSigs) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.set)
}

func (c *VerifiedSigs) add(key [sha256.Size]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.set, c.ring[c.next])
	c.ring[c.next] = key
	c.next = (c.next + 1) % len(c.ring)
	c.set[key] = struct{}{}
}

// has reports whether key is remembered, and keeps it.
func (c *VerifiedSigs) has(key [sha256.Size]byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.set[key]
	return ok
}

// take reports whether key was remembered, and forgets it: a transaction is
// delivered once.
func (c *VerifiedSigs) take(key [sha256.Size]byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.set[key]
	delete(c.set, key)
	return ok
}

// CachedSigVerificationDecorator wraps the SDK's SigVerificationDecorator. In
// CheckTx it remembers a transaction whose signatures verified (or finds it
// already verified by Preverify, outside the ABCI lane); in
// FinalizeBlock it runs the wrapped decorator with signature checking off
// for a remembered transaction (every other check of that decorator, such as
// the sequence, still runs). Simulation, recheck and every other mode pass
// straight through.
type CachedSigVerificationDecorator struct {
	verify sdkante.SigVerificationDecorator
	ak     sdkante.AccountKeeper
	cache  *VerifiedSigs
}

// NewCachedSigVerificationDecorator wraps verify with cache.
func NewCachedSigVerificationDecorator(verify sdkante.SigVerificationDecorator, ak sdkante.AccountKeeper, cache *VerifiedSigs) CachedSigVerificationDecorator {
	return CachedSigVerificationDecorator{verify: verify, ak: ak, cache: cache}
}

// AnteHandle implements sdk.AnteDecorator.
func (d CachedSigVerificationDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	mode := ctx.ExecMode()
	if simulate || !ctx.IsSigverifyTx() || (mode != sdk.ExecModeCheck && mode != sdk.ExecModeFinalize) {
		return d.verify.AnteHandle(ctx, tx, simulate, next)
	}
	key, ok := d.key(ctx, tx)
	if !ok {
		return d.verify.AnteHandle(ctx, tx, simulate, next)
	}
	if mode == sdk.ExecModeCheck && d.cache.has(key) {
		return d.skipVerify(ctx, tx, simulate, next)
	}
	if mode == sdk.ExecModeCheck {
		return d.verify.AnteHandle(ctx, tx, simulate, func(ctx sdk.Context, tx sdk.Tx, simulate bool) (sdk.Context, error) {
			d.cache.add(key) // reached only once every signature verified
			return next(ctx, tx, simulate)
		})
	}
	if !d.cache.take(key) {
		return d.verify.AnteHandle(ctx, tx, simulate, next)
	}
	return d.skipVerify(ctx, tx, simulate, next)
}

// skipVerify runs the wrapped decorator with signature checking off: every
// other check it makes (the sequence above all) still runs.
func (d CachedSigVerificationDecorator) skipVerify(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	return d.verify.AnteHandle(ctx.WithIsSigverifyTx(false), tx, simulate, func(ctx sdk.Context, tx sdk.Tx, simulate bool) (sdk.Context, error) {
		return next(ctx.WithIsSigverifyTx(true), tx, simulate)
	})
}

// key digests what the signature check of tx reads. It reports false when
// that cannot be read in full (no transaction bytes, a signer without an
// account or public key): the wrapped decorator then decides as usual.
func (d CachedSigVerificationDecorator) key(ctx sdk.Context, tx sdk.Tx) ([sha256.Size]byte, bool) {
	sigTx, ok := tx.(authsigning.Tx)
	if !ok || len(ctx.TxBytes()) == 0 {
		return [sha256.Size]byte{}, false
	}
	signers, err := sigTx.GetSigners()
	if err != nil {
		return [sha256.Size]byte{}, false
	}
	free := ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	genesis := ctx.BlockHeight() == 0 // at genesis the signed account number is 0
	known := make([]knownSigner, len(signers))
	for i, signer := range signers {
		acc := d.ak.GetAccount(free, signer)
		if acc == nil || acc.GetPubKey() == nil {
			return [sha256.Size]byte{}, false
		}
		known[i] = knownSigner{accountNumber: acc.GetAccountNumber(), pubKey: acc.GetPubKey()}
		if !genesis {
			d.cache.signers.learn(signer, known[i])
		}
	}
	return sigKey(ctx.ChainID(), genesis, ctx.TxBytes(), known), true
}

// sigKey digests the chain id, whether the block is genesis, the
// transaction bytes and each signer's account number and public key.
func sigKey(chainID string, genesis bool, txBytes []byte, signers []knownSigner) [sha256.Size]byte {
	var key [sha256.Size]byte
	h := sha256.New()
	writeBytes := func(b []byte) {
		_ = binary.Write(h, binary.BigEndian, uint64(len(b)))
		h.Write(b)
	}
	writeBytes([]byte(chainID))
	g := byte(0)
	if genesis {
		g = 1
	}
	h.Write([]byte{g})
	writeBytes(txBytes)
	for _, s := range signers {
		_ = binary.Write(h, binary.BigEndian, s.accountNumber)
		writeBytes([]byte(sdk.MsgTypeURL(s.pubKey)))
		writeBytes(s.pubKey.Bytes())
	}
	h.Sum(key[:0])
	return key
}
