package keeper_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// TestGenesisSuspensionAndReconsiderationHolds checks export and import of
// the holds that are not a case's: a suspension in force and an open
// reconsideration request on a decision not yet in effect. The round trip
// reproduces both modules' state; an import whose x/proposals state lacks
// those holds is refused, naming each missing source.
func TestGenesisSuspensionAndReconsiderationHolds(t *testing.T) {
	f := newFixture(t)
	f.SetBoardChair("director-ops")
	proposal := f.BylawInECWindow()
	e := take(t, f, emergencyMsg("director-ops", types.EmergencySuspendProposal, strconv.FormatUint(proposal, 10)))
	rid := fileReconsideration(t, f, reconsiderationMsg(proposal))
	p := f.GetProposal(proposal)
	require.True(t, p.Stayed)
	require.Equal(t, uint32(2), p.HoldCount, "the suspension's and the request's holds")

	reviewGS, proposalsGS := f.ExportReview(), f.ExportProposals()
	require.NoError(t, reviewGS.Validate(f.AddressCodec))
	g := keepertest.NewFixture(t)
	g.SetBlock(f.Ctx.BlockHeight(), f.Now())
	g.InitProposalsGenesis(proposalsGS)
	g.InitReviewGenesis(reviewGS)
	require.Equal(t, string(f.ExportReviewJSON()), string(g.ExportReviewJSON()))
	require.Equal(t, string(f.ExportProposalsJSON()), string(g.ExportProposalsJSON()))
	require.Equal(t, lastEmergencies(t, f), lastEmergencies(t, g))

	// without the holds, the import is refused
	g = keepertest.NewFixture(t)
	g.SetBlock(f.Ctx.BlockHeight(), f.Now())
	stripped := f.ExportProposals()
	stripped.Holds = nil
	for i := range stripped.Proposals {
		if stripped.Proposals[i].Id == proposal {
			stripped.Proposals[i].HoldCount, stripped.Proposals[i].Stayed = 0, false
		}
	}
	require.NoError(t, stripped.Validate(g.AddressCodec))
	require.NoError(t, g.Proposals.InitGenesis(g.Ctx, *stripped))
	err := g.Review.InitGenesis(g.Ctx, *reviewGS)
	require.ErrorIs(t, err, types.ErrInvalidGenesis)
	require.ErrorContains(t, err, proposalstypes.HoldSource("emergency", e.Id))
	require.ErrorContains(t, err, proposalstypes.HoldSource("reconsideration", rid))

	// a suspension whose target is not a proposal id is refused
	bad := f.ExportReview()
	for i := range bad.Emergencies {
		if bad.Emergencies[i].Id == e.Id {
			bad.Emergencies[i].Target = "not-a-number"
		}
	}
	g = keepertest.NewFixture(t)
	g.SetBlock(f.Ctx.BlockHeight(), f.Now())
	require.NoError(t, g.Proposals.InitGenesis(g.Ctx, *f.ExportProposals()))
	require.ErrorIs(t, g.Review.InitGenesis(g.Ctx, *bad), types.ErrInvalidGenesis)
}
