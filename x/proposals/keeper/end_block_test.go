package keeper_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// TestEndBlockCap checks that one EndBlock advances at most
// max_queue_items_per_block proposals, oldest deadline first, and leaves the
// rest for the next block.
func TestEndBlockCap(t *testing.T) {
	f := newFixture(t)
	params := f.ExportProposals().Params
	params.MaxQueueItemsPerBlock = 2
	f.MustDeliver(&types.MsgUpdateParams{Authority: f.Authority, Params: params})
	var ids []uint64
	for range 3 {
		ids = append(ids, f.MustSubmitProposal("dev", types.KindPolicy))
	}
	f.Advance(keepertest.CommentPeriod)
	require.Equal(t, types.StatusBoardVote, f.GetProposal(ids[0]).Status)
	require.Equal(t, types.StatusBoardVote, f.GetProposal(ids[1]).Status)
	require.Equal(t, types.StatusPublicComment, f.GetProposal(ids[2]).Status, "over the cap: next block")
	f.Advance(0)
	require.Equal(t, types.StatusBoardVote, f.GetProposal(ids[2]).Status)
}

// TestEndBlockSurvivesFailingItem checks that a queue item that fails (here
// the Empowered Community hook refuses a Board approval concluded in
// EndBlock) neither fails EndBlock nor holds up the other items: its
// changes are discarded, its entry dropped and the proposal closed as
// EXECUTION_FAILED with the reason, so it cannot sit open with no deadline.
func TestEndBlockSurvivesFailingItem(t *testing.T) {
	f := newFixture(t)
	retireSeat(t, f, "director-nomcom-3") // six seats: three yes pass only at the end
	hooks := &hookRecorder{err: errHookRefused}
	f.Proposals.SetHooks(hooks)
	failing := f.MustSubmitProposal("dev", types.KindBudget)
	f.Advance(keepertest.CommentPeriod)
	fine := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution) // takes effect at once
	for _, d := range keepertest.VotingDirectors[:3] {
		f.MustBoardVote(d, failing, yes)
		f.MustBoardVote(d, fine, yes)
	}
	f.NextBlock(keepertest.VotingPeriod)
	require.NoError(t, f.Proposals.EndBlocker(f.Ctx), "EndBlock never fails for one item")
	require.Len(t, hooks.seen, 1)
	require.Equal(t, types.StatusRatified, f.GetProposal(fine).Status)
	p := f.GetProposal(failing)
	require.Equal(t, types.StatusExecutionFailed, p.Status, "the failed proposal is closed, not left open")
	require.Contains(t, p.Note, "could not advance")
	require.Contains(t, p.Note, errHookRefused.Error())
	require.Equal(t, f.Ctx.BlockHeight(), p.DecidedHeight)
	for _, key := range queueKeys(t, f, f.Proposals.PhaseQueue) {
		require.NotEqual(t, failing, key.K2(), "and its entry dropped")
	}
}

// TestEndBlockReportsBrokenQueueEntries checks that due entries whose records
// cannot be read fail alone: EndBlock succeeds, the entries leave their
// queues, and EventQueueItemFailed puts each on record.
func TestEndBlockReportsBrokenQueueEntries(t *testing.T) {
	f := newFixture(t)
	due := f.Now().Add(time.Minute)
	require.NoError(t, f.Proposals.PhaseQueue.Set(f.Ctx, collutil.At(due, 999)))
	require.NoError(t, f.Proposals.AdviceQueue.Set(f.Ctx, collutil.At(due, 998)))
	require.NoError(t, f.Proposals.ExecutionQueue.Set(f.Ctx, 997))
	f.NextBlock(time.Minute)
	require.NoError(t, f.Proposals.EndBlocker(f.Ctx), "EndBlock never fails for one item")
	for _, q := range []collections.KeySet[collutil.QueueKey]{f.Proposals.PhaseQueue, f.Proposals.AdviceQueue} {
		n := 0
		require.NoError(t, q.Walk(f.Ctx, nil, func(collutil.QueueKey) (bool, error) { n++; return false, nil }))
		require.Zero(t, n, "the broken entries are dropped")
	}
	has, err := f.Proposals.ExecutionQueue.Has(f.Ctx, 997)
	require.NoError(t, err)
	require.False(t, has, "the broken execution entry is dropped")
	var failed []string
	for _, ev := range typedEvents[*types.EventQueueItemFailed](t, f.Events()) {
		failed = append(failed, fmt.Sprintf("%s/%d", ev.Queue, ev.Id))
		require.NotEmpty(t, ev.Error)
	}
	require.Equal(t, []string{"phase/999", "advice/998", "execution/997"}, failed)
}
