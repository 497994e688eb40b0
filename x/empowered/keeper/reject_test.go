package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/polity-chain/polity/app"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// TestVetoStandardBylaw checks the rejection of a standard bylaw amendment:
// the action holds the proposal past its EC deadline, the deciding support
// vetoes it with the Empowered Community's authority, and it never executes.
func TestVetoStandardBylaw(t *testing.T) {
	f := newFixture(t)
	pid := standardBylaw(f)
	ecDeadline := f.GetProposal(pid).EcDeadline
	id := f.Escalate("dev", "ops", types.PowerRejectStandardBylaw, pid, 0)
	f.DecideAll(id, support, "dev", "fin", "gov")

	// The EC deadline passes during the decision period: the proposal waits.
	f.Advance(ecDeadline.Sub(f.Now()))
	p := f.GetProposal(pid)
	require.Equal(t, proposalstypes.StatusECReview, p.Status)
	require.Equal(t, f.Action(id).Deadline, p.Deadline)
	require.Contains(t, p.Note, "Empowered Community action is under way")

	f.ResetEvents()
	require.Equal(t, types.StageSucceeded, f.MustDecide("ops", id, support))
	a := f.Action(id)
	require.Contains(t, a.Note, "effect executed")
	require.Equal(t, f.Now(), a.ClosedTime)
	require.Equal(t, []types.Stage{types.StageSucceeded}, stageEvents(t, f, id))
	vetoed := typedEvents[*proposalstypes.EventProposalStatusChanged](t, f.Events())
	require.Len(t, vetoed, 1)
	require.Equal(t, proposalstypes.StatusVetoed, vetoed[0].Status)

	p = f.GetProposal(pid)
	require.Equal(t, proposalstypes.StatusVetoed, p.Status)
	require.Contains(t, p.Note, "Empowered Community action 1 (POWER_REJECT_STANDARD_BYLAW)")
	f.Advance(3 * keepertest.ECPeriod)
	require.Equal(t, proposalstypes.StatusVetoed, f.GetProposal(pid).Status)
	require.Equal(t, uint32(256), must(f.Keeper.GetParams(f.Ctx)).MaxTitleLength, "the vetoed amendment never executed")
}

// TestRejectionFails checks a rejection that does not meet its threshold:
// the proposal it held executes once the action closes.
func TestRejectionFails(t *testing.T) {
	f := newFixture(t)
	pid := standardBylaw(f)
	id := f.Escalate("dev", "ops", types.PowerRejectStandardBylaw, pid, 0)
	f.DecideAll(id, support, "dev", "ops")
	f.Advance(f.EmpoweredRule(types.PowerRejectStandardBylaw).DecisionPeriod - time.Second)
	require.Equal(t, proposalstypes.StatusECReview, f.GetProposal(pid).Status)
	f.Advance(time.Second)
	require.Equal(t, types.StageFailed, f.Action(id).Stage)
	p := f.GetProposal(pid)
	require.Equal(t, proposalstypes.StatusRatified, p.Status, p.Note)
	require.Equal(t, uint32(77), must(f.Keeper.GetParams(f.Ctx)).MaxTitleLength)
}

// budgetMsg is a BUDGET proposal's spend from the treasury.
func budgetMsg(f *keepertest.Fixture, to string, amount int64) *banktypes.MsgSend {
	return &banktypes.MsgSend{FromAddress: f.Authority, ToAddress: addr(to).String(),
		Amount: sdk.NewCoins(sdk.NewInt64Coin(communitytypes.FeeDenom, amount))}
}

// TestRejectBudget checks that a rejected budget never spends and that the
// budget in force stays the previous one; a budget needs four supports.
func TestRejectBudget(t *testing.T) {
	f := newFixture(t)
	f.Fund(app.GovernanceAuthority, sdk.NewCoins(sdk.NewInt64Coin(communitytypes.FeeDenom, 1000)))
	first := f.ToECPhase("dev", proposalstypes.KindBudget, budgetMsg(f, "grantee", 100))
	f.Advance(keepertest.ECPeriod)
	require.Equal(t, proposalstypes.StatusRatified, f.GetProposal(first).Status)
	inForce, ok, err := f.Proposals.CurrentVersion(f.Ctx, proposalstypes.DocumentBudget, "")
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, first, inForce.ProposalId)

	second := f.ToECPhase("ops", proposalstypes.KindBudget, budgetMsg(f, "grantee", 900))
	id := f.Escalate("fin", "users", types.PowerRejectBudget, second, 0)
	require.Equal(t, uint32(4), f.Action(id).MinSupport)
	require.Equal(t, types.StageDecision, f.DecideAll(id, support, "dev", "fin", "gov"))
	require.Equal(t, types.StageSucceeded, f.MustDecide("ops", id, support))
	require.Equal(t, proposalstypes.StatusVetoed, f.GetProposal(second).Status)
	f.Advance(keepertest.ECPeriod)

	now, ok, err := f.Proposals.CurrentVersion(f.Ctx, proposalstypes.DocumentBudget, "")
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, inForce, now, "the previous budget stays in force")
	require.Equal(t, int64(100), f.BankKeeper.GetBalance(f.Ctx, addr("grantee"), communitytypes.FeeDenom).Amount.Int64())
}

// TestCaptureOperatorActionRejectable checks that the Empowered Community's
// rejection of an operator (TECHNICAL) action works with the default
// constitution: the Board's approval opens a challenge window, nothing runs
// in it, a petition filed in it holds the action until it is decided, and the
// rejected upgrade is never scheduled. Without a petition the action takes
// effect when the window ends.
func TestCaptureOperatorActionRejectable(t *testing.T) {
	f := newFixture(t)
	upgrade := &upgradetypes.MsgSoftwareUpgrade{Authority: f.Authority, Plan: upgradetypes.Plan{Name: "v2", Height: 10_000}}
	pid := boardTechnical(f, upgrade)
	p := f.GetProposal(pid)
	require.Equal(t, proposalstypes.StatusECReview, p.Status, "a 4-of-7 technical decision does not execute at once")
	require.Equal(t, keepertest.ChallengeWindow, p.Rule.EcPeriod)
	_, err := f.UpgradeKeeper.GetUpgradePlan(f.Ctx)
	require.ErrorIs(t, err, upgradetypes.ErrNoUpgradePlanFound, "nothing is scheduled in the window")
	requireFailsUnchanged(t, f, keepertest.PetitionMsg("ops", types.PowerRejectStandardBylaw, pid, 0), types.ErrInvalidTarget)

	id := f.Escalate("ops", "dev", types.PowerRejectOperatorAction, pid, 0)
	f.Advance(keepertest.ChallengeWindow)
	require.Equal(t, proposalstypes.StatusECReview, f.GetProposal(pid).Status, "the action under way holds it past the window")
	require.Equal(t, types.StageSucceeded, f.DecideAll(id, support, "dev", "fin", "gov", "ops"))
	require.Equal(t, proposalstypes.StatusVetoed, f.GetProposal(pid).Status)
	f.Advance(keepertest.ECPeriod)
	_, err = f.UpgradeKeeper.GetUpgradePlan(f.Ctx)
	require.ErrorIs(t, err, upgradetypes.ErrNoUpgradePlanFound, "the vetoed upgrade was never scheduled")

	unopposed := boardTechnical(f, &upgradetypes.MsgSoftwareUpgrade{Authority: f.Authority, Plan: upgradetypes.Plan{Name: "v3", Height: 10_000}})
	f.Advance(keepertest.ChallengeWindow)
	require.Equal(t, proposalstypes.StatusRatified, f.GetProposal(unopposed).Status, f.GetProposal(unopposed).Note)
	plan, err := f.UpgradeKeeper.GetUpgradePlan(f.Ctx)
	require.NoError(t, err)
	require.Equal(t, "v3", plan.Name)
}

// boardTechnical has the Board propose a TECHNICAL proposal and approve it
// after its comment period.
func boardTechnical(f *keepertest.Fixture, msgs ...sdk.Msg) uint64 {
	id := f.MustSubmitProposal(proposalstypes.BoardOriginator, proposalstypes.KindTechnical, msgs...)
	f.Advance(keepertest.CommentPeriod)
	f.BoardDecides(id, len(keepertest.VotingDirectors))
	return id
}
