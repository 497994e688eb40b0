package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
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
// implemented a participant's consensus advice, that participant may not
// petition, support or decide, and the support threshold drops by one.
func TestCarveOut(t *testing.T) {
	f := newFixture(t)
	pid := acceptedAdvice(t, f)

	requireFailsUnchanged(t, f, keepertest.PetitionMsg("gov", types.PowerRejectStandardBylaw, pid, 0), types.ErrCarvedOut)
	id := f.MustPetition("dev", types.PowerRejectStandardBylaw, pid, 0)
	a := f.Action(id)
	require.Equal(t, []string{"gov"}, a.CarvedOut)
	require.Equal(t, []string{"dev", "fin", "ops", "users"}, a.Participants)
	require.Equal(t, uint32(2), a.MinSupport, "three minus one")
	require.Equal(t, uint32(1), a.MaxObjections)
	requireFailsUnchanged(t, f, keepertest.SupportMsg("gov", id), types.ErrCarvedOut)
	f.MustSupport("users", id)
	f.MustPostStatement(addr("gov-chair"), id, "A carved-out community may still speak in the forum.")
	f.Advance(f.EmpoweredRule(types.PowerRejectStandardBylaw).ForumPeriod)
	requireFailsUnchanged(t, f, keepertest.DecideMsg("gov", id, object), types.ErrCarvedOut)

	require.Equal(t, types.StageDecision, f.MustDecide("dev", id, support))
	require.Equal(t, types.StageDecision, f.MustDecide("users", id, support))
	// Two supports meet the lowered threshold once at most one decision is
	// left to object.
	require.Equal(t, types.StageSucceeded, f.MustDecide("fin", id, abstain))
	require.Equal(t, proposalstypes.StatusVetoed, f.GetProposal(pid).Status)
}

// TestCarveOutByResponse checks the carve-out's second source: a proposal
// that itself accepts a participant's consensus advice; and that the
// carve-out also applies to a community review of that decision, not to
// advice that was not consensus or was rejected.
func TestCarveOutByResponse(t *testing.T) {
	f := newFixture(t)
	consensus := f.MustAdvise("users", 0, true)
	plain := f.MustAdvise("gov", 0, false)
	pid := f.MustSubmitProposal("dev", proposalstypes.KindStandardBylaw, communityParamsMsg(f),
		f.RespondMsg(consensus, proposalstypes.ResponseAccepted), f.RespondMsg(plain, proposalstypes.ResponseAccepted))
	f.Advance(keepertest.CommentPeriod)
	require.Equal(t, proposalstypes.StatusECReview, f.BoardDecides(pid, len(keepertest.VotingDirectors)).Status)

	id := f.MustPetition("dev", types.PowerRejectStandardBylaw, pid, 0)
	require.Equal(t, []string{"users"}, f.Action(id).CarvedOut)
	require.Equal(t, uint32(2), f.Action(id).MinSupport)
	irp := f.MustPetition("ops", types.PowerCommunityIRP, pid, 0)
	require.Equal(t, []string{"users"}, f.Action(irp).CarvedOut)
	require.Equal(t, uint32(2), f.Action(irp).MinSupport)
	requireFailsUnchanged(t, f, keepertest.PetitionMsg("users", types.PowerCommunityReconsideration, pid, 0), types.ErrCarvedOut)

	// A recall is never carved out.
	recall := f.MustPetition("users", types.PowerRecallBoard, 0, 0)
	require.Empty(t, f.Action(recall).CarvedOut)
	require.Equal(t, uint32(4), f.Action(recall).MinSupport)
}
