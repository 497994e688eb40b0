package keeper

import (
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
)

// AnteGasLimit is the gas limit of the transactions Tx builds.
const AnteGasLimit = 200_000

// TxConfig is the SDK's protobuf transaction config over the fixture's codec,
// whose interface registry extracts signers with the polity address codecs.
func (f *Fixture) TxConfig() client.TxConfig {
	return authtx.NewTxConfig(f.Codec, authtx.DefaultSignModes)
}

// Tx builds an unsigned transaction carrying msgs and fee, and returns it as
// baseapp hands it to the ante handler: encoded, then decoded. Its signers
// are the messages' signer fields; ante decorators that run before signature
// verification need no signature.
func (f *Fixture) Tx(fee sdk.Coins, msgs ...sdk.Msg) sdk.Tx {
	f.tb.Helper()
	cfg := f.TxConfig()
	b := cfg.NewTxBuilder()
	require.NoError(f.tb, b.SetMsgs(msgs...))
	b.SetFeeAmount(fee)
	b.SetGasLimit(AnteGasLimit)
	bz, err := cfg.TxEncoder()(b.GetTx())
	require.NoError(f.tb, err)
	tx, err := cfg.TxDecoder()(bz)
	require.NoError(f.tb, err)
	return tx
}
