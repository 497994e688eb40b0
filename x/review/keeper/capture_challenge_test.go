package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// Capture path 2: decisions the Board used to execute in the deciding vote
// now wait out a challenge window in which review can hold them.

// bareMajorityResolution has four of the seven voting directors approve a
// RESOLUTION appointing a panelist; it returns the proposal, in its window.
func bareMajorityResolution(t *testing.T, f *keepertest.Fixture) uint64 {
	t.Helper()
	id := f.MustSubmitProposal(proposalstypes.BoardOriginator, proposalstypes.KindResolution,
		&types.MsgAppointPanelist{Authority: f.Authority, Address: name("panelist-8"), Name: "Panelist 8"})
	p := f.BoardDecides(id, 4)
	require.Equal(t, uint64(4), p.BoardTally.Yes)
	require.Equal(t, proposalstypes.StatusECReview, p.Status, "a 4-of-7 resolution does not execute in the deciding vote")
	require.Equal(t, f.Now().Add(keepertest.ChallengeWindow), p.Deadline)
	appointed := isPanelist(t, f, "panelist-8")
	require.False(t, appointed, "nothing runs in the challenge window")
	return id
}

// TestCaptureBoardResolutionChallengeable: an IRP filed with a request for
// interim relief inside the window holds the resolution past it; it executes
// only once the case releases its hold.
func TestCaptureBoardResolutionChallengeable(t *testing.T) {
	f := newFixture(t)
	id := bareMajorityResolution(t, f)
	msg := fileMsg(registeredParty(t, f), types.ClaimantParty, id)
	msg.InterimRelief = true
	irp := f.MustFileIRP(msg)
	require.Equal(t, []string{proposalstypes.HoldSource("irp", irp)}, holdSources(t, f, id))

	f.Advance(keepertest.ChallengeWindow)
	require.Equal(t, proposalstypes.StatusApproved, f.GetProposal(id).Status, "held past the window")
	appointed := isPanelist(t, f, "panelist-8")
	require.False(t, appointed)
}

// TestCaptureReconsiderationHoldsDecision: a reconsideration request filed in
// the window holds the decision until the Board decides the request; denied,
// the decision takes effect.
func TestCaptureReconsiderationHoldsDecision(t *testing.T) {
	f := newFixture(t)
	id := bareMajorityResolution(t, f)
	rid := fileReconsideration(t, f, reconsiderationMsg(id))
	require.Equal(t, []string{"reconsideration/1"}, holdSources(t, f, id))
	f.Advance(keepertest.ChallengeWindow)
	require.Equal(t, proposalstypes.StatusApproved, f.GetProposal(id).Status, "held past the window")

	f.MustDeliver(&types.MsgEvaluateReconsideration{Ombudsman: name("ombudsman"), ReconsiderationId: rid, Evaluation: doc("evaluation")})
	f.PassResolution(&types.MsgDecideReconsideration{Authority: f.Authority, ReconsiderationId: rid, Decision: doc("denied")})
	require.Empty(t, holdSources(t, f, id))
	f.EndBlockProposals()
	require.Equal(t, proposalstypes.StatusRatified, f.GetProposal(id).Status, "denied: the decision takes effect")
	appointed := isPanelist(t, f, "panelist-8")
	require.True(t, appointed)
}

// TestReconsiderationGrantedReturnsDecision: a granted request returns the
// held decision to the Board before releasing its hold, so it never executes;
// a request on a decision already in effect holds nothing.
func TestReconsiderationGrantedReturnsDecision(t *testing.T) {
	f := newFixture(t)
	id := bareMajorityResolution(t, f)
	rid := fileReconsideration(t, f, reconsiderationMsg(id))
	f.MustDeliver(&types.MsgEvaluateReconsideration{Ombudsman: name("ombudsman"), ReconsiderationId: rid, Evaluation: doc("evaluation")})
	f.PassResolution(&types.MsgDecideReconsideration{Authority: f.Authority, ReconsiderationId: rid, Grant: true, Decision: doc("granted")})
	p := f.GetProposal(id)
	require.Equal(t, proposalstypes.StatusReturned, p.Status, p.Note)
	require.Contains(t, p.Note, "reconsideration 1 granted")
	require.Empty(t, holdSources(t, f, id))
	appointed := isPanelist(t, f, "panelist-8")
	require.False(t, appointed, "a granted request leaves the decision unexecuted")

	done := f.PassResolution(&types.MsgAppointPanelist{Authority: f.Authority, Address: name("panelist-9"), Name: "Panelist 9"})
	fileReconsideration(t, f, reconsiderationMsg(done))
	require.Empty(t, holdSources(t, f, done), "a decision in effect is not held")
}

// isPanelist reports whether a key's account is on the standing panel's roll.
func isPanelist(t *testing.T, f *keepertest.Fixture, key string) bool {
	t.Helper()
	has, err := f.Review.Panelists.Has(f.Ctx, addr(key))
	require.NoError(t, err)
	return has
}
