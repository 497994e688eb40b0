package keeper_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/app"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/history/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// TestHistoryOfReleasedHold: an IRP asking for interim relief holds the
// proposal from its filing; the panel is drawn (the step has the draw's
// block time and names the draw's picks), and a panel majority against
// relief releases the hold. The story keeps the released hold: when and by
// whom it was placed, and when and why it was released.
func TestHistoryOfReleasedHold(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	pid := f.ToECPhase("dev", proposalstypes.KindStandardBylaw, paramsMsg(t, f))
	msg := keepertest.FileIRPMsg(app.EmpoweredAuthority.String(), reviewtypes.ClaimantEmpowered, pid)
	msg.InterimRelief = true
	irp := f.MustFileIRP(msg)
	filedAt := f.Ctx.BlockHeight()

	f.MustDeliver(keepertest.ChooseMsg(f.GetIRP(irp).Claimant, irp, "panelist-1"))
	f.MustDeliver(keepertest.ChooseMsg(keepertest.BoardChooser(), irp, "panelist-2"))
	for c := f.GetIRP(irp); f.Ctx.BlockHeight() < c.SeedHeight; {
		f.Advance(time.Second)
	}
	c := f.GetIRP(irp)
	require.Equal(t, reviewtypes.IRPInReview, c.Status)
	drawnAt := f.Now()
	f.NextBlock(time.Minute)
	for _, p := range []string{"panelist-1", "panelist-2"} {
		f.MustDeliver(keepertest.StayMsg(keepertest.Addr(p).String(), irp, false))
	}
	require.Zero(t, f.GetProposal(pid).HoldCount, "a majority against relief released the hold")

	res, err := queryServer(f).ProposalHistory(f.Ctx, &types.QueryProposalHistoryRequest{Id: pid})
	require.NoError(t, err)
	requireOrdered(t, res.Entries)
	byStep := map[string][]types.HistoryEntry{}
	for _, e := range res.Entries {
		byStep[e.Step] = append(byStep[e.Step], e)
	}

	panel := byStep[types.StepIRPPanel]
	require.Len(t, panel, 1)
	require.Equal(t, c.SeedHeight, panel[0].Height)
	require.True(t, drawnAt.Equal(panel[0].Time), "the draw's time %s, the block's %s", panel[0].Time, drawnAt)
	require.Contains(t, panel[0].Detail, fmt.Sprintf("the draw picked %s from %d eligible panelists", c.DrawnPanelists[0], len(c.DrawPool)))

	held, released := byStep[types.StepHold], byStep[types.StepHoldReleased]
	require.Len(t, held, 1)
	require.Len(t, released, 1)
	require.Equal(t, filedAt, held[0].Height)
	require.Equal(t, "hold/irp/1", held[0].Ref)
	require.Equal(t, app.ReviewAuthority.String(), held[0].Actor)
	require.Contains(t, held[0].Detail, fmt.Sprintf("released at block %d", f.Ctx.BlockHeight()))
	require.Equal(t, f.Ctx.BlockHeight(), released[0].Height)
	require.True(t, f.Now().Equal(released[0].Time))
	require.Equal(t, "hold/irp/1", released[0].Ref)
	require.Contains(t, released[0].Detail, "hold irp/1 released: ")
	for _, e := range res.Entries {
		require.False(t, e.Time.IsZero(), "%s at %d has its time", e.Step, e.Height)
	}
}
