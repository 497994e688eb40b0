package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/x/proposals/types"
)

// TestDecidingVoteDoesNotExecute checks that the vote that decides a
// proposal succeeds even when the proposal's message will fail: the vote
// only queues it. EndBlock runs the queue lowest id first and records a
// failure on the proposal (EXECUTION_FAILED, with the reason and
// executed_height) without failing the block.
func TestDecidingVoteDoesNotExecute(t *testing.T) {
	f := newFixture(t)
	advice := f.MustAdvise("users", 0, false)
	first := decideQueued(t, f, f.RespondMsg(advice, types.ResponseAccepted))
	// The same advice answered again: valid when decided, it fails once the
	// first answer has run. Its deciding vote (in decideQueued) succeeds.
	second := decideQueued(t, f, f.RespondMsg(advice, types.ResponseRejected))
	require.NotEqual(t, types.AdviceAnswered, f.GetAdvice(advice).Status, "nothing ran in the votes")

	f.EndBlockProposals()
	p := f.GetProposal(first)
	require.Equal(t, types.StatusRatified, p.Status, p.Note)
	require.Equal(t, f.Ctx.BlockHeight(), p.ExecutedHeight)
	require.Equal(t, types.ResponseAccepted, f.GetAdvice(advice).Response, "the lower id ran first")
	p = f.GetProposal(second)
	require.Equal(t, types.StatusExecutionFailed, p.Status)
	require.NotEmpty(t, p.Note)
	require.Equal(t, f.Ctx.BlockHeight(), p.ExecutedHeight)
	changes := typedEvents[*types.EventProposalStatusChanged](t, f.Events())
	last := changes[len(changes)-1]
	require.Equal(t, &types.EventProposalStatusChanged{
		ProposalId: second, Kind: types.KindResolution, From: types.StatusQueued, Status: types.StatusExecutionFailed, Note: p.Note,
	}, last)
	_, err := f.Proposals.Executing.Get(f.Ctx)
	require.Error(t, err, "the executing marker is cleared")
}

// TestExecutionQueueCap checks that one EndBlock executes at most
// max_queue_items_per_block queued proposals, lowest id first, and leaves the
// rest QUEUED for the next block.
func TestExecutionQueueCap(t *testing.T) {
	f := newFixture(t)
	params := f.ExportProposals().Params
	params.MaxQueueItemsPerBlock = 2
	f.MustDeliver(&types.MsgUpdateParams{Authority: f.Authority, Params: params})
	var ids []uint64
	for range 3 {
		ids = append(ids, decideQueued(t, f))
	}
	f.EndBlockProposals()
	require.Equal(t, types.StatusRatified, f.GetProposal(ids[0]).Status)
	require.Equal(t, types.StatusRatified, f.GetProposal(ids[1]).Status)
	require.Equal(t, types.StatusQueued, f.GetProposal(ids[2]).Status, "over the cap: next block")
	f.Advance(0)
	p := f.GetProposal(ids[2])
	require.Equal(t, types.StatusRatified, p.Status)
	require.Equal(t, f.Ctx.BlockHeight(), p.ExecutedHeight)
	require.Greater(t, p.ExecutedHeight, f.GetProposal(ids[0]).ExecutedHeight)
}
