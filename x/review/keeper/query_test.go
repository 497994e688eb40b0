package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"

	"github.com/cosmos/cosmos-sdk/types/query"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/review/types"
)

// TestQueryNilRequests checks that every x/review query answers a nil request
// with InvalidArgument.
func TestQueryNilRequests(t *testing.T) {
	f := newFixture(t)
	q, ctx := f.ReviewQueryServer, f.Ctx
	calls := []struct {
		name string
		call func() error
	}{
		{"Params", func() error { _, err := q.Params(ctx, nil); return err }},
		{"IRPs", func() error { _, err := q.IRPs(ctx, nil); return err }},
		{"IRP", func() error { _, err := q.IRP(ctx, nil); return err }},
		{"Panelists", func() error { _, err := q.Panelists(ctx, nil); return err }},
		{"Parties", func() error { _, err := q.Parties(ctx, nil); return err }},
		{"Reconsiderations", func() error { _, err := q.Reconsiderations(ctx, nil); return err }},
		{"Reconsideration", func() error { _, err := q.Reconsideration(ctx, nil); return err }},
		{"Ombudsman", func() error { _, err := q.Ombudsman(ctx, nil); return err }},
		{"Complaints", func() error { _, err := q.Complaints(ctx, nil); return err }},
		{"Complaint", func() error { _, err := q.Complaint(ctx, nil); return err }},
		{"Reviews", func() error { _, err := q.Reviews(ctx, nil); return err }},
		{"Review", func() error { _, err := q.Review(ctx, nil); return err }},
		{"Recommendations", func() error { _, err := q.Recommendations(ctx, nil); return err }},
		{"Emergencies", func() error { _, err := q.Emergencies(ctx, nil); return err }},
		{"Emergency", func() error { _, err := q.Emergency(ctx, nil); return err }},
		{"PausedMessages", func() error { _, err := q.PausedMessages(ctx, nil); return err }},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) { keepertest.RequireCode(t, c.call(), codes.InvalidArgument) })
	}
}

// TestQueryMissingRecords checks that a lookup of a record that does not
// exist answers NotFound, never Internal.
func TestQueryMissingRecords(t *testing.T) {
	f := newFixture(t)
	q, ctx := f.ReviewQueryServer, f.Ctx
	calls := []struct {
		name string
		call func() error
	}{
		{"IRP", func() error { _, err := q.IRP(ctx, &types.QueryIRPRequest{Id: 99}); return err }},
		{"Reconsideration", func() error {
			_, err := q.Reconsideration(ctx, &types.QueryReconsiderationRequest{Id: 99})
			return err
		}},
		{"Complaint", func() error { _, err := q.Complaint(ctx, &types.QueryComplaintRequest{Id: 99}); return err }},
		{"Review", func() error { _, err := q.Review(ctx, &types.QueryReviewRequest{Id: 99}); return err }},
		{"Recommendations of a missing review", func() error {
			_, err := q.Recommendations(ctx, &types.QueryRecommendationsRequest{Id: 99})
			return err
		}},
		{"Emergency", func() error { _, err := q.Emergency(ctx, &types.QueryEmergencyRequest{Id: 99}); return err }},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) { keepertest.RequireCode(t, c.call(), codes.NotFound) })
	}
}

// TestQueryParamsAndOmbudsman checks the singletons: the params in force and
// the ombudsman seated by the constitution, then none once state has no
// ombudsman (an empty answer, not an error).
func TestQueryParamsAndOmbudsman(t *testing.T) {
	f := newFixture(t)
	q, ctx := f.ReviewQueryServer, f.Ctx
	require.Equal(t, f.ReviewParams(), must(q.Params(ctx, &types.QueryParamsRequest{})).Params)

	o := must(q.Ombudsman(ctx, &types.QueryOmbudsmanRequest{})).Ombudsman
	require.NotNil(t, o)
	require.Equal(t, name("ombudsman"), o.Address)
	require.True(t, o.TermEnd.After(f.Now()))

	require.NoError(t, f.Review.Ombudsman.Remove(ctx))
	require.Nil(t, must(q.Ombudsman(ctx, &types.QueryOmbudsmanRequest{})).Ombudsman)
}

// TestQueryReconsiderations checks one request by id, the list by status
// through the status index, and pages of one with a next key.
func TestQueryReconsiderations(t *testing.T) {
	f := newFixture(t)
	q := f.ReviewQueryServer
	proposal := f.BylawInECWindow()
	first := fileReconsideration(t, f, reconsiderationMsg(proposal))
	second := fileReconsideration(t, f, reconsiderationMsg(proposal))
	third := fileReconsideration(t, f, reconsiderationMsg(proposal))
	f.MustDeliver(&types.MsgEvaluateReconsideration{Ombudsman: name("ombudsman"), ReconsiderationId: second, Evaluation: doc("evaluation")})

	got := must(q.Reconsideration(f.Ctx, &types.QueryReconsiderationRequest{Id: second})).Reconsideration
	require.Equal(t, must(f.Review.Reconsiderations.Get(f.Ctx, second)), got)
	require.Equal(t, types.ReconsiderationEvaluated, got.Status)

	ids := func(req *types.QueryReconsiderationsRequest) []uint64 {
		var out []uint64
		for _, r := range must(q.Reconsiderations(f.Ctx, req)).Reconsiderations {
			out = append(out, r.Id)
		}
		return out
	}
	require.Equal(t, []uint64{first, second, third}, ids(&types.QueryReconsiderationsRequest{}))
	require.Equal(t, []uint64{first, third}, ids(&types.QueryReconsiderationsRequest{Status: types.ReconsiderationFiled}))
	require.Equal(t, []uint64{second}, ids(&types.QueryReconsiderationsRequest{Status: types.ReconsiderationEvaluated}))
	require.Empty(t, ids(&types.QueryReconsiderationsRequest{Status: types.ReconsiderationGranted}))

	// page through the filed requests one at a time
	page := must(q.Reconsiderations(f.Ctx, &types.QueryReconsiderationsRequest{
		Status: types.ReconsiderationFiled, Pagination: &query.PageRequest{Limit: 1, CountTotal: true},
	}))
	require.Len(t, page.Reconsiderations, 1)
	require.Equal(t, first, page.Reconsiderations[0].Id)
	require.NotEmpty(t, page.Pagination.NextKey)
	next := must(q.Reconsiderations(f.Ctx, &types.QueryReconsiderationsRequest{
		Status: types.ReconsiderationFiled, Pagination: &query.PageRequest{Key: page.Pagination.NextKey, Limit: 1},
	}))
	require.Len(t, next.Reconsiderations, 1)
	require.Equal(t, third, next.Reconsiderations[0].Id)
	require.Empty(t, next.Pagination.NextKey)
}

// TestQueryComplaints checks one complaint by id and the list by status, with
// pages of one.
func TestQueryComplaints(t *testing.T) {
	f := newFixture(t)
	q := f.ReviewQueryServer
	first, second, third := fileComplaint(t, f), fileComplaint(t, f), fileComplaint(t, f)
	f.MustDeliver(&types.MsgAcknowledgeComplaint{Ombudsman: name("ombudsman"), ComplaintId: second})

	got := must(q.Complaint(f.Ctx, &types.QueryComplaintRequest{Id: second})).Complaint
	require.Equal(t, types.ComplaintAcknowledged, got.Status)
	require.Equal(t, name("outsider"), got.Complainant)

	ids := func(req *types.QueryComplaintsRequest) []uint64 {
		var out []uint64
		for _, c := range must(q.Complaints(f.Ctx, req)).Complaints {
			out = append(out, c.Id)
		}
		return out
	}
	require.Equal(t, []uint64{first, second, third}, ids(&types.QueryComplaintsRequest{}))
	require.Equal(t, []uint64{first, third}, ids(&types.QueryComplaintsRequest{Status: types.ComplaintFiled}))
	require.Equal(t, []uint64{second}, ids(&types.QueryComplaintsRequest{Status: types.ComplaintAcknowledged}))

	page := must(q.Complaints(f.Ctx, &types.QueryComplaintsRequest{Pagination: &query.PageRequest{Limit: 2, CountTotal: true}}))
	require.Len(t, page.Complaints, 2)
	require.EqualValues(t, 3, page.Pagination.Total)
	rest := must(q.Complaints(f.Ctx, &types.QueryComplaintsRequest{Pagination: &query.PageRequest{Key: page.Pagination.NextKey}}))
	require.Len(t, rest.Complaints, 1)
	require.Equal(t, third, rest.Complaints[0].Id)
}

// TestQueryEmergencies checks one action by id, the list by status and the
// paused message types of the actions in force (a lifted pause is no longer
// listed).
func TestQueryEmergencies(t *testing.T) {
	f := newFixture(t)
	q := f.ReviewQueryServer
	f.SetBoardChair("director-ops")
	statement := take(t, f, emergencyMsg("director-ops", types.EmergencyStatement, ""))
	send := take(t, f, emergencyMsg("director-ops", types.EmergencyPauseMessage, msgSend))
	multi := take(t, f, emergencyMsg("director-ops", types.EmergencyPauseMessage, msgMultiSend))
	require.ElementsMatch(t, []string{msgSend, msgMultiSend},
		must(q.PausedMessages(f.Ctx, &types.QueryPausedMessagesRequest{})).TypeUrls)

	f.PassResolution(&types.MsgLiftEmergency{Authority: f.Authority, EmergencyId: send.Id})
	require.Equal(t, []string{msgMultiSend}, must(q.PausedMessages(f.Ctx, &types.QueryPausedMessagesRequest{})).TypeUrls)

	got := must(q.Emergency(f.Ctx, &types.QueryEmergencyRequest{Id: send.Id})).Emergency
	require.Equal(t, types.EmergencyLifted, got.Status)
	require.Equal(t, msgSend, got.Target)

	ids := func(req *types.QueryEmergenciesRequest) []uint64 {
		var out []uint64
		for _, e := range must(q.Emergencies(f.Ctx, req)).Emergencies {
			out = append(out, e.Id)
		}
		return out
	}
	require.Equal(t, []uint64{statement.Id, send.Id, multi.Id}, ids(&types.QueryEmergenciesRequest{}))
	require.Equal(t, []uint64{statement.Id, multi.Id}, ids(&types.QueryEmergenciesRequest{Status: types.EmergencyActive}))
	require.Equal(t, []uint64{send.Id}, ids(&types.QueryEmergenciesRequest{Status: types.EmergencyLifted}))
	require.Empty(t, ids(&types.QueryEmergenciesRequest{Status: types.EmergencyRatified}))

	page := must(q.Emergencies(f.Ctx, &types.QueryEmergenciesRequest{Status: types.EmergencyActive, Pagination: &query.PageRequest{Limit: 1}}))
	require.Len(t, page.Emergencies, 1)
	require.Equal(t, statement.Id, page.Emergencies[0].Id)
	require.NotEmpty(t, page.Pagination.NextKey)
}

// TestQueryReviews checks one review by id and the list filters: by status,
// by type and overdue only (a review whose report is late).
func TestQueryReviews(t *testing.T) {
	f := newFixture(t)
	q := f.ReviewQueryServer
	shortCycles(t, f)
	f.Advance(10 * time.Hour) // the first accountability review opens
	f.Advance(time.Hour)
	f.SetBoardChair("director-ops")
	e := take(t, f, emergencyMsg("director-ops", types.EmergencyStatement, "")) // a post-emergency review

	got := must(q.Review(f.Ctx, &types.QueryReviewRequest{Id: 1})).Review
	require.Equal(t, types.ReviewAccountability, got.Type)
	require.Equal(t, []uint64{1, e.ReviewId}, reviewsWhere(f, &types.QueryReviewsRequest{}))
	require.Equal(t, []uint64{1, e.ReviewId}, reviewsWhere(f, &types.QueryReviewsRequest{Status: types.ReviewOpen}))
	require.Equal(t, []uint64{e.ReviewId}, reviewsWhere(f, &types.QueryReviewsRequest{Type: types.ReviewPostEmergency}))
	require.Equal(t, []uint64{1}, reviewsWhere(f, &types.QueryReviewsRequest{Status: types.ReviewOpen, Type: types.ReviewAccountability}))
	require.Empty(t, reviewsWhere(f, &types.QueryReviewsRequest{OverdueOnly: true}))
	require.Empty(t, reviewsWhere(f, &types.QueryReviewsRequest{Status: types.ReviewClosed}))

	// the accountability review's report is due five hours after it opened;
	// the post-emergency one opened an hour later and is not late yet
	f.Advance(must(f.Review.GetReview(f.Ctx, 1)).ReportDue.Sub(f.Now()))
	require.Equal(t, []uint64{1}, reviewsWhere(f, &types.QueryReviewsRequest{OverdueOnly: true}))
	require.Equal(t, []uint64{1}, reviewsWhere(f, &types.QueryReviewsRequest{Status: types.ReviewOpen, OverdueOnly: true}))

	// a review without recommendations lists none
	require.Empty(t, must(q.Recommendations(f.Ctx, &types.QueryRecommendationsRequest{Id: 1})).Recommendations)
}
