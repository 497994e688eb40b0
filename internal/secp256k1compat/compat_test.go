package secp256k1compat

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
)

// curveOrder is secp256k1's group order N.
var curveOrder, _ = new(big.Int).SetString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16)

// highS returns the same signature with S replaced by N - S: valid ECDSA,
// but the malleable twin that both builds must refuse.
func highS(sig []byte) []byte {
	s := new(big.Int).SetBytes(sig[32:])
	twin := make([]byte, 64)
	copy(twin, sig[:32])
	new(big.Int).Sub(curveOrder, s).FillBytes(twin[32:])
	return twin
}

// fixedKey is a private key from a seed, so every build checks the same keys.
func fixedKey(i int) *secp256k1.PrivKey {
	seed := sha256.Sum256(fmt.Appendf(nil, "polity secp256k1 compat %d", i))
	return secp256k1.GenPrivKeyFromSecret(seed[:])
}

// TestBuildIsTheOneAsked: make test runs this package once per build and
// names in POLITY_SECP256K1 the signature check each run must hold (unset:
// the default, pure Go), so a run that lost its build tag would fail here
// instead of checking the pure-Go code twice.
func TestBuildIsTheOneAsked(t *testing.T) {
	want := os.Getenv("POLITY_SECP256K1")
	if want == "" {
		want = "go"
	}
	require.Equal(t, want, implementation, "the signature check this test binary was built with")
}

// TestVerifySignatureAgreesAcrossBuilds checks what each build accepts and
// refuses: a valid low-S signature, its high-S twin, another message or key,
// a flipped bit, and wrong lengths. The answers are written out, not compared
// between builds at run time, so each build is held to the same table.
func TestVerifySignatureAgreesAcrossBuilds(t *testing.T) {
	msg := []byte(`{"body":"a vote","sequence":"7"}`)
	for i := 0; i < 32; i++ {
		priv := fixedKey(i)
		pub := priv.PubKey()
		sig, err := priv.Sign(msg)
		require.NoError(t, err)
		require.Len(t, sig, 64)

		require.True(t, pub.VerifySignature(msg, sig), "key %d: valid signature", i)
		require.False(t, pub.VerifySignature(msg, highS(sig)), "key %d: high-S twin", i)
		require.False(t, pub.VerifySignature(append([]byte{}, msg[1:]...), sig), "key %d: another message", i)
		require.False(t, fixedKey(i+100).PubKey().VerifySignature(msg, sig), "key %d: another key", i)

		flipped := append([]byte{}, sig...)
		flipped[i%64] ^= 0x01
		require.False(t, pub.VerifySignature(msg, flipped), "key %d: a flipped bit", i)

		require.False(t, pub.VerifySignature(msg, sig[:63]), "key %d: 63 bytes", i)
		require.False(t, pub.VerifySignature(msg, append(append([]byte{}, sig...), 0)), "key %d: 65 bytes", i)
		require.False(t, pub.VerifySignature(msg, make([]byte, 64)), "key %d: zero signature", i)
	}
}

// TestSignaturesCrossBuilds pins two signatures. Both builds sign with RFC
// 6979 nonces in low-S form, so each makes exactly these, and each accepts
// the ones the other made: a key in either kind of node signs for both.
func TestSignaturesCrossBuilds(t *testing.T) {
	msg := []byte("polity cross-build signature")
	for i, pinned := range map[int]string{1: pinnedSig1, 2: pinnedSig2} {
		sig, err := fixedKey(i).Sign(msg)
		require.NoError(t, err)
		require.Equal(t, pinned, hex.EncodeToString(sig), "key %d signs as pinned", i)
		require.True(t, fixedKey(i).PubKey().VerifySignature(msg, mustHex(t, pinned)), "key %d: pinned signature", i)
	}
}

const (
	pinnedSig1 = "d04702b4e08658fa4b67e62169d15b4f98c0ea99df930854c30aed18db65d4f635fe4ed1bc191d6ce197a3ef1b6e2d4b52b46ad14bdfb0c3cbb4429887508265"
	pinnedSig2 = "252f78556f0bbb75556d60f89be77efe56ab1d8ed41d93266360c316f8a63c94093ad119cec7bdbe3d139d58bc5e1f146c1c83f06b1a916c562f5e9127a1196d"
)

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}
