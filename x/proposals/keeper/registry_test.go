package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/polity-chain/polity/app/constitution"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// versions lists the version numbers of a history.
func versions(docs []types.DocumentVersion) []uint64 {
	out := make([]uint64, len(docs))
	for i, d := range docs {
		out[i] = d.Version
	}
	return out
}

// ratifyPolicy has a community's POLICY proposal ratified.
func ratifyPolicy(t *testing.T, f *keepertest.Fixture, community string) types.Proposal {
	t.Helper()
	id := f.MustSubmitProposal(community, types.KindPolicy)
	f.Advance(keepertest.CommentPeriod)
	f.BoardDecides(id, 7)
	p := throughChallenge(t, f, id)
	require.Equal(t, types.StatusRatified, p.Status)
	return p
}

// TestRegistry checks that ratified bylaw amendments version the bylaws
// (after the founding version 1), POLICY proposals their community's policy
// and BUDGET proposals the budget, keeping every version; and that
// resolutions and technical proposals register nothing.
func TestRegistry(t *testing.T) {
	f := newFixture(t)
	q := f.ProposalsQueryServer
	bylaws, err := q.Bylaws(f.Ctx, &types.QueryBylawsRequest{})
	require.NoError(t, err)
	require.Equal(t, uint64(1), bylaws.Current.Version)
	require.Equal(t, constitution.FoundingBylaws(), bylaws.Current.Document)
	require.Zero(t, bylaws.Current.ProposalId)

	standard := toECReview(t, f, types.KindStandardBylaw)
	f.ResetEvents()
	f.Advance(keepertest.ECPeriod)
	p := f.GetProposal(standard)
	require.Equal(t, types.StatusRatified, p.Status)
	require.Equal(t, []uint64{2}, p.RegistryVersions)
	ev := requireEvent[*types.EventDocumentRegistered](t, f)
	require.Equal(t, &types.EventDocumentRegistered{
		Kind: types.DocumentBylaws, Version: 2, ProposalId: standard, DocumentHash: p.Document.Hash,
	}, ev)

	fundamental := toECReview(t, f, types.KindFundamentalBylaw)
	f.MustDeliver(&types.MsgApproveProposal{Authority: empowered(), ProposalId: fundamental})
	require.Empty(t, f.GetProposal(fundamental).RegistryVersions, "registered when it executes, at the end of the block")
	f.EndBlockProposals()
	require.Equal(t, []uint64{3}, f.GetProposal(fundamental).RegistryVersions)

	first := ratifyPolicy(t, f, "dev")
	second := ratifyPolicy(t, f, "dev")
	require.Equal(t, []uint64{1}, first.RegistryVersions)
	require.Equal(t, []uint64{2}, second.RegistryVersions)
	budget := toECReview(t, f, types.KindBudget)
	f.Advance(keepertest.ECPeriod)
	require.Equal(t, []uint64{1}, f.GetProposal(budget).RegistryVersions)
	resolution := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	require.Empty(t, f.BoardDecides(resolution, 7).RegistryVersions)

	bylaws, err = q.Bylaws(f.Ctx, &types.QueryBylawsRequest{})
	require.NoError(t, err)
	require.Equal(t, uint64(3), bylaws.Current.Version)
	require.Equal(t, fundamental, bylaws.Current.ProposalId)
	require.Equal(t, f.GetProposal(fundamental).Title, bylaws.Current.Summary)
	require.Equal(t, []uint64{1, 2, 3}, versions(bylaws.History))
	require.Equal(t, standard, bylaws.History[1].ProposalId)
	page, err := q.Bylaws(f.Ctx, &types.QueryBylawsRequest{Pagination: &query.PageRequest{Limit: 2, Reverse: true}})
	require.NoError(t, err)
	require.Equal(t, []uint64{3, 2}, versions(page.History))
	require.NotNil(t, page.Pagination.NextKey)

	dev, err := q.Policies(f.Ctx, &types.QueryPoliciesRequest{CommunityId: "dev"})
	require.NoError(t, err)
	require.NotNil(t, dev.Current)
	require.Equal(t, uint64(2), dev.Current.Version)
	require.Equal(t, second.Id, dev.Current.ProposalId)
	require.Equal(t, "dev", dev.Current.Scope)
	require.Equal(t, []uint64{1, 2}, versions(dev.History))
	ops, err := q.Policies(f.Ctx, &types.QueryPoliciesRequest{CommunityId: "ops"})
	require.NoError(t, err)
	require.Nil(t, ops.Current, "ops has no policy yet")
	require.Empty(t, ops.History)
	_, err = q.Policies(f.Ctx, &types.QueryPoliciesRequest{CommunityId: "nobody"})
	requireCode(t, err, codes.NotFound)

	budgets, err := q.Budgets(f.Ctx, &types.QueryBudgetsRequest{})
	require.NoError(t, err)
	require.NotNil(t, budgets.Current)
	require.Equal(t, budget, budgets.Current.ProposalId)
	require.Equal(t, []uint64{1}, versions(budgets.History))
}
