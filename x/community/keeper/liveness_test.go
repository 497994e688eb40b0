package keeper_test

import (
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// commit is the previous block's commit as CometBFT reports it: every
// genesis validator signed but those named absent.
func commit(t *testing.T, absent ...string) []abci.VoteInfo {
	t.Helper()
	var out []abci.VoteInfo
	for _, c := range keepertest.ValidatorCommunities {
		name := c + "-node"
		flag := cmtproto.BlockIDFlagCommit
		for _, a := range absent {
			if a == name {
				flag = cmtproto.BlockIDFlagAbsent
			}
		}
		out = append(out, abci.VoteInfo{
			Validator:   abci.Validator{Address: keepertest.ConsKey(name).Address(), Power: keepertest.ValidatorPower},
			BlockIdFlag: flag,
		})
	}
	return out
}

// beginBlocks runs n blocks' BeginBlock with the commit given.
func beginBlocks(t *testing.T, f *keepertest.Fixture, n int, votes []abci.VoteInfo) {
	t.Helper()
	for range n {
		f.NextBlock(time.Second)
		f.Ctx = f.Ctx.WithVoteInfos(votes)
		require.NoError(t, f.Keeper.BeginBlocker(f.Ctx))
	}
}

func liveness(t *testing.T, f *keepertest.Fixture, name string) types.Liveness {
	t.Helper()
	res, err := keeper.NewQueryServer(f.Keeper).ValidatorLiveness(f.Ctx, &types.QueryValidatorLivenessRequest{ConsensusAddress: keepertest.ConsAddr(name)})
	require.NoError(t, err)
	return res.Liveness
}

// TestLivenessFlagsAndClears: a validator missing more than
// max_missed_blocks in a window is flagged down once, with an event; signed
// blocks write nothing; a later window within the limit clears the flag.
func TestLivenessFlagsAndClears(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	p := must(f.Keeper.GetParams(f.Ctx))
	p.LivenessWindow, p.MaxMissedBlocks = 10, 3
	require.NoError(t, f.Keeper.Params.Set(f.Ctx, p))

	beginBlocks(t, f, 2, commit(t))
	require.Zero(t, liveness(t, f, "ops-node").MissedTotal, "all signed")
	start := liveness(t, f, "ops-node").WindowStartHeight
	require.Positive(t, start, "the first block seen opens the window")

	beginBlocks(t, f, 3, commit(t, "ops-node"))
	l := liveness(t, f, "ops-node")
	require.Equal(t, uint32(3), l.MissedInWindow)
	require.False(t, l.Down, "at the limit, not over it")
	require.Empty(t, keepertest.TypedEvents[*types.EventValidatorLiveness](f.Events()))

	beginBlocks(t, f, 1, commit(t, "ops-node"))
	l = liveness(t, f, "ops-node")
	require.True(t, l.Down)
	require.Equal(t, f.Ctx.BlockHeight(), l.DownSinceHeight)
	require.Equal(t, f.Ctx.BlockHeight(), l.LastMissedHeight)
	ev := requireEvent[*types.EventValidatorLiveness](t, f)
	require.True(t, ev.Down)
	require.Equal(t, "ops", ev.CommunityId)
	require.Equal(t, uint32(4), ev.MissedInWindow)
	require.Zero(t, liveness(t, f, "dev-node").MissedTotal, "the others signed")

	down, err := keeper.NewQueryServer(f.Keeper).Liveness(f.Ctx, &types.QueryLivenessRequest{DownOnly: true})
	require.NoError(t, err)
	require.Len(t, down.Liveness, 1)
	require.Equal(t, keepertest.ConsAddr("ops-node"), down.Liveness[0].ConsensusAddress)
	require.Equal(t, uint32(10), down.Window)

	// The rest of the window signed: when it closes (its 10th block) the
	// flag stays, since that window broke the limit; the next, clean
	// window clears it when it closes.
	beginBlocks(t, f, 5, commit(t))
	require.True(t, liveness(t, f, "ops-node").Down, "the window that broke the limit closed")
	require.Equal(t, f.Ctx.BlockHeight(), liveness(t, f, "ops-node").WindowStartHeight, "a new window opened")
	beginBlocks(t, f, 9, commit(t))
	require.True(t, liveness(t, f, "ops-node").Down, "the clean window is not over")
	beginBlocks(t, f, 1, commit(t))
	l = liveness(t, f, "ops-node")
	require.False(t, l.Down, "a clean window clears the flag")
	require.Equal(t, uint64(4), l.MissedTotal)
	ev = requireEvent[*types.EventValidatorLiveness](t, f)
	require.False(t, ev.Down)
}

// TestLivenessSkipsStrangersAndSurvivesGenesis: a commit entry for an
// address that is not a validator is ignored; the records round-trip
// through genesis and their validation refuses impossible counts.
func TestLivenessSkipsStrangersAndSurvivesGenesis(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	stranger := abci.VoteInfo{Validator: abci.Validator{Address: keepertest.ConsKey("stranger").Address(), Power: 1}, BlockIdFlag: cmtproto.BlockIDFlagAbsent}
	beginBlocks(t, f, 2, append(commit(t, "fin-node"), stranger))
	_, err := f.Keeper.Liveness.Get(f.Ctx, sdk.ConsAddress(keepertest.ConsKey("stranger").Address()))
	require.Error(t, err, "no record for a stranger")
	require.Equal(t, uint64(2), liveness(t, f, "fin-node").MissedTotal)

	gs := f.Export()
	require.Len(t, gs.Liveness, len(keepertest.ValidatorCommunities))
	require.NoError(t, gs.Validate(f.AddressCodec, f.ConsensusCodec))
	bad := *gs
	bad.Liveness = append([]types.Liveness(nil), gs.Liveness...)
	bad.Liveness[0].MissedInWindow = bad.Params.LivenessWindow + 1
	require.ErrorContains(t, bad.Validate(f.AddressCodec, f.ConsensusCodec), "missed in a window")

	_, err = keeper.NewQueryServer(f.Keeper).ValidatorLiveness(f.Ctx, &types.QueryValidatorLivenessRequest{ConsensusAddress: keepertest.ConsAddr("stranger")})
	require.Equal(t, codes.NotFound, status.Code(err))
}
