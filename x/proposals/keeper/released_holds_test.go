package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"

	"github.com/cosmos/cosmos-sdk/types/query"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// releasedHolds lists a proposal's released holds through the query.
func releasedHolds(t *testing.T, f *keepertest.Fixture, id uint64) []types.ReleasedHold {
	t.Helper()
	return must(f.ProposalsQueryServer.ProposalReleasedHolds(f.Ctx, &types.QueryProposalReleasedHoldsRequest{Id: id})).ReleasedHolds
}

// TestReleasedHoldsKept: a released hold leaves the holds in force and is
// kept, numbered per proposal in release order, with who held it, when and
// why it was placed and when and why it was released; the same source may
// hold again and its second release is a second record. The event names the
// record.
func TestReleasedHoldsKept(t *testing.T) {
	f := newAccountabilityFixture(t)
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution, appointPanelist(f))
	other := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution, appointPanelist(f))
	require.Empty(t, releasedHolds(t, f, id))

	f.MustDeliver(stayFrom(id, true, "irp/1"))
	f.MustDeliver(stayFrom(other, true, "irp/3"))
	placedAt, placedTime := f.Ctx.BlockHeight(), f.Now()
	f.NextBlock(time.Minute)
	f.MustDeliver(stayFrom(id, true, "emergency/2"))
	f.NextBlock(time.Minute)
	f.ResetEvents()
	release := stayFrom(id, false, "irp/1")
	release.Reason = "the panel denied relief"
	f.MustDeliver(release)
	ev := requireEvent[*types.EventProposalStayed](t, f)
	require.Equal(t, &types.EventProposalStayed{
		ProposalId: id, Stayed: true, Reason: "the panel denied relief", Source: "irp/1", HoldCount: 1, ReleasedSequence: 1,
	}, ev)
	got := releasedHolds(t, f, id)
	require.Len(t, got, 1)
	require.True(t, got[0].Time.Equal(placedTime) && got[0].ReleasedTime.Equal(f.Now()), "%s, %s", got[0].Time, got[0].ReleasedTime)
	got[0].Time, got[0].ReleasedTime = time.Time{}, time.Time{}
	require.Equal(t, types.ReleasedHold{
		ProposalId: id, Sequence: 1, Source: "irp/1", Holder: review(), Reason: "interim relief",
		Height: placedAt, ReleaseReason: "the panel denied relief", ReleasedHeight: f.Ctx.BlockHeight(),
	}, got[0])

	// the same source holds again; both releases are kept, in order
	f.MustDeliver(stayFrom(id, true, "irp/1"))
	f.MustDeliver(stayFrom(id, false, "emergency/2"))
	f.MustDeliver(stayFrom(id, false, "irp/1"))
	var order []string
	for i, r := range releasedHolds(t, f, id) {
		require.Equal(t, uint64(i+1), r.Sequence)
		order = append(order, r.Source)
	}
	require.Equal(t, []string{"irp/1", "emergency/2", "irp/1"}, order)
	require.Empty(t, releasedHolds(t, f, other), "each proposal keeps its own")
	require.Zero(t, f.GetProposal(id).HoldCount)
	require.False(t, f.GetProposal(id).Stayed)

	page := must(f.ProposalsQueryServer.ProposalReleasedHolds(f.Ctx, &types.QueryProposalReleasedHoldsRequest{Id: id, Pagination: &query.PageRequest{Limit: 2, Reverse: true}}))
	require.Len(t, page.ReleasedHolds, 2)
	require.Equal(t, uint64(3), page.ReleasedHolds[0].Sequence, "newest first when reversed")
	require.NotEmpty(t, page.Pagination.NextKey)

	_, err := f.ProposalsQueryServer.ProposalReleasedHolds(f.Ctx, nil)
	requireCode(t, err, codes.InvalidArgument)
	_, err = f.ProposalsQueryServer.ProposalReleasedHolds(f.Ctx, &types.QueryProposalReleasedHoldsRequest{Id: 99})
	requireCode(t, err, codes.NotFound)

	// a refused release records nothing
	requireFailsUnchanged(t, f, stayFrom(other, false, "irp/9"), types.ErrHoldNotFound)
}

// TestRecordsSurviveGenesis: released holds and document texts are exported,
// validated and imported unchanged, and the next release continues the
// numbering.
func TestRecordsSurviveGenesis(t *testing.T) {
	f := newAccountabilityFixture(t)
	msg := f.ProposalMsg(addr("director-dev"), types.BoardOriginator, types.KindResolution, appointPanelist(f))
	msg.DocumentText, msg.Document.Hash = "Resolved: the panel grows.\n", types.DocumentTextHash("Resolved: the panel grows.\n")
	id, err := f.SubmitProposal(msg)
	require.NoError(t, err)
	f.MustDeliver(stayFrom(id, true, "irp/1"))
	f.MustDeliver(stayFrom(id, false, "irp/1"))
	f.MustDeliver(stayFrom(id, true, "irp/1"))

	exported := f.ExportProposals()
	require.Len(t, exported.ReleasedHolds, 1)
	require.Equal(t, []types.DocumentText{{ProposalId: id, Text: "Resolved: the panel grows.\n"}}, exported.DocumentTexts)
	bz := f.ExportProposalsJSON()
	var gs types.GenesisState
	require.NoError(t, f.Codec.UnmarshalJSON(bz, &gs))
	require.NoError(t, gs.Validate(f.AddressCodec))
	g := keepertest.NewFixture(t)
	g.SetBlock(f.Ctx.BlockHeight(), f.Now())
	g.InitGenesis(f.Export())
	g.InitProposalsGenesis(&gs)
	require.JSONEq(t, string(bz), string(g.ExportProposalsJSON()))

	g.MustDeliver(stayFrom(id, false, "irp/1"))
	require.Equal(t, uint64(2), releasedHolds(t, g, id)[1].Sequence)
	text := must(g.ProposalsQueryServer.ProposalText(g.Ctx, &types.QueryProposalTextRequest{Id: id}))
	require.Equal(t, "Resolved: the panel grows.\n", text.Text)
}
