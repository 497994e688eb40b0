package benchmarks

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	signingtypes "github.com/cosmos/cosmos-sdk/types/tx/signing"
)

// resign returns tx with its first signature's last byte changed.
func (c *chain) resign(tx []byte) []byte {
	c.tb.Helper()
	cfg := c.app.TxConfig()
	decoded, err := cfg.TxDecoder()(tx)
	require.NoError(c.tb, err)
	builder, err := cfg.WrapTxBuilder(decoded)
	require.NoError(c.tb, err)
	sigs, err := builder.GetTx().GetSignaturesV2()
	require.NoError(c.tb, err)
	data := sigs[0].Data.(*signingtypes.SingleSignatureData)
	forged := append([]byte(nil), data.Signature...)
	forged[len(forged)-1] ^= 1
	data.Signature = forged
	require.NoError(c.tb, builder.SetSignatures(sigs...))
	bz, err := cfg.TxEncoder()(builder.GetTx())
	require.NoError(c.tb, err)
	return bz
}

// TestVerifiedSignaturesCache checks the node-local signature cache: a
// transaction CheckTx accepted is remembered and forgotten when delivered,
// with the same gas as one delivered unseen; a forged signature on a
// remembered transaction's body is still verified, and refused, in
// FinalizeBlock; a refused transaction is never remembered.
func TestVerifiedSignaturesCache(t *testing.T) {
	c := newChain(t)
	c.warmUp()
	cache := c.app.VerifiedSigs

	seen := c.selfSend("dev-chair")
	unseen := c.selfSend("dev-chair")
	require.Zero(t, c.check(seen))
	require.Equal(t, 1, cache.Len(), "CheckTx remembers a verified transaction")
	res := c.deliver([][]byte{seen, unseen})
	require.Zero(t, res[0].Code, res[0].Log)
	require.Zero(t, res[1].Code, res[1].Log)
	require.Equal(t, res[1].GasUsed, res[0].GasUsed, "a remembered transaction uses the gas of one verified in FinalizeBlock")
	require.Zero(t, cache.Len(), "a delivered transaction is forgotten")

	honest := c.selfSend("ops-chair")
	require.Zero(t, c.check(honest))
	forged := c.resign(honest)
	require.NotZero(t, c.check(forged), "CheckTx refuses the forged copy (its sequence is already used there)")
	require.Equal(t, 1, cache.Len(), "a refused transaction is not remembered")
	res = c.deliver([][]byte{forged})
	require.Equal(t, sdkerrors.ErrUnauthorized.ABCICode(), res[0].Code, "FinalizeBlock verifies a signature it has not seen verified")
	require.Equal(t, 1, cache.Len())
	res = c.deliver([][]byte{honest})
	require.Zero(t, res[0].Code, res[0].Log)
	require.Zero(t, cache.Len())
}
