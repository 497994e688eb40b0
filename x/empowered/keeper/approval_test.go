package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// fundamentalBylaw has the Board approve a fundamental bylaw amendment (x/proposals'
// title limit becomes 100), which starts its approval action; it returns the
// proposal and the action.
func fundamentalBylaw(t *testing.T, f *keepertest.Fixture) (uint64, uint64) {
	t.Helper()
	params := must(f.Proposals.GetParams(f.Ctx))
	params.MaxTitleLength = 100
	f.ResetEvents()
	pid := f.ToECPhase("dev", proposalstypes.KindFundamentalBylaw, &proposalstypes.MsgUpdateParams{Authority: f.Authority, Params: params})
	approvals := must(f.EmpoweredQueryServer.Approvals(f.Ctx, &types.QueryApprovalsRequest{})).Approvals
	require.NotEmpty(t, approvals)
	return pid, approvals[len(approvals)-1].Id
}

// TestApproveFundamentalBylaw checks an approval action: it starts when the
// Board approves, at its forum, with no petition; the participants' approval
// ratifies and executes the amendment.
func TestApproveFundamentalBylaw(t *testing.T) {
	f := newFixture(t)
	pid, id := fundamentalBylaw(t, f)
	rule := f.EmpoweredRule(types.PowerApproveFundamentalBylaw)
	a := f.Action(id)
	require.Equal(t, types.PowerApproveFundamentalBylaw, a.Power)
	require.Equal(t, types.StageForum, a.Stage)
	require.Equal(t, pid, a.ProposalId)
	require.Empty(t, a.Petitioner)
	require.Equal(t, f.Now().Add(rule.ForumPeriod), a.Deadline)
	require.Equal(t, f.GetProposal(pid).Document, a.Rationale)
	require.Equal(t, []types.Stage{types.StageForum}, stageEvents(t, f, id))
	require.Contains(t, a.Note, "approval action started")
	requireFailsUnchanged(t, f, keepertest.SupportMsg("ops", id), types.ErrWrongStage)
	requireFailsUnchanged(t, f, keepertest.DecideMsg("ops", id, support), types.ErrWrongStage)
	petitions := must(f.EmpoweredQueryServer.Petitions(f.Ctx, &types.QueryPetitionsRequest{})).Petitions
	require.Empty(t, petitions, "an approval action is not a petition")

	f.MustPostStatement(addr("outsider"), id, "Approve it.")
	f.Advance(rule.ForumPeriod)
	require.Equal(t, types.StageDecision, f.Action(id).Stage)
	f.DecideAll(id, support, "dev", "fin", "gov")
	// The proposal's own deadline passes: the decision under way holds it.
	f.Advance(keepertest.ECPeriod - rule.ForumPeriod)
	require.Equal(t, proposalstypes.StatusECReview, f.GetProposal(pid).Status)
	require.Equal(t, types.StageSucceeded, f.MustDecide("ops", id, support))
	require.Equal(t, proposalstypes.StatusQueued, f.GetProposal(pid).Status, "queued; it executes as the block ends")
	f.EndBlockProposals()
	p := f.GetProposal(pid)
	require.Equal(t, proposalstypes.StatusRatified, p.Status, p.Note)
	require.Equal(t, uint32(100), must(f.Proposals.GetParams(f.Ctx)).MaxTitleLength, "the amendment executed")
}

// TestApprovalExpires checks an approval the participants do not give: the
// action fails at the end of its decision period and the amendment expires
// unexecuted; and an approval refused by objections fails at once.
func TestApprovalExpires(t *testing.T) {
	f := newFixture(t)
	pid, id := fundamentalBylaw(t, f)
	rule := f.EmpoweredRule(types.PowerApproveFundamentalBylaw)
	f.Advance(rule.ForumPeriod)
	f.DecideAll(id, support, "dev", "fin")
	f.Advance(rule.DecisionPeriod - time.Second)
	require.Equal(t, proposalstypes.StatusECReview, f.GetProposal(pid).Status)
	f.Advance(time.Second)
	require.Equal(t, types.StageFailed, f.Action(id).Stage)
	p := f.GetProposal(pid)
	require.Equal(t, proposalstypes.StatusExpired, p.Status, p.Note)
	require.Equal(t, uint32(256), must(f.Proposals.GetParams(f.Ctx)).MaxTitleLength)

	pid, id = fundamentalBylaw(t, f)
	f.Advance(rule.ForumPeriod)
	require.Equal(t, types.StageDecision, f.MustDecide("gov", id, object))
	require.Equal(t, types.StageFailed, f.MustDecide("users", id, object))
	f.Advance(keepertest.ECPeriod)
	require.Equal(t, proposalstypes.StatusExpired, f.GetProposal(pid).Status)

	stage := types.StageFailed
	failed := must(f.EmpoweredQueryServer.Approvals(f.Ctx, &types.QueryApprovalsRequest{Stage: stage})).Approvals
	require.Len(t, failed, 2)
}

// TestConfirmPanelist checks the approval of a standing panelist the Board
// appointed: unconfirmed until the participants approve.
func TestConfirmPanelist(t *testing.T) {
	f := newFixture(t)
	panelist := addr("panelist-8")
	f.MustDeliver(&reviewtypes.MsgAppointPanelist{Authority: f.Authority, Address: panelist.String(), Name: "Panelist 6"})
	require.False(t, must(f.Review.Panelists.Get(f.Ctx, panelist)).Confirmed)
	approvals := must(f.EmpoweredQueryServer.Approvals(f.Ctx, &types.QueryApprovalsRequest{})).Approvals
	require.Len(t, approvals, 1)
	a := approvals[0]
	require.Equal(t, types.PowerConfirmPanelist, a.Power)
	require.Equal(t, panelist.String(), a.Panelist)
	require.Equal(t, types.StageForum, a.Stage)

	f.Advance(f.EmpoweredRule(types.PowerConfirmPanelist).ForumPeriod)
	require.Equal(t, types.StageSucceeded, f.DecideAll(a.Id, support, "dev", "fin", "gov", "ops"))
	require.True(t, must(f.Review.Panelists.Get(f.Ctx, panelist)).Confirmed)

	// A panelist the participants do not approve stays unconfirmed.
	other := addr("panelist-9")
	f.MustDeliver(&reviewtypes.MsgAppointPanelist{Authority: f.Authority, Address: other.String(), Name: "Panelist 7"})
	f.Advance(f.EmpoweredRule(types.PowerConfirmPanelist).ForumPeriod)
	f.Advance(f.EmpoweredRule(types.PowerConfirmPanelist).DecisionPeriod)
	require.Equal(t, types.StageFailed, f.Action(a.Id+1).Stage)
	require.False(t, must(f.Review.Panelists.Get(f.Ctx, other)).Confirmed)
}
