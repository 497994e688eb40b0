package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/polity-chain/polity/x/proposals/types"
)

// TestHoldLookups checks GetHold and the ProposalHolds and Proposal queries
// as holds are placed and released: holds are listed per proposal in source
// order, with pages, and a released hold is gone.
func TestHoldLookups(t *testing.T) {
	f := newAccountabilityFixture(t)
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution, appointPanelist(f))
	other := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution, appointPanelist(f))
	q := f.ProposalsQueryServer
	sources := func(id uint64) []string {
		var out []string
		for _, h := range must(q.ProposalHolds(f.Ctx, &types.QueryProposalHoldsRequest{Id: id})).Holds {
			out = append(out, h.Source)
		}
		return out
	}

	_, found, err := f.Proposals.GetHold(f.Ctx, id, "irp/1")
	require.NoError(t, err)
	require.False(t, found)
	require.Empty(t, sources(id))

	f.MustDeliver(stayFrom(id, true, "irp/1"))
	f.MustDeliver(stayFrom(id, true, "emergency/2"))
	f.MustDeliver(stayFrom(other, true, "irp/3"))
	h, found, err := f.Proposals.GetHold(f.Ctx, id, "irp/1")
	require.NoError(t, err)
	require.True(t, found)
	require.True(t, f.Now().Equal(h.Time), "placed now: %s", h.Time)
	h.Time = f.Now()
	require.Equal(t, types.Hold{ProposalId: id, Source: "irp/1", Holder: review(), Reason: "interim relief", Height: f.Ctx.BlockHeight(), Time: f.Now()}, h)
	require.Equal(t, []string{"emergency/2", "irp/1"}, sources(id))
	require.Equal(t, []string{"irp/3"}, sources(other))

	page := must(q.ProposalHolds(f.Ctx, &types.QueryProposalHoldsRequest{Id: id, Pagination: &query.PageRequest{Limit: 1}}))
	require.Len(t, page.Holds, 1)
	require.Equal(t, "emergency/2", page.Holds[0].Source)
	require.NotEmpty(t, page.Pagination.NextKey)

	p := must(q.Proposal(f.Ctx, &types.QueryProposalRequest{Id: id})).Proposal
	require.Equal(t, id, p.Id)
	require.True(t, p.Stayed)
	require.Equal(t, uint32(2), p.HoldCount)

	f.MustDeliver(stayFrom(id, false, "irp/1"))
	_, found, err = f.Proposals.GetHold(f.Ctx, id, "irp/1")
	require.NoError(t, err)
	require.False(t, found)
	require.Equal(t, []string{"emergency/2"}, sources(id))
	p = must(q.Proposal(f.Ctx, &types.QueryProposalRequest{Id: id})).Proposal
	require.True(t, p.Stayed, "another hold remains")
	require.Equal(t, uint32(1), p.HoldCount)

	_, err = q.ProposalHolds(f.Ctx, nil)
	requireCode(t, err, codes.InvalidArgument)
	_, err = q.ProposalHolds(f.Ctx, &types.QueryProposalHoldsRequest{Id: 99})
	requireCode(t, err, codes.NotFound)
	_, err = q.Proposal(f.Ctx, &types.QueryProposalRequest{Id: 99})
	requireCode(t, err, codes.NotFound)
}
