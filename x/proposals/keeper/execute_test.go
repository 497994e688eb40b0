package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// technicalMsgs are what a TECHNICAL proposal may carry, each signed by the
// governance address: a bank params change, a panelist appointed by the
// Board and a software upgrade plan.
func technicalMsgs(t *testing.T, f *keepertest.Fixture, upgradeHeight int64) []sdk.Msg {
	t.Helper()
	bankParams := banktypes.DefaultParams()
	bankParams.DefaultSendEnabled = false
	return []sdk.Msg{
		&banktypes.MsgUpdateParams{Authority: f.Authority, Params: bankParams},
		appointPanelist(f),
		&upgradetypes.MsgSoftwareUpgrade{Authority: f.Authority, Plan: upgradetypes.Plan{Name: "v1-noop", Height: upgradeHeight}},
	}
}

// toBoardVote submits a Board proposal and ends its comment period.
func toBoardVote(t *testing.T, f *keepertest.Fixture, kind types.ProposalKind, msgs ...sdk.Msg) uint64 {
	t.Helper()
	id := f.MustSubmitProposal(types.BoardOriginator, kind, msgs...)
	if f.GetProposal(id).Status == types.StatusPublicComment {
		f.Advance(keepertest.CommentPeriod)
	}
	require.Equal(t, types.StatusBoardVote, f.GetProposal(id).Status)
	return id
}

// TestRatifiedExecutes checks that a ratified proposal without an Empowered
// Community phase executes all its messages at once, as the governance
// address, through the other modules' real handlers.
func TestRatifiedExecutes(t *testing.T) {
	f := newAccountabilityFixture(t)
	id := toBoardVote(t, f, types.KindTechnical, technicalMsgs(t, f, 1_000)...)
	require.Equal(t, types.StatusECReview, f.BoardDecides(id, 7).Status, "nothing runs in the challenge window")
	require.True(t, f.BankKeeper.GetParams(f.Ctx).DefaultSendEnabled, "bank params not yet changed")
	f.ResetEvents()
	p := throughChallenge(t, f, id)
	require.Equal(t, types.StatusRatified, p.Status, p.Note)
	require.Equal(t, uint64(4), p.BoardTally.Yes, "decided by the fourth yes")
	require.Empty(t, p.RegistryVersions, "a technical proposal registers no document")

	require.False(t, f.BankKeeper.GetParams(f.Ctx).DefaultSendEnabled, "bank params changed")
	plan, err := f.UpgradeKeeper.GetUpgradePlan(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, "v1-noop", plan.Name)
	require.Equal(t, int64(1_000), plan.Height)
	require.True(t, panelistAppointed(t, f), "the panelist was appointed")
	appointed := requireEvent[*reviewtypes.EventPanelistChanged](t, f)
	require.Equal(t, addr("newcomer").String(), appointed.Address)
	_, err = f.Proposals.Executing.Get(f.Ctx)
	require.Error(t, err, "the executing marker is cleared")
}

// TestExecutionFailedIsAtomic checks that a ratified proposal whose last
// message fails applies none of them: EXECUTION_FAILED with the reason, and
// no event of the undone changes.
func TestExecutionFailedIsAtomic(t *testing.T) {
	f := newAccountabilityFixture(t)
	id := toBoardVote(t, f, types.KindTechnical, technicalMsgs(t, f, 1)...) // an upgrade in the past fails
	f.BoardDecides(id, 7)
	f.ResetEvents()
	p := throughChallenge(t, f, id)
	require.Equal(t, types.StatusExecutionFailed, p.Status)
	require.Contains(t, p.Note, "message 2")
	require.Contains(t, p.Note, "cannot be scheduled in the past")
	require.True(t, f.BankKeeper.GetParams(f.Ctx).DefaultSendEnabled, "bank params unchanged")
	_, err := f.UpgradeKeeper.GetUpgradePlan(f.Ctx)
	require.ErrorIs(t, err, upgradetypes.ErrNoUpgradePlanFound)
	require.False(t, panelistAppointed(t, f), "the appointment was undone")
	require.Empty(t, typedEvents[*reviewtypes.EventPanelistChanged](t, f.Events()))
	changes := typedEvents[*types.EventProposalStatusChanged](t, f.Events())
	require.Len(t, changes, 2, "EC_REVIEW -> QUEUED at the window's end, then the execution's outcome")
	require.Equal(t, types.StatusQueued, changes[0].Status)
	changed := changes[1]
	require.Equal(t, types.StatusQueued, changed.From)
	require.Equal(t, types.StatusExecutionFailed, changed.Status)
	require.Equal(t, f.Ctx.BlockHeight(), p.ExecutedHeight)
	require.Equal(t, p.Note, changed.Note)
	_, err = f.Proposals.Executing.Get(f.Ctx)
	require.Error(t, err, "the executing marker is cleared")
}

// TestExecutionInEndBlock checks that a proposal decided at the end of its
// vote executes in EndBlock with the same effects.
func TestExecutionInEndBlock(t *testing.T) {
	f := newAccountabilityFixture(t)
	retireSeat(t, f, "director-nomcom-3") // six seats: three yes pass only at the end
	id := toBoardVote(t, f, types.KindTechnical, technicalMsgs(t, f, 1_000)...)
	for _, d := range keepertest.VotingDirectors[:3] {
		f.MustBoardVote(d, id, yes)
	}
	require.Equal(t, types.StatusBoardVote, f.GetProposal(id).Status)
	f.Advance(keepertest.VotingPeriod)
	require.Equal(t, types.StatusRatified, throughChallenge(t, f, id).Status, f.GetProposal(id).Note)
	require.False(t, f.BankKeeper.GetParams(f.Ctx).DefaultSendEnabled)
	_, err := f.UpgradeKeeper.GetUpgradePlan(f.Ctx)
	require.NoError(t, err)
}
