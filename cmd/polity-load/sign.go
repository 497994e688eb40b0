package main

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
)

// txConfig encodes and signs; SIGN_MODE_DIRECT needs no message registry
// (sign bytes are the body and auth-info bytes), so one config serves both
// chains.
var txConfig = moduletestutil.MakeTestEncodingConfig().TxConfig

// gasLimit is the gas every load transaction declares (-gas), on both
// chains; 0, the default, declares what a simulated sample of the mix's
// transactions uses, times gasMargin, as a wallet's "auto" gas does. A block
// holds at most block.max_gas / declared gas transactions (Polity
// 100,000,000, the stock node unlimited), so a fixed figure above what a
// wallet would declare caps Polity's blocks and not the stock node's: the
// kit's 200,000 caps them at 500, and the 92,000 used before (1.3x the most a
// deciding Board vote used) at 1,086, with motion votes using 40,000-54,000.
var gasLimit uint64

// gasMargin is the multiplier on simulated gas (wallets use 1.3-1.5).
const gasMargin = 1.3

// gasSample is how many senders' first transactions are simulated.
const gasSample = 16

// setupGasLimit is what the setup transactions (motions, proposals) declare:
// they are few, and larger than the load's.
const setupGasLimit = 2_000_000

// sign builds and signs a transaction offline with SIGN_MODE_DIRECT.
func sign(chainID string, s *sender, seq, gas uint64, fee sdk.Coins, msgs ...sdk.Msg) ([]byte, error) {
	b := txConfig.NewTxBuilder()
	if err := b.SetMsgs(msgs...); err != nil {
		return nil, err
	}
	b.SetGasLimit(gas)
	b.SetFeeAmount(fee)
	pub := s.key.PubKey()
	sig := signing.SignatureV2{PubKey: pub, Data: &signing.SingleSignatureData{SignMode: signing.SignMode_SIGN_MODE_DIRECT}, Sequence: seq}
	if err := b.SetSignatures(sig); err != nil {
		return nil, err
	}
	signer := authsigning.SignerData{Address: s.addr, ChainID: chainID, AccountNumber: s.accNum, Sequence: seq, PubKey: pub}
	bytesToSign, err := authsigning.GetSignBytesAdapter(context.Background(), txConfig.SignModeHandler(), signing.SignMode_SIGN_MODE_DIRECT, signer, b.GetTx())
	if err != nil {
		return nil, err
	}
	sigBytes, err := s.key.Sign(bytesToSign)
	if err != nil {
		return nil, err
	}
	sig.Data = &signing.SingleSignatureData{SignMode: signing.SignMode_SIGN_MODE_DIRECT, Signature: sigBytes}
	if err := b.SetSignatures(sig); err != nil {
		return nil, err
	}
	return txConfig.TxEncoder()(b.GetTx())
}
