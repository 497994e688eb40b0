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
// chains. A block holds at most block.max_gas / gasLimit transactions: the
// kit's 200,000 would cap Polity (max_gas 100,000,000) at 500 per block
// whatever the node could do, where the stock node has no limit. Wallets
// declare what simulation says times a margin; 92,000 is 1.3x the most a
// load transaction was measured to use (a deciding Board vote, 70,452 gas,
// after the issue 12 changes; it was 90,190 before, hence 120,000 then).
var gasLimit uint64 = 92_000

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
