package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app/constitution"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// TestDefaultGenesis checks that the default genesis validates and that
// InitGenesis refuses it for lack of a validator, with a registered error.
func TestDefaultGenesis(t *testing.T) {
	f := keepertest.NewFixture(t)
	gs := types.DefaultGenesis()
	require.NoError(t, gs.Validate(f.AddressCodec, f.ConsensusCodec))
	_, err := f.Keeper.InitGenesis(f.Ctx, *gs)
	requireModuleErr(t, err, types.ErrEmptyValidatorSet)
}

// TestInitGenesisConstitution checks that the default constitution validates,
// loads, and rebuilds every derived counter and index.
func TestInitGenesisConstitution(t *testing.T) {
	f := keepertest.NewFixture(t)
	gs := keepertest.Constitution(t, false)
	f.InitGenesis(gs)

	communities, err := f.QueryServer.Communities(f.Ctx, &types.QueryCommunitiesRequest{})
	require.NoError(t, err)
	require.Len(t, communities.Communities, len(constitution.Communities))
	bodies, err := f.QueryServer.Bodies(f.Ctx, &types.QueryBodiesRequest{})
	require.NoError(t, err)
	require.Len(t, bodies.Bodies, len(constitution.Communities)+1)
	nomcom, err := f.Keeper.GetBodyStats(f.Ctx, "nomcom")
	require.NoError(t, err)
	require.Equal(t, types.BodyStats{TotalWeight: 5, MemberCount: 5}, nomcom)

	board, err := f.QueryServer.Board(f.Ctx, &types.QueryBoardRequest{})
	require.NoError(t, err)
	require.Equal(t, uint32(7), board.VotingSeats)
	require.Equal(t, uint32(3), board.LiaisonSeats)
	require.Zero(t, board.VacantVotingSeats+board.VacantLiaisonSeats)
	require.Equal(t, types.BodyStats{TotalWeight: 7, MemberCount: 10}, board.Stats)
	for _, rc := range board.Regions {
		require.NotZero(t, rc.VotingDirectors, "%s is covered", rc.Region)
	}
	expiring, err := f.Keeper.SeatExpiry.Iterate(f.Ctx, nil)
	require.NoError(t, err)
	keys, err := expiring.Keys()
	require.NoError(t, err)
	require.Len(t, keys, 10, "every held seat's term is queued")

	chairs, err := f.QueryServer.CommunityMembers(f.Ctx, &types.QueryCommunityMembersRequest{Id: "dev", Role: types.RoleChair})
	require.NoError(t, err)
	require.Len(t, chairs.Memberships, 1)
	represents, err := f.Keeper.Representing.Get(f.Ctx, addr("dev-member"))
	require.NoError(t, err)
	require.Equal(t, "dev", represents)

	validators, err := f.QueryServer.Validators(f.Ctx, &types.QueryValidatorsRequest{})
	require.NoError(t, err)
	require.Equal(t, int64(40), validators.TotalPower)
	require.False(t, validators.Bootstrap)
	seq, err := f.Keeper.MotionID.Peek(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(1), seq)
	seatSeq, err := f.Keeper.SeatID.Peek(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, gs.NextSeatId, seatSeq)
}

// buildRichState drives a constitution through every kind of record: motions
// in every status with votes and house tallies, removed and added validators,
// vacated, refilled and retired seats, changed roles and director records.
func buildRichState(t *testing.T) *keepertest.Fixture {
	t.Helper()
	f := newHouses(t)
	// PASSED, with a message that admits a member.
	require.Equal(t, types.MotionStatusPassed, f.Pass(addr("dev-chair"), "dev", devVoters(), admitMsg("dev", addr("newbie"))).Status)
	// REJECTED.
	rejected := f.MustSubmitMotion(addr("ops-chair"), "ops")
	f.MustVote(addr("ops-member"), rejected, types.OptionNo)
	// EXECUTION_FAILED.
	require.Equal(t, types.MotionStatusExecutionFailed,
		f.Pass(addr("fin-chair"), "fin", []sdk.AccAddress{addr("fin-chair"), addr("fin-member")}, admitMsg("fin", addr("fin-chair"))).Status)
	// WITHDRAWN.
	withdrawn := f.MustSubmitMotion(addr("users-chair"), "users")
	f.MustDeliver(&types.MsgWithdrawMotion{Proposer: addr("users-chair").String(), MotionId: withdrawn})
	// VOTING, with house tallies and an abstention.
	open := f.MustSubmitMotion(addr("a"), "gnso", admitMsg("gnso", addr("e")))
	f.MustVote(addr("a"), open, types.OptionYes)
	f.MustVote(addr("c"), open, types.OptionAbstain)
	// VOTING in the Board.
	boardMotion := f.MustSubmitMotion(addr("director-dev"), types.BoardBodyID)
	f.MustVote(addr("director-fin"), boardMotion, types.OptionNo)

	// Validators: three added, one removed.
	f.MustDeliver(admitValidatorMsg(t, "gov", "gov-node", 10))
	f.MustDeliver(admitValidatorMsg(t, "secretariat", "secretariat-node", 10))
	f.MustDeliver(removeValidatorMsg("ops", "ops-node"))
	// A sub-community's validator, counted in its parent gnso's tree.
	f.MustDeliver(&types.MsgSetSeatAllocation{Authority: f.Authority, CommunityId: "cph", Seats: types.SeatAllocation{ValidatorPowerShare: "0.1"}})
	f.MustDeliver(admitValidatorMsg(t, "cph", "cph-node", 2))

	// Seats: ops's director replaced, security's liaison seat left vacant, a
	// secretariat seat created and retired.
	f.MustDeliver(&types.MsgVacateSeat{Authority: body("ops"), SeatId: 2, Reason: "recalled"})
	f.MustDeliver(appointMsg("ops", 2, "newcomer", types.RegionNorthAmerica))
	f.MustDeliver(vacateMsg(f, 6))
	alloc := types.SeatAllocation{VotingBoardSeats: 1, ValidatorPowerShare: "0.25"}
	f.MustDeliver(&types.MsgSetSeatAllocation{Authority: f.Authority, CommunityId: "secretariat", Seats: alloc})
	alloc.VotingBoardSeats = 0
	f.MustDeliver(&types.MsgSetSeatAllocation{Authority: f.Authority, CommunityId: "secretariat", Seats: alloc})

	// Roles.
	f.MustDeliver(rolesMsg("gov", "gov-member", types.RoleRepresentative))
	f.EndBlock()
	f.NextBlock(0)

	// QUEUED: passed by its votes in this block, its messages not yet run by
	// EndBlock.
	queued := f.MustSubmitMotion(addr("dev-chair"), "dev", admitMsg("dev", addr("late")))
	for _, v := range devVoters() {
		f.MustVote(v, queued, types.OptionYes)
	}
	f.DecideSettled()
	require.Equal(t, types.MotionStatusQueued, f.Motion(queued).Status)
	// VOTING but settled: its outcome is certain, and EndBlock decides it.
	settledID := f.MustSubmitMotion(addr("ops-chair"), "ops")
	f.MustVote(addr("ops-member"), settledID, types.OptionNo)
	require.Equal(t, types.MotionStatusVoting, f.Motion(settledID).Status)
	return f
}

// TestGenesisRoundTrip checks export -> import -> export equality, through
// JSON as a real chain does, and that import rebuilds the same derived state
// (counters, indexes and queues) that the original chain built step by step.
func TestGenesisRoundTrip(t *testing.T) {
	f := buildRichState(t)
	exported := f.Export()
	statuses := map[types.MotionStatus]bool{}
	for _, m := range exported.Motions {
		statuses[m.Status] = true
	}
	for status := range types.MotionStatus_name {
		if s := types.MotionStatus(status); s != types.MotionStatusUnspecified {
			require.True(t, statuses[s], "the export has a motion in %s", s)
		}
	}
	require.NotEmpty(t, exported.Votes)

	bz := f.ExportJSON()
	var gs types.GenesisState
	require.NoError(t, f.Codec.UnmarshalJSON(bz, &gs))
	g := keepertest.NewFixture(t)
	g.SetBlock(f.Ctx.BlockHeight(), f.Now())
	updates := g.InitGenesis(&gs)
	require.Len(t, updates, 6, "the active validators")
	require.JSONEq(t, string(bz), string(g.ExportJSON()))
	require.Equal(t, derived(t, f), derived(t, g))

	// The imported chain carries on: the queued motion runs in its first
	// EndBlock, and the open motion can still pass.
	queued := exported.Motions[6]
	require.Equal(t, types.MotionStatusQueued, queued.Status)
	open := exported.Motions[4]
	require.Equal(t, "gnso", open.BodyId)
	settledID := exported.Motions[len(exported.Motions)-1].Id
	require.Equal(t, []uint64{settledID}, derived(t, g).Settled, "import rebuilds the settled set")
	for _, v := range []string{"b", "d"} {
		g.MustVote(addr(v), open.Id, types.OptionYes)
	}
	require.Equal(t, types.MotionStatusVoting, g.Motion(open.Id).Status, "settled, decided as the block ends")
	g.EndBlock()
	require.Equal(t, types.MotionStatusRejected, g.Motion(settledID).Status)
	for _, id := range []uint64{queued.Id, open.Id} {
		m := g.Motion(id)
		require.Equal(t, types.MotionStatusPassed, m.Status, m.FailureReason)
		require.Equal(t, g.Ctx.BlockHeight(), m.ExecutedHeight)
	}
	late, err := g.Keeper.Memberships.Has(g.Ctx, collectionsPair("dev", addr("late")))
	require.NoError(t, err)
	require.True(t, late, "the queued motion's message ran on the imported chain")
}

// derivedState is what InitGenesis must rebuild rather than import.
type derivedState struct {
	Board        *types.QueryBoardResponse
	Stats        map[string]types.BodyStats
	Powers       *types.QueryValidatorsResponse
	MotionQueue  []collections.Pair[int64, uint64]
	Execution    []uint64
	Settled      []uint64
	SeatExpiry   []collections.Pair[int64, uint64]
	RoleHolders  []collections.Triple[string, int32, sdk.AccAddress]
	Representing []collections.KeyValue[sdk.AccAddress, string]
	SeatHolders  []collections.KeyValue[sdk.AccAddress, uint64]
	CometPower   []collections.KeyValue[[]byte, int64]
	TreePower    []collections.KeyValue[string, int64]
	Pending      [][]byte
	ByStatus     *types.QueryMotionsResponse
	ByRegion     *types.QueryMembersResponse
}

// derived reads the derived state through queries and collections.
func derived(t *testing.T, f *keepertest.Fixture) derivedState {
	t.Helper()
	k, ctx := f.Keeper, f.Ctx
	var d derivedState
	var err error
	d.Board, err = f.QueryServer.Board(ctx, &types.QueryBoardRequest{})
	require.NoError(t, err)
	d.Stats = map[string]types.BodyStats{}
	bodies, err := f.QueryServer.Bodies(ctx, &types.QueryBodiesRequest{})
	require.NoError(t, err)
	for _, b := range bodies.Bodies {
		d.Stats[b.Id], err = k.GetBodyStats(ctx, b.Id)
		require.NoError(t, err)
	}
	d.Powers, err = f.QueryServer.Validators(ctx, &types.QueryValidatorsRequest{})
	require.NoError(t, err)
	d.MotionQueue = keys(t, must(k.MotionQueue.Iterate(ctx, nil)))
	d.Execution = keys(t, must(k.ExecutionQueue.Iterate(ctx, nil)))
	d.Settled = keys(t, must(k.SettledMotions.Iterate(ctx, nil)))
	d.SeatExpiry = keys(t, must(k.SeatExpiry.Iterate(ctx, nil)))
	d.RoleHolders = keys(t, must(k.RoleHolders.Iterate(ctx, nil)))
	d.Pending = keys(t, must(k.PendingValidators.Iterate(ctx, nil)))
	d.Representing = keyValues(t, must(k.Representing.Iterate(ctx, nil)))
	d.SeatHolders = keyValues(t, must(k.SeatHolders.Iterate(ctx, nil)))
	d.CometPower = keyValues(t, must(k.CometPower.Iterate(ctx, nil)))
	d.TreePower = keyValues(t, must(k.TreePower.Iterate(ctx, nil)))
	d.ByStatus, err = f.QueryServer.Motions(ctx, &types.QueryMotionsRequest{Status: types.MotionStatusVoting})
	require.NoError(t, err)
	d.ByRegion, err = f.QueryServer.Members(ctx, &types.QueryMembersRequest{Region: types.RegionEurope})
	require.NoError(t, err)
	return d
}

// must unwraps a value whose error cannot happen on a healthy in-memory store.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// keys reads every key of a key set.
func keys[K any](t *testing.T, iter collections.KeySetIterator[K]) []K {
	t.Helper()
	out, err := iter.Keys()
	require.NoError(t, err)
	return out
}

// keyValues reads every pair of a map.
func keyValues[K, V any](t *testing.T, iter collections.Iterator[K, V]) []collections.KeyValue[K, V] {
	t.Helper()
	out, err := iter.KeyValues()
	require.NoError(t, err)
	return out
}
