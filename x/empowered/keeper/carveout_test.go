package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// acceptedAdvice brings a standard bylaw amendment into its rejection window
// after the Board accepted gov's linked consensus advice by resolution.
func acceptedAdvice(t *testing.T, f *keepertest.Fixture) uint64 {
	t.Helper()
	pid := f.MustSubmitProposal("dev", proposalstypes.KindStandardBylaw, communityParamsMsg(f))
	advice := f.MustAdvise("gov", pid, true)
	res := f.MustSubmitProposal(proposalstypes.BoardOriginator, proposalstypes.KindResolution, f.RespondMsg(advice, proposalstypes.ResponseAccepted))
	require.Equal(t, proposalstypes.StatusRatified, f.BoardDecides(res, len(keepertest.VotingDirectors)).Status)
	require.Equal(t, proposalstypes.ResponseAccepted, f.GetAdvice(advice).Response)
	f.Advance(keepertest.CommentPeriod)
	require.Equal(t, proposalstypes.StatusECReview, f.BoardDecides(pid, len(keepertest.VotingDirectors)).Status)
	return pid
}

// TestCarveOut checks the carve-out: when the challenged Board action
// implemented a carve-out-eligible participant's consensus advice linked to
// it, that participant may not petition, support or decide, and the support
// threshold drops by one, but never below a majority of the participants who
// remain (ICANN: three of four where four were needed).
func TestCarveOut(t *testing.T) {
	f := newFixture(t)
	pid := acceptedAdvice(t, f)

	requireFailsUnchanged(t, f, keepertest.PetitionMsg("gov", types.PowerRejectStandardBylaw, pid, 0), types.ErrCarvedOut)
	id := f.MustPetition("dev", types.PowerRejectStandardBylaw, pid, 0)
	a := f.Action(id)
	require.Equal(t, []string{"gov"}, a.CarvedOut)
	require.Equal(t, []string{"dev", "fin", "ops", "users"}, a.Participants)
	require.Equal(t, uint32(3), a.MinSupport, "three minus one is no majority of the four remaining")
	require.Equal(t, uint32(1), a.MaxObjections)
	requireFailsUnchanged(t, f, keepertest.SupportMsg("gov", id), types.ErrCarvedOut)
	f.MustSupport("users", id)
	f.MustPostStatement(addr("gov-chair"), id, "A carved-out community may still speak in the forum.")
	f.Advance(f.EmpoweredRule(types.PowerRejectStandardBylaw).ForumPeriod)
	requireFailsUnchanged(t, f, keepertest.DecideMsg("gov", id, object), types.ErrCarvedOut)

	require.Equal(t, types.StageDecision, f.MustDecide("dev", id, support))
	require.Equal(t, types.StageDecision, f.MustDecide("users", id, support))
	require.Equal(t, types.StageSucceeded, f.MustDecide("fin", id, support))
	require.Equal(t, proposalstypes.StatusVetoed, f.GetProposal(pid).Status)

	// a budget rejection needs four: carved out, three of the four remaining
	budget := f.MustSubmitProposal("dev", proposalstypes.KindBudget)
	advice := f.MustAdvise("gov", budget, true)
	res := f.MustSubmitProposal(proposalstypes.BoardOriginator, proposalstypes.KindResolution, f.RespondMsg(advice, proposalstypes.ResponseAccepted))
	require.Equal(t, proposalstypes.StatusRatified, f.BoardDecides(res, len(keepertest.VotingDirectors)).Status)
	f.Advance(keepertest.CommentPeriod)
	require.Equal(t, proposalstypes.StatusECReview, f.BoardDecides(budget, len(keepertest.VotingDirectors)).Status)
	rejection := f.Action(f.MustPetition("dev", types.PowerRejectBudget, budget, 0))
	require.Equal(t, []string{"gov"}, rejection.CarvedOut)
	require.Equal(t, uint32(3), rejection.MinSupport, "four minus one")
}

// TestCaptureCarveOutBundling: a proposal that accepts consensus advice not
// linked to it (answering it with MsgRespondToAdvice) carves nobody out,
// not even of a rejection; and no approval, recall or removal is ever carved
// out. (The bundling path: a FUNDAMENTAL bylaw accepting two participants'
// unrelated advice used to drop its approval from three supports to one.)
func TestCaptureCarveOutBundling(t *testing.T) {
	f := newFixture(t)
	consensus := f.MustAdvise("gov", 0, true)
	pid := f.MustSubmitProposal("dev", proposalstypes.KindStandardBylaw, communityParamsMsg(f),
		f.RespondMsg(consensus, proposalstypes.ResponseAccepted))
	fundamental := f.MustSubmitProposal("dev", proposalstypes.KindFundamentalBylaw, f.RespondMsg(f.MustAdvise("gov", 0, true), proposalstypes.ResponseAccepted))
	f.Advance(keepertest.CommentPeriod)
	require.Equal(t, proposalstypes.StatusECReview, f.BoardDecides(pid, len(keepertest.VotingDirectors)).Status)
	require.Equal(t, proposalstypes.StatusECReview, f.BoardDecides(fundamental, len(keepertest.VotingDirectors)).Status)

	id := f.MustPetition("dev", types.PowerRejectStandardBylaw, pid, 0)
	require.Empty(t, f.Action(id).CarvedOut)
	require.Equal(t, uint32(3), f.Action(id).MinSupport)
	approvals := must(f.EmpoweredQueryServer.Approvals(f.Ctx, &types.QueryApprovalsRequest{})).Approvals
	require.NotEmpty(t, approvals)
	approval := approvals[len(approvals)-1]
	require.Equal(t, fundamental, approval.ProposalId)
	require.Empty(t, approval.CarvedOut, "an approval is never carved out")
	require.Equal(t, uint32(3), approval.MinSupport)

	// A recall is never carved out.
	recall := f.MustPetition("users", types.PowerRecallBoard, 0, 0)
	require.Empty(t, f.Action(recall).CarvedOut)
	require.Equal(t, uint32(4), f.Action(recall).MinSupport)
}

// TestCarveOutOnlyForEligible: consensus advice of a participant the
// constitution does not make carve-out eligible carves nobody out.
func TestCarveOutOnlyForEligible(t *testing.T) {
	f := newFixture(t)
	f.MustDeliver(&communitytypes.MsgSetCommunityPrivileges{Authority: f.Authority, CommunityId: "gov", AdviceDeference: true})
	pid := acceptedAdvice(t, f)
	id := f.MustPetition("dev", types.PowerRejectStandardBylaw, pid, 0)
	require.Empty(t, f.Action(id).CarvedOut)
	require.Equal(t, []string{"dev", "fin", "gov", "ops", "users"}, f.Action(id).Participants)
}
