// Package benchmarks measures whole transactions through the real Polity
// app: app.New on an in-memory database, the default constitution at
// genesis, real signed transactions delivered with FinalizeBlock and
// committed. Nothing is mocked.
package benchmarks

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"
	signingtypes "github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsign "github.com/cosmos/cosmos-sdk/x/auth/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/app/constitution"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
)

// chainPeriod is every period of the benchmark constitution: long enough
// that nothing opened in setup closes during a benchmark, whose blocks are a
// second apart.
const chainPeriod = 24 * time.Hour

// appOptions is the node configuration app.New reads.
type appOptions map[string]any

// Get implements servertypes.AppOptions.
func (o appOptions) Get(key string) any { return o[key] }

// chain is a running Polity app with a key for every constitution role.
type chain struct {
	tb     testing.TB
	app    *app.App
	keys   map[string]*secp256k1.PrivKey
	accNum map[string]uint64
	seq    map[string]uint64
	height int64
	time   time.Time
}

// benchKey is the deterministic account key of a constitution name.
func benchKey(name string) *secp256k1.PrivKey {
	return secp256k1.GenPrivKeyFromSecret([]byte("polity-bench/" + name))
}

// newChain starts the app from the default constitution: four validators
// (dev, ops, fin, users), every named key funded, the genesis block
// initialised but no block yet delivered.
func newChain(tb testing.TB) *chain {
	tb.Helper()
	return newChainWith(tb, appOptions{"home": tb.TempDir()})
}

// newChainWith is newChain with the node configuration opts.
func newChainWith(tb testing.TB, opts appOptions) *chain {
	tb.Helper()
	keepertest.SetAddressConfig()
	c := &chain{tb: tb, keys: map[string]*secp256k1.PrivKey{}, accNum: map[string]uint64{}, seq: map[string]uint64{}, time: keepertest.GenesisTime}
	addrs := map[string]sdk.AccAddress{}
	for _, name := range constitution.KeyNames() {
		c.keys[name] = benchKey(name)
		addrs[name] = sdk.AccAddress(c.keys[name].PubKey().Address())
	}
	var validators []constitution.ValidatorSpec
	for _, community := range keepertest.ValidatorCommunities {
		validators = append(validators, constitution.ValidatorSpec{
			Community: community, Moniker: community + "-node", PubKey: keepertest.ConsKey(community + "-node"), Power: keepertest.ValidatorPower,
		})
	}
	spec := constitution.Spec{Addresses: addrs, Validators: validators, GenesisTime: c.time, Funds: 1_000_000_000}
	setPeriods(&spec, chainPeriod)
	res, err := constitution.Build(spec)
	require.NoError(tb, err)

	c.app = app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, true, opts,
		baseapp.SetChainID(app.DefaultChainID))
	state := c.app.DefaultGenesis()
	cdc := c.app.AppCodec()
	require.NoError(tb, setModuleStates(cdc, state, res))
	accounts := addAccounts(tb, cdc, state, res.Balances)
	for i, name := range constitution.KeyNames() {
		require.Equal(tb, addrs[name].String(), accounts[i])
		c.accNum[name] = uint64(i)
	}
	appState, err := json.Marshal(state)
	require.NoError(tb, err)
	_, err = c.app.InitChain(&abci.RequestInitChain{
		ChainId: app.DefaultChainID, Time: c.time, InitialHeight: 1, AppStateBytes: appState,
		ConsensusParams: consensusParams(),
	})
	require.NoError(tb, err)
	return c
}

// setPeriods sets every period of a constitution spec (each of its
// time.Duration fields: voting, comment, EC, advice, review...) to d, so
// that a period added to the spec later is set too.
func setPeriods(spec *constitution.Spec, d time.Duration) {
	v := reflect.ValueOf(spec).Elem()
	for i := range v.NumField() {
		if v.Field(i).Type() == reflect.TypeOf(time.Duration(0)) {
			v.Field(i).SetInt(int64(d))
		}
	}
}

// consensusParams are CometBFT's defaults, without an AuthorityParams
// override: the governance address stays every module's authority.
func consensusParams() *cmtproto.ConsensusParams {
	p := cmttypes.DefaultConsensusParams().ToProto()
	p.Authority = nil
	return &p
}

// setModuleStates writes every module genesis the constitution builds (the
// Result's proto fields), naming each module after its proto package
// ("polity.<module>.v1.GenesisState"), so a module added to the
// constitution is picked up without changing the harness.
func setModuleStates(cdc codec.Codec, state map[string]json.RawMessage, res constitution.Result) error {
	v := reflect.ValueOf(res)
	for i := range v.NumField() {
		msg, ok := v.Field(i).Interface().(proto.Message)
		if !ok || v.Field(i).IsNil() {
			continue
		}
		parts := strings.Split(proto.MessageName(msg), ".")
		bz, err := cdc.MarshalJSON(msg)
		if err != nil {
			return err
		}
		state[parts[1]] = bz
	}
	return nil
}

// addAccounts adds a base account and a balance for every constitution key,
// numbered in key order, and returns their addresses in that order.
func addAccounts(tb testing.TB, cdc codec.Codec, state map[string]json.RawMessage, balances []banktypes.Balance) []string {
	tb.Helper()
	authGen := authtypes.GetGenesisStateFromAppState(cdc, state)
	bankGen := banktypes.GetGenesisStateFromAppState(cdc, state)
	var accounts authtypes.GenesisAccounts
	var out []string
	for i, b := range balances {
		addr, err := sdk.AccAddressFromBech32(b.Address)
		require.NoError(tb, err)
		accounts = append(accounts, authtypes.NewBaseAccount(addr, nil, uint64(i), 0))
		bankGen.Balances = append(bankGen.Balances, b)
		bankGen.Supply = bankGen.Supply.Add(b.Coins...)
		out = append(out, b.Address)
	}
	packed, err := authtypes.PackAccounts(accounts)
	require.NoError(tb, err)
	authGen.Accounts = packed
	state[authtypes.ModuleName] = cdc.MustMarshalJSON(&authGen)
	state[banktypes.ModuleName] = cdc.MustMarshalJSON(bankGen)
	return out
}

// addr is the account of a constitution name.
func (c *chain) addr(name string) sdk.AccAddress {
	return sdk.AccAddress(c.keys[name].PubKey().Address())
}

// sign builds a transaction of one message signed in direct mode by a
// constitution key at its next sequence, and returns its bytes.
func (c *chain) sign(name string, msg sdk.Msg) []byte {
	c.tb.Helper()
	return c.signWithFee(name, nil, msg)
}

// signWithFee is sign with a fee.
func (c *chain) signWithFee(name string, fee sdk.Coins, msg sdk.Msg) []byte {
	c.tb.Helper()
	cfg := c.app.TxConfig()
	key := c.keys[name]
	builder := cfg.NewTxBuilder()
	require.NoError(c.tb, builder.SetMsgs(msg))
	builder.SetGasLimit(2_000_000)
	builder.SetFeeAmount(fee)
	sig := signingtypes.SignatureV2{
		PubKey: key.PubKey(), Sequence: c.seq[name],
		Data: &signingtypes.SingleSignatureData{SignMode: signingtypes.SignMode_SIGN_MODE_DIRECT},
	}
	require.NoError(c.tb, builder.SetSignatures(sig))
	signer := authsign.SignerData{
		Address: c.addr(name).String(), ChainID: app.DefaultChainID, AccountNumber: c.accNum[name],
		Sequence: c.seq[name], PubKey: key.PubKey(),
	}
	bytesToSign, err := authsign.GetSignBytesAdapter(c.tb.Context(), cfg.SignModeHandler(), signingtypes.SignMode_SIGN_MODE_DIRECT, signer, builder.GetTx())
	require.NoError(c.tb, err)
	sig.Data.(*signingtypes.SingleSignatureData).Signature, err = key.Sign(bytesToSign)
	require.NoError(c.tb, err)
	require.NoError(c.tb, builder.SetSignatures(sig))
	bz, err := cfg.TxEncoder()(builder.GetTx())
	require.NoError(c.tb, err)
	c.seq[name]++
	return bz
}

// deliver finalises and commits the next block, a second after the last,
// and returns its transactions' results.
func (c *chain) deliver(txs [][]byte) []*abci.ExecTxResult {
	c.tb.Helper()
	c.height++
	c.time = c.time.Add(time.Second)
	res, err := c.app.FinalizeBlock(&abci.RequestFinalizeBlock{Height: c.height, Time: c.time, Txs: txs})
	require.NoError(c.tb, err)
	_, err = c.app.Commit()
	require.NoError(c.tb, err)
	return res.TxResults
}

// mustDeliver delivers blocks of at most perBlock transactions, each of which
// must succeed, and returns the gas they used.
func (c *chain) mustDeliver(txs [][]byte, perBlock int) (gas int64) {
	c.tb.Helper()
	for len(txs) > 0 {
		n := min(perBlock, len(txs))
		for i, r := range c.deliver(txs[:n]) {
			if r.Code != 0 {
				c.tb.Fatalf("tx %d failed: code %d (%s): %s", i, r.Code, r.Codespace, r.Log)
			}
			gas += r.GasUsed
		}
		txs = txs[n:]
	}
	return gas
}

// warmUp has every key with standing send one coin to itself, so that every
// account's public key is on chain before anything is measured (the first
// transaction of an account also stores its key). The outsider may not send
// coins: it has only the open door.
func (c *chain) warmUp() {
	c.tb.Helper()
	var txs [][]byte
	for _, name := range constitution.KeyNames() {
		if name == "outsider" {
			continue
		}
		coin := sdk.NewCoins(sdk.NewInt64Coin(app.FeeDenom, 1))
		txs = append(txs, c.sign(name, &banktypes.MsgSend{FromAddress: c.addr(name).String(), ToAddress: c.addr(name).String(), Amount: coin}))
	}
	c.mustDeliver(txs, len(txs))
}

// check runs tx through CheckTx as the node's mempool does and returns the
// result code.
func (c *chain) check(tx []byte) uint32 {
	c.tb.Helper()
	res, err := c.app.CheckTx(&abci.RequestCheckTx{Tx: tx, Type: abci.CheckTxType_New})
	require.NoError(c.tb, err)
	return res.Code
}

// selfSend is a one-coin send from name to itself.
func (c *chain) selfSend(name string) []byte {
	coin := sdk.NewCoins(sdk.NewInt64Coin(app.FeeDenom, 1))
	return c.sign(name, &banktypes.MsgSend{FromAddress: c.addr(name).String(), ToAddress: c.addr(name).String(), Amount: coin})
}
