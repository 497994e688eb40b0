package chainregistry

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/cmd/polityd/cmd"
)

type endpoint struct {
	Address  string `json:"address"`
	Provider string `json:"provider"`
}

type chainJSON struct {
	ChainName    string            `json:"chain_name"`
	ChainID      string            `json:"chain_id"`
	Bech32Prefix string            `json:"bech32_prefix"`
	Bech32Config map[string]string `json:"bech32_config"`
	DaemonName   string            `json:"daemon_name"`
	Slip44       uint32            `json:"slip44"`
	Fees         struct {
		FeeTokens []struct {
			Denom            string  `json:"denom"`
			FixedMinGasPrice float64 `json:"fixed_min_gas_price"`
			LowGasPrice      float64 `json:"low_gas_price"`
			AverageGasPrice  float64 `json:"average_gas_price"`
			HighGasPrice     float64 `json:"high_gas_price"`
		} `json:"fee_tokens"`
	} `json:"fees"`
	APIs struct {
		RPC  []endpoint `json:"rpc"`
		REST []endpoint `json:"rest"`
		GRPC []endpoint `json:"grpc"`
	} `json:"apis"`
}

type assetListJSON struct {
	ChainName string `json:"chain_name"`
	Assets    []struct {
		Base       string `json:"base"`
		Display    string `json:"display"`
		Symbol     string `json:"symbol"`
		DenomUnits []struct {
			Denom    string `json:"denom"`
			Exponent uint32 `json:"exponent"`
		} `json:"denom_units"`
	} `json:"assets"`
}

type pingPubJSON struct {
	ChainName  string     `json:"chain_name"`
	API        []endpoint `json:"api"`
	RPC        []endpoint `json:"rpc"`
	CoinType   string     `json:"coin_type"`
	MinTxFee   string     `json:"min_tx_fee"`
	AddrPrefix string     `json:"addr_prefix"`
	Assets     []struct {
		Base     string `json:"base"`
		Symbol   string `json:"symbol"`
		Exponent string `json:"exponent"`
	} `json:"assets"`
}

func load(t *testing.T, path string, v any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, v), path)
}

// localnetScript returns what scripts/localnet.sh and configure-node.sh
// really use: the default chain id, the printed endpoints and the minimum
// gas price local nodes are given.
func localnetScript(t *testing.T) (chainID, rest, rpc, grpc string, minGasPrice float64) {
	t.Helper()
	script, err := os.ReadFile("../../scripts/localnet.sh")
	require.NoError(t, err)
	m := regexp.MustCompile(`CHAIN_ID=\$\{CHAIN_ID:-([^}]+)\}`).FindSubmatch(script)
	require.NotNil(t, m, "localnet.sh's default chain id")
	chainID = string(m[1])
	m = regexp.MustCompile(`REST (\S+)\s+RPC (\S+)\s+gRPC (\S+)`).FindSubmatch(script)
	require.NotNil(t, m, "localnet.sh's printed endpoints")
	rest, rpc, grpc = string(m[1]), string(m[2]), string(m[3])

	configure, err := os.ReadFile("../../scripts/configure-node.sh")
	require.NoError(t, err)
	m = regexp.MustCompile(`minimum-gas-prices = \\"([0-9.]+)` + app.FeeDenom + `\\"`).FindSubmatch(configure)
	require.NotNil(t, m, "configure-node.sh's minimum gas price")
	price, err := sdkmath.LegacyNewDecFromStr(string(m[1]))
	require.NoError(t, err)
	return chainID, rest, rpc, grpc, price.MustFloat64()
}

// defaultMinGasPrice is polityd's default minimum-gas-prices in upolity.
func defaultMinGasPrice(t *testing.T) sdkmath.LegacyDec {
	prices, err := sdk.ParseDecCoins(cmd.DefaultMinGasPrices)
	require.NoError(t, err)
	return prices.AmountOf(app.FeeDenom)
}

func checkChainIdentity(t *testing.T, path string, c chainJSON) {
	t.Helper()
	app.SetAddressConfig()
	cfg := sdk.GetConfig()
	require.Equal(t, app.Bech32Prefix, c.Bech32Prefix, path)
	require.Equal(t, map[string]string{
		"bech32PrefixAccAddr":  cfg.GetBech32AccountAddrPrefix(),
		"bech32PrefixAccPub":   cfg.GetBech32AccountPubPrefix(),
		"bech32PrefixValAddr":  cfg.GetBech32ValidatorAddrPrefix(),
		"bech32PrefixValPub":   cfg.GetBech32ValidatorPubPrefix(),
		"bech32PrefixConsAddr": cfg.GetBech32ConsensusAddrPrefix(),
		"bech32PrefixConsPub":  cfg.GetBech32ConsensusPubPrefix(),
	}, c.Bech32Config, path)
	require.Equal(t, cfg.GetCoinType(), c.Slip44, path)
	require.Equal(t, "polityd", c.DaemonName, path)
	require.Len(t, c.Fees.FeeTokens, 1, path)
	fee := c.Fees.FeeTokens[0]
	require.Equal(t, app.FeeDenom, fee.Denom, path)
	require.True(t, fee.FixedMinGasPrice <= fee.LowGasPrice && fee.LowGasPrice <= fee.AverageGasPrice && fee.AverageGasPrice <= fee.HighGasPrice,
		"%s: gas prices must not fall from fixed to high: %+v", path, fee)
}

func checkAssetList(t *testing.T, path, chainName string) {
	t.Helper()
	var a assetListJSON
	load(t, path, &a)
	require.Equal(t, chainName, a.ChainName, "%s names chain.json's chain", path)
	require.Len(t, a.Assets, 1, path)
	asset := a.Assets[0]
	require.Equal(t, app.FeeDenom, asset.Base, path)
	units := map[string]uint32{}
	for _, u := range asset.DenomUnits {
		units[u.Denom] = u.Exponent
	}
	require.Equal(t, map[string]uint32{app.FeeDenom: 0, asset.Display: 6}, units, path)
}

// TestLocalnetEntriesMatchTheApp checks the localnet's chain.json,
// assetlist.json and Ping.pub config against the app and the localnet scripts.
func TestLocalnetEntriesMatchTheApp(t *testing.T) {
	chainID, rest, rpc, grpc, minGasPrice := localnetScript(t)
	require.Equal(t, app.DefaultChainID, chainID)

	var c chainJSON
	load(t, "localnet/chain.json", &c)
	checkChainIdentity(t, "localnet/chain.json", c)
	require.Equal(t, chainID, c.ChainID)
	require.Equal(t, minGasPrice, c.Fees.FeeTokens[0].FixedMinGasPrice, "local nodes' minimum gas price")
	require.Equal(t, []endpoint{{rest, "localnet"}}, c.APIs.REST)
	require.Equal(t, []endpoint{{rpc, "localnet"}}, c.APIs.RPC)
	require.Equal(t, []endpoint{{grpc, "localnet"}}, c.APIs.GRPC)
	checkAssetList(t, "localnet/assetlist.json", c.ChainName)

	var p pingPubJSON
	load(t, "ping-pub/polity-localnet.json", &p)
	checkPingPub(t, "ping-pub/polity-localnet.json", p)
	require.Equal(t, []endpoint{{rest, "localnet"}}, p.API)
	require.Equal(t, []endpoint{{rpc, "localnet"}}, p.RPC)
}

// TestTemplateEntriesMatchTheApp checks the templates for real networks:
// the app's prefix and denom, and polityd's default minimum gas price.
func TestTemplateEntriesMatchTheApp(t *testing.T) {
	var c chainJSON
	load(t, "template/chain.json", &c)
	checkChainIdentity(t, "template/chain.json", c)
	require.Equal(t, defaultMinGasPrice(t).MustFloat64(), c.Fees.FeeTokens[0].FixedMinGasPrice, "polityd's default minimum-gas-prices")
	checkAssetList(t, "template/assetlist.json", c.ChainName)

	var p pingPubJSON
	load(t, "ping-pub/polity-template.json", &p)
	checkPingPub(t, "ping-pub/polity-template.json", p)
}

// typicalGas is the gas of a typical transaction, the basis of Ping.pub's
// min_tx_fee (cmd.DefaultMinGasPrices explains the figure).
const typicalGas = 200_000

func checkPingPub(t *testing.T, path string, p pingPubJSON) {
	t.Helper()
	require.Equal(t, app.Bech32Prefix, p.AddrPrefix, path)
	require.Equal(t, "118", p.CoinType, path)
	require.Len(t, p.Assets, 1, path)
	require.Equal(t, app.FeeDenom, p.Assets[0].Base, path)
	require.Equal(t, "6", p.Assets[0].Exponent, path)
	want := defaultMinGasPrice(t).MulInt64(typicalGas).TruncateInt().String()
	require.Equal(t, want, p.MinTxFee, "%s: a %d-gas transaction at the default minimum gas price", path, typicalGas)
}
