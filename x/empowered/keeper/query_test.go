package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/polity-chain/polity/x/empowered/types"
)

// TestQueries checks the filters, pagination and errors of the queries.
func TestQueries(t *testing.T) {
	f := newFixture(t)
	q := f.EmpoweredQueryServer
	recall := f.MustPetition("dev", types.PowerRecallBoard, 0, 0)
	removal := f.MustPetition("ops", types.PowerRemoveDirector, 0, 8)
	f.MustSupport("fin", removal)
	inspection := f.MustPetition("gov", types.PowerInspection, 0, 0)
	ids := func(as []types.Action) []uint64 {
		var out []uint64
		for _, a := range as {
			out = append(out, a.Id)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		req  *types.QueryPetitionsRequest
		want []uint64
	}{
		{"all", &types.QueryPetitionsRequest{}, []uint64{recall, removal, inspection}},
		{"by stage", &types.QueryPetitionsRequest{Stage: types.StageSupport}, []uint64{recall, inspection}},
		{"by power", &types.QueryPetitionsRequest{Power: types.PowerRemoveDirector}, []uint64{removal}},
		{"by petitioner", &types.QueryPetitionsRequest{Participant: "gov"}, []uint64{inspection}},
		{"by supporter", &types.QueryPetitionsRequest{Participant: "fin", Stage: types.StageForum}, []uint64{removal}},
		{"none", &types.QueryPetitionsRequest{Participant: "users"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := must(q.Petitions(f.Ctx, tc.req))
			require.Equal(t, tc.want, ids(res.Petitions))
		})
	}
	page := must(q.Petitions(f.Ctx, &types.QueryPetitionsRequest{Pagination: &query.PageRequest{Limit: 2}}))
	require.Equal(t, []uint64{recall, removal}, ids(page.Petitions))
	require.NotEmpty(t, page.Pagination.NextKey)

	require.Equal(t, removal, must(q.Petition(f.Ctx, &types.QueryPetitionRequest{Id: removal})).Petition.Id)
	participants := must(q.Participants(f.Ctx, &types.QueryParticipantsRequest{})).Participants
	require.Len(t, participants, 5)
	require.Equal(t, types.DefaultParams().Rules[0].MinSupport, must(q.Params(f.Ctx, &types.QueryParamsRequest{})).Params.Rules[0].MinSupport)

	_, err := q.Petition(f.Ctx, &types.QueryPetitionRequest{Id: 99})
	requireCode(t, err, codes.NotFound)
	_, err = q.Statements(f.Ctx, &types.QueryStatementsRequest{Id: 99})
	requireCode(t, err, codes.NotFound)
	_, err = q.Decisions(f.Ctx, &types.QueryDecisionsRequest{Id: 99})
	requireCode(t, err, codes.NotFound)
	_, err = q.Petitions(f.Ctx, nil)
	requireCode(t, err, codes.InvalidArgument)
	_, err = q.Approvals(f.Ctx, nil)
	requireCode(t, err, codes.InvalidArgument)
	_, err = q.Inspections(f.Ctx, nil)
	requireCode(t, err, codes.InvalidArgument)
}
