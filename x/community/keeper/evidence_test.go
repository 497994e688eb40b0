package keeper_test

import (
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/comet"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// blockInfo is the part of CometBFT's block info BeginBlock reads: the
// evidence committed in the block.
type blockInfo struct{ evidence []comet.Evidence }

func (b blockInfo) GetEvidence() comet.EvidenceList { return evidenceList(b.evidence) }
func (blockInfo) GetValidatorsHash() []byte         { return nil }
func (blockInfo) GetProposerAddress() []byte        { return nil }
func (blockInfo) GetLastCommit() comet.CommitInfo   { return nil }
func (l evidenceList) Len() int                     { return len(l) }
func (l evidenceList) Get(i int) comet.Evidence     { return l[i] }
func (e doubleSign) Type() comet.MisbehaviorType    { return comet.DuplicateVote }
func (e doubleSign) Validator() comet.Validator     { return e }
func (e doubleSign) Address() []byte                { return keepertest.ConsKey(e.node).Address() }
func (e doubleSign) Power() int64                   { return keepertest.ValidatorPower }
func (e doubleSign) Height() int64                  { return e.height }
func (e doubleSign) Time() time.Time                { return keepertest.GenesisTime }
func (e doubleSign) TotalVotingPower() int64        { return 40 }

type evidenceList []comet.Evidence

// doubleSign is CometBFT's evidence that node signed twice at height.
type doubleSign struct {
	node   string
	height int64
}

// commitEvidence runs BeginBlock of a new block carrying the evidence.
func commitEvidence(t *testing.T, f *keepertest.Fixture, evidence ...comet.Evidence) {
	t.Helper()
	f.NextBlock(time.Second)
	f.Ctx = f.Ctx.WithCometInfo(blockInfo{evidence: evidence})
	require.NoError(t, f.Keeper.BeginBlocker(f.Ctx))
}

func validator(t *testing.T, f *keepertest.Fixture, node string) types.Validator {
	t.Helper()
	v, err := f.Keeper.GetValidator(f.Ctx, keepertest.ConsKey(node).Address())
	require.NoError(t, err)
	return v
}

// TestDoubleSignSuspendsAtOnce: evidence of a double-sign takes the
// validator out of CometBFT's set in that block and records the evidence,
// once; its power still counts toward ops' share and the cap, so no
// community is pushed over 1/3; its key cannot be re-admitted; and ops' own
// motion then replaces it (a new key in, the suspended one out).
func TestDoubleSignSuspendsAtOnce(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	commitEvidence(t, f, doubleSign{"ops-node", 3}, doubleSign{"stranger", 3})

	require.Equal(t, types.ValidatorSuspended, validator(t, f, "ops-node").Status)
	require.EqualValues(t, keepertest.ValidatorPower, validator(t, f, "ops-node").Power, "its power still counts")
	ev := requireEvent[*types.EventValidatorMisbehaved](t, f)
	require.Equal(t, "ops", ev.CommunityId)
	require.Equal(t, "duplicate_vote", ev.Type)
	require.True(t, ev.Suspended)
	require.Equal(t, []abci.ValidatorUpdate{update(t, "ops-node", 0)}, f.EndBlock(), "out of CometBFT's set at once")
	keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))
	require.NoError(t, f.Keeper.CheckAllPowers(f.Ctx), "no community reaches 1/3")

	q := keeper.NewQueryServer(f.Keeper)
	res, err := q.Misbehaviours(f.Ctx, &types.QueryMisbehavioursRequest{ConsensusAddress: keepertest.ConsAddr("ops-node")})
	require.NoError(t, err)
	require.Len(t, res.Misbehaviours, 1)
	require.Equal(t, int64(3), res.Misbehaviours[0].EvidenceHeight)
	require.Equal(t, f.Ctx.BlockHeight(), res.Misbehaviours[0].RecordedHeight)
	all, err := q.Misbehaviours(f.Ctx, &types.QueryMisbehavioursRequest{})
	require.NoError(t, err)
	require.Len(t, all.Misbehaviours, 1, "no record for a stranger")

	f.ResetEvents()
	commitEvidence(t, f, doubleSign{"ops-node", 3})
	require.Empty(t, keepertest.TypedEvents[*types.EventValidatorMisbehaved](f.Events()), "the same evidence counts once")

	_, err = f.Deliver(admitValidatorMsg(t, "ops", "ops-node", 10))
	require.ErrorIs(t, err, types.ErrValidatorExists, "a suspended key is not re-admitted")

	m := f.PassMotion("ops", admitValidatorMsg(t, "ops", "ops-node-2", 10), removeValidatorMsg("ops", "ops-node"))
	require.Equal(t, types.MotionStatusPassed, m.Status, m.FailureReason)
	require.Equal(t, []abci.ValidatorUpdate{update(t, "ops-node-2", 10)}, f.EndBlock(), "only the new key changes CometBFT's set")
	require.Equal(t, types.ValidatorRemoved, validator(t, f, "ops-node").Status)
	require.Zero(t, must(f.Keeper.SuspendedPower.Get(f.Ctx)))
	keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))

	gs := f.Export()
	require.Len(t, gs.Misbehaviours, 1)
	require.NoError(t, gs.Validate(f.AddressCodec, f.ConsensusCodec))
}

// TestDoubleSignNeverEmptiesTheSet: evidence against the last validator
// CometBFT still has is recorded but does not suspend it; a suspended
// validator survives export and import with its power counted and out of
// CometBFT's set.
func TestDoubleSignNeverEmptiesTheSet(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	commitEvidence(t, f, doubleSign{"ops-node", 2}, doubleSign{"dev-node", 2}, doubleSign{"fin-node", 2})
	require.Equal(t, int64(30), must(f.Keeper.SuspendedPower.Get(f.Ctx)))
	commitEvidence(t, f, doubleSign{"users-node", 4})
	require.Equal(t, types.ValidatorActive, validator(t, f, "users-node").Status, "the last power in CometBFT's set stays")
	m, err := f.Keeper.Misbehaviours.Get(f.Ctx, collections.Join([]byte(keepertest.ConsKey("users-node").Address()), int64(4)))
	require.NoError(t, err)
	require.False(t, m.Suspended)
	keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))

	gs := f.Export()
	require.NoError(t, gs.Validate(f.AddressCodec, f.ConsensusCodec))
	g := keepertest.NewFixture(t)
	updates, err := g.Keeper.InitGenesis(g.Ctx, *gs)
	require.NoError(t, err)
	require.Equal(t, []abci.ValidatorUpdate{update(t, "users-node", 10)}, updates, "suspended validators are not handed to CometBFT")
	require.Equal(t, int64(30), must(g.Keeper.SuspendedPower.Get(g.Ctx)))
	keepertest.RequireInvariantsHold(t, g.Ctx, keeper.InvariantRoutes(g.Keeper))
}
