package app_test

import (
	"encoding/json"
	"math/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/app/constitution"
	"github.com/polity-chain/polity/internal/simutil"
	ctypes "github.com/polity-chain/polity/x/community/types"
	etypes "github.com/polity-chain/polity/x/empowered/types"
	ptypes "github.com/polity-chain/polity/x/proposals/types"
	rtypes "github.com/polity-chain/polity/x/review/types"
)

// simOutsiders is how many accounts beyond the constitution's named keys
// take part: they hold funds but no role, so they can use only the open door.
const simOutsiders = 8

// simValidatorCommunities run one validator each at genesis: four
// communities of equal power keep each one below the 1/3 cap.
var simValidatorCommunities = []string{"dev", "ops", "fin", "users"}

// simAccounts replaces the SDK's random number of keys (2 to 2500) with the
// constitution's named keys plus a few outsiders, all from the seeded source.
func simAccounts(r *rand.Rand, _ int) []simtypes.Account {
	return simtypes.RandomAccounts(r, len(constitution.People)+simOutsiders)
}

// simAppState is the simulation's AppStateFn. The SDK's default one builds
// x/staking genesis, which Polity does not have; this one builds genesis from
// the default constitution (app/constitution) with the simulation's accounts
// as the named keys, randomised periods and powers, and auth and bank
// genesis for every account.
func simAppState(a *app.App) simtypes.AppStateFn {
	return func(r *rand.Rand, accs []simtypes.Account, _ simtypes.Config) (json.RawMessage, []simtypes.Account, string, time.Time) {
		genesisTime := time.Unix(1_900_000_000+r.Int63n(10_000_000), 0).UTC()
		addrs := map[string]sdk.AccAddress{}
		for i, name := range constitution.KeyNames() {
			addrs[name] = accs[i].Address
		}
		var validators []constitution.ValidatorSpec
		power := 5 + r.Int63n(20)
		for _, c := range simValidatorCommunities {
			seed := make([]byte, 32)
			r.Read(seed)
			validators = append(validators, constitution.ValidatorSpec{
				Community: c, Moniker: c + "-node", PubKey: ed25519.GenPrivKeyFromSecret(seed).PubKey(), Power: power,
			})
		}
		// Simulated blocks are 1.4 to 2.8 hours apart (x/simulation), so
		// periods are days: a motion stays open for several blocks.
		hours := func(lo, hi int) time.Duration { return time.Duration(lo+r.Intn(hi-lo+1)) * time.Hour }
		res, err := constitution.Build(constitution.Spec{
			Addresses: addrs, Validators: validators, GenesisTime: genesisTime,
			VotingPeriod: hours(12, 36), CommentPeriod: hours(12, 48), ECPeriod: hours(48, 120),
			ChallengeWindow: hours(12, 48), AdvicePeriod: hours(24, 96), ReviewPeriod: hours(24, 96),
			Funds: 1_000_000_000,
		})
		if err != nil {
			panic(err)
		}
		// periodic reviews open every day or two instead of every few
		// years, so that a run sees nominations, teams and reports
		for i := range res.Review.Params.ReviewCycles {
			if c := &res.Review.Params.ReviewCycles[i]; c.Period > 0 {
				c.Period, c.ReportPeriod = hours(12, 48), hours(48, 120)
			}
		}
		// the Board has elected a chair, so the emergency path is open
		res.Community.BoardChair = addrs[simutil.Pick(r, []string{"director-dev", "director-ops", "director-fin", "director-users"})].String()
		balances := res.Balances
		for _, acc := range accs[len(constitution.People):] {
			balances = append(balances, banktypes.Balance{Address: acc.Address.String(),
				Coins: sdk.NewCoins(sdk.NewInt64Coin(ctypes.FeeDenom, 1_000_000_000))})
		}
		state := a.DefaultGenesis()
		cdc := a.AppCodec()
		state[ctypes.ModuleName] = cdc.MustMarshalJSON(res.Community)
		state[ptypes.ModuleName] = cdc.MustMarshalJSON(res.Proposals)
		state[rtypes.ModuleName] = cdc.MustMarshalJSON(res.Review)
		state[etypes.ModuleName] = cdc.MustMarshalJSON(res.Empowered)
		state[authtypes.ModuleName] = authGenesis(a, accs)
		state[banktypes.ModuleName] = bankGenesis(a, balances)
		bz, err := json.Marshal(state)
		if err != nil {
			panic(err)
		}
		return bz, accs, simChainID, genesisTime
	}
}

// authGenesis creates an account for every simulated key.
func authGenesis(a *app.App, accs []simtypes.Account) json.RawMessage {
	accounts := make(authtypes.GenesisAccounts, len(accs))
	for i, acc := range accs {
		accounts[i] = authtypes.NewBaseAccount(acc.Address, acc.PubKey, uint64(i), 0)
	}
	packed, err := authtypes.PackAccounts(accounts)
	if err != nil {
		panic(err)
	}
	gs := authtypes.NewGenesisState(authtypes.DefaultParams(), accounts)
	gs.Accounts = packed
	return a.AppCodec().MustMarshalJSON(gs)
}

// bankGenesis funds the accounts; the supply is their sum.
func bankGenesis(a *app.App, balances []banktypes.Balance) json.RawMessage {
	supply := sdk.NewCoins()
	for _, b := range balances {
		supply = supply.Add(b.Coins...)
	}
	gs := banktypes.NewGenesisState(banktypes.DefaultParams(), balances, supply, nil, nil)
	return a.AppCodec().MustMarshalJSON(gs)
}

// TestSimAppStateIsSeededAndValid requires the simulation's genesis to come
// from the seed alone and to pass every module's genesis validation, with the
// four validators' communities and funded outsiders.
func TestSimAppStateIsSeededAndValid(t *testing.T) {
	a := newSimApp(t)
	build := func(seed int64) json.RawMessage {
		r := rand.New(rand.NewSource(seed))
		state, accs, chainID, _ := simAppState(a.App)(r, simAccounts(r, 0), simtypes.Config{})
		require.Equal(t, simChainID, chainID)
		require.Len(t, accs, len(constitution.People)+simOutsiders)
		return state
	}
	state := build(3)
	require.Equal(t, string(state), string(build(3)), "the same seed builds the same genesis")
	require.NotEqual(t, string(state), string(build(4)), "another seed builds another genesis")

	var modules map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(state, &modules))
	require.NoError(t, a.BasicModuleManager.ValidateGenesis(a.AppCodec(), a.TxConfig(), modules))
	var community ctypes.GenesisState
	a.AppCodec().MustUnmarshalJSON(modules[ctypes.ModuleName], &community)
	require.Len(t, community.Validators, len(simValidatorCommunities))
	require.NotEmpty(t, community.BoardChair)
}
