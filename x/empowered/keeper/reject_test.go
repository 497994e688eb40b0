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

// TestRejectOperatorAction checks the rejection of a resource operator's
// governance action once the bylaws give TECHNICAL proposals a rejection
// window: the upgrade it carried is never scheduled.
func TestRejectOperatorAction(t *testing.T) {
	f := newFixture(t)
	upgrade := &upgradetypes.MsgSoftwareUpgrade{Authority: f.Authority, Plan: upgradetypes.Plan{Name: "v2", Height: 10_000}}
	early := boardTechnical(f, upgrade)
	require.Equal(t, proposalstypes.StatusRatified, f.GetProposal(early).Status, "TECHNICAL has no EC window by default")
	requireFailsUnchanged(t, f, keepertest.PetitionMsg("ops", types.PowerRejectOperatorAction, early, 0), types.ErrInvalidTarget)
	f.MustDeliver(&upgradetypes.MsgCancelUpgrade{Authority: f.Authority})

	params := must(f.Proposals.GetParams(f.Ctx))
	for i := range params.KindRules {
		if params.KindRules[i].Kind == proposalstypes.KindTechnical {
			params.KindRules[i].EcTreatment, params.KindRules[i].EcPeriod = proposalstypes.ECRejectionWindow, keepertest.ECPeriod
		}
	}
	f.MustDeliver(&proposalstypes.MsgUpdateParams{Authority: f.Authority, Params: params})
	pid := boardTechnical(f, upgrade)
	require.Equal(t, proposalstypes.StatusECReview, f.GetProposal(pid).Status)
	requireFailsUnchanged(t, f, keepertest.PetitionMsg("ops", types.PowerRejectStandardBylaw, pid, 0), types.ErrInvalidTarget)
	id := f.Escalate("ops", "dev", types.PowerRejectOperatorAction, pid, 0)
	require.Equal(t, types.StageSucceeded, f.DecideAll(id, support, "dev", "fin", "gov", "ops"))
	require.Equal(t, proposalstypes.StatusVetoed, f.GetProposal(pid).Status)
	f.Advance(keepertest.ECPeriod)
	_, err := f.UpgradeKeeper.GetUpgradePlan(f.Ctx)
	require.ErrorIs(t, err, upgradetypes.ErrNoUpgradePlanFound, "the vetoed upgrade was never scheduled")
}

// boardTechnical has the Board propose a TECHNICAL proposal and approve it
// after its comment period.
func boardTechnical(f *keepertest.Fixture, msgs ...sdk.Msg) uint64 {
	id := f.MustSubmitProposal(proposalstypes.BoardOriginator, proposalstypes.KindTechnical, msgs...)
	f.Advance(keepertest.CommentPeriod)
	f.BoardDecides(id, len(keepertest.VotingDirectors))
	return id
}
