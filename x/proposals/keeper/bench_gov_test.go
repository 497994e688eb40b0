package keeper_test

import (
	"fmt"
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/std"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	"github.com/cosmos/cosmos-sdk/x/tx/signing"

	"github.com/polity-chain/polity/app"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
)

// govValidators is the bonded validator set of the x/gov comparison: the
// SDK's default maximum.
const govValidators = 100

// govTally is an SDK x/gov keeper over a real x/staking keeper, on its own
// committed in-memory store, with one proposal and its votes.
type govTally struct {
	ctx      sdk.Context
	keeper   *govkeeper.Keeper
	proposal govv1.Proposal
}

// newGovTally builds the x/gov comparison: govValidators bonded validators,
// votes delegators each delegating 1 token (10^6 base units) to one of them
// and voting 60% yes, 40% no, as the Board benchmark does. Validators do not
// vote, so each delegator's power counts once, through its delegation.
// Records are written through the keepers' own setters, then committed.
func newGovTally(b *testing.B, votes int) *govTally {
	b.Helper()
	keepertest.SetAddressConfig()
	cdc := govCodec(b)
	keys := storetypes.NewKVStoreKeys(authtypes.StoreKey, banktypes.StoreKey, stakingtypes.StoreKey, govtypes.StoreKey)
	ctx := keepertest.NewStoreContext(b, keys)
	ac := addresscodec.NewBech32Codec(app.Bech32Prefix)
	vc := addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32ValidatorAddrPrefix())
	cc := addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32ConsensusAddrPrefix())
	authority := authtypes.NewModuleAddress(govtypes.ModuleName).String()
	perms := map[string][]string{
		govtypes.ModuleName:            {authtypes.Burner},
		stakingtypes.BondedPoolName:    {authtypes.Burner, authtypes.Staking},
		stakingtypes.NotBondedPoolName: {authtypes.Burner, authtypes.Staking},
	}
	ak := authkeeper.NewAccountKeeper(cdc, runtime.NewKVStoreService(keys[authtypes.StoreKey]), authtypes.ProtoBaseAccount,
		perms, ac, app.Bech32Prefix, authority)
	bk := bankkeeper.NewBaseKeeper(cdc, runtime.NewKVStoreService(keys[banktypes.StoreKey]), ak, map[string]bool{}, authority, log.NewNopLogger())
	sk := stakingkeeper.NewKeeper(cdc, runtime.NewKVStoreService(keys[stakingtypes.StoreKey]), ak, bk, authority, vc, cc)
	gk := govkeeper.NewKeeper(cdc, runtime.NewKVStoreService(keys[govtypes.StoreKey]), ak, bk, nil,
		baseapp.NewMsgServiceRouter(), govtypes.DefaultConfig(), authority, govkeeper.NewDefaultCalculateVoteResultsAndVotingPower(sk))
	ctx = ctx.WithBlockHeight(1).WithBlockTime(keepertest.GenesisTime)
	require.NoError(b, sk.SetParams(ctx, stakingtypes.DefaultParams()))
	require.NoError(b, gk.Params.Set(ctx, govv1.DefaultParams()))

	stake := sdk.DefaultPowerReduction // one token: consensus power 1 per delegation
	validators := make([]stakingtypes.Validator, govValidators)
	for i := range validators {
		operator, err := vc.BytesToString(benchAddr(3, i))
		require.NoError(b, err)
		pk := ed25519.GenPrivKeyFromSecret([]byte(fmt.Sprintf("gov-bench/%d", i))).PubKey()
		validators[i], err = stakingtypes.NewValidator(operator, pk, stakingtypes.Description{Moniker: operator})
		require.NoError(b, err)
		validators[i].Status = stakingtypes.Bonded
	}
	proposal := govv1.Proposal{Id: 1, Status: govv1.StatusVotingPeriod, Title: "benchmark", SubmitTime: &keepertest.GenesisTime}
	require.NoError(b, gk.Proposals.Set(ctx, proposal.Id, proposal))
	for i := range votes {
		voter := benchAddr(4, i)
		v := &validators[i%govValidators]
		var shares math.LegacyDec
		*v, shares = v.AddTokensFromDel(stake)
		require.NoError(b, sk.SetDelegation(ctx, stakingtypes.NewDelegation(voter.String(), v.OperatorAddress, shares)))
		option := govv1.OptionYes
		if sixtyForty(i) == no {
			option = govv1.OptionNo
		}
		require.NoError(b, gk.Votes.Set(ctx, joinGovVote(proposal.Id, voter), govv1.NewVote(proposal.Id, voter, govv1.NewNonSplitVoteOption(option), "")))
	}
	for _, v := range validators {
		require.NoError(b, sk.SetValidator(ctx, v))
		require.NoError(b, sk.SetValidatorByPowerIndex(ctx, v))
	}
	ctx.MultiStore().(storetypes.CommitMultiStore).Commit()

	// The setup must tally as intended: 60% of the votes' power yes.
	passes, _, result, err := gk.Tally(keepertest.CacheContext(ctx), proposal)
	require.NoError(b, err)
	require.True(b, passes)
	want := sdk.TokensFromConsensusPower(int64(votes*3/5), sdk.DefaultPowerReduction)
	require.Equal(b, want.String(), result.YesCount)
	return &govTally{ctx: ctx, keeper: gk, proposal: proposal}
}

// govCodec registers what the x/gov comparison stores.
func govCodec(b *testing.B) codec.Codec {
	b.Helper()
	registry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32AccountAddrPrefix()),
			ValidatorAddressCodec: addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32ValidatorAddrPrefix()),
		},
	})
	require.NoError(b, err)
	std.RegisterInterfaces(registry)
	authtypes.RegisterInterfaces(registry)
	banktypes.RegisterInterfaces(registry)
	stakingtypes.RegisterInterfaces(registry)
	govv1.RegisterInterfaces(registry)
	return codec.NewProtoCodec(registry)
}
