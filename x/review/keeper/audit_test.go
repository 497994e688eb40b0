package keeper_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/review/types"
)

// Short names for the shared audit stamps.
type stamp = keepertest.Stamp

var (
	at           = keepertest.At
	requireLater = keepertest.RequireLater
)

// here is the current block's stamp.
func here(f *keepertest.Fixture) stamp { return f.Here() }

// TestAuditIRP checks that a case is stamped when filed, when a side chooses
// in a later block, and when the EndBlocker draws its panel; the filing
// stamp stays.
func TestAuditIRP(t *testing.T) {
	f := newFixture(t)
	_, id := irpAgainstBylaw(t, f)
	filed := here(f)
	c := f.GetIRP(id)
	require.Equal(t, filed, at(c.FiledHeight, c.FiledTime))
	require.Equal(t, filed, at(c.UpdatedHeight, c.UpdatedTime))

	f.Advance(time.Second)
	f.MustDeliver(choose(c.Claimant, id, "panelist-1"))
	c = f.GetIRP(id)
	require.Equal(t, filed, at(c.FiledHeight, c.FiledTime))
	require.Equal(t, here(f), at(c.UpdatedHeight, c.UpdatedTime))
	requireLater(t, filed, here(f))

	// the draw runs in the EndBlocker of the seed block
	f.MustDeliver(choose(keepertest.BoardChooser(), id, "panelist-2"))
	toSeedHeight(t, f, id)
	c = f.GetIRP(id)
	require.Equal(t, types.IRPInReview, c.Status)
	require.Equal(t, here(f), at(c.UpdatedHeight, c.UpdatedTime))
	require.Equal(t, filed, at(c.FiledHeight, c.FiledTime))
}

// TestAuditReconsideration checks the filing and update stamps of a
// reconsideration request, changed by the ombudsman and by the EndBlocker.
func TestAuditReconsideration(t *testing.T) {
	f := newFixture(t)
	proposal := f.BylawInECWindow()
	id := fileReconsideration(t, f, reconsiderationMsg(proposal))
	filed := here(f)
	r := must(f.Review.Reconsiderations.Get(f.Ctx, id))
	require.Equal(t, filed, at(r.FiledHeight, r.FiledTime))
	require.Equal(t, filed, at(r.UpdatedHeight, r.UpdatedTime))

	f.Advance(time.Second)
	f.MustDeliver(&types.MsgEvaluateReconsideration{Ombudsman: name("ombudsman"), ReconsiderationId: id, Evaluation: doc("evaluation")})
	r = must(f.Review.Reconsiderations.Get(f.Ctx, id))
	require.Equal(t, filed, at(r.FiledHeight, r.FiledTime))
	require.Equal(t, here(f), at(r.UpdatedHeight, r.UpdatedTime))
	requireLater(t, filed, here(f))

	f.Advance(r.Deadline.Sub(f.Now()))
	r = must(f.Review.Reconsiderations.Get(f.Ctx, id))
	require.True(t, r.Overdue)
	require.Equal(t, here(f), at(r.UpdatedHeight, r.UpdatedTime))
}

// TestAuditComplaint checks the filing and update stamps of a complaint.
func TestAuditComplaint(t *testing.T) {
	f := newFixture(t)
	fileComplaint(t, f)
	filed := here(f)
	c := must(f.Review.Complaints.Get(f.Ctx, 1))
	require.Equal(t, filed, at(c.FiledHeight, c.FiledTime))
	require.Equal(t, filed, at(c.UpdatedHeight, c.UpdatedTime))

	f.Advance(time.Second)
	f.MustDeliver(&types.MsgAcknowledgeComplaint{Ombudsman: name("ombudsman"), ComplaintId: 1})
	c = must(f.Review.Complaints.Get(f.Ctx, 1))
	require.Equal(t, filed, at(c.FiledHeight, c.FiledTime))
	require.Equal(t, here(f), at(c.UpdatedHeight, c.UpdatedTime))
	requireLater(t, filed, here(f))

	f.Advance(c.Deadline.Sub(f.Now()))
	c = must(f.Review.Complaints.Get(f.Ctx, 1))
	require.True(t, c.Overdue)
	require.Equal(t, here(f), at(c.UpdatedHeight, c.UpdatedTime))
}

// TestAuditEmergencyAndReview checks an emergency action's stamps and those
// of the post-hoc review it opens, through nominations, the team, the report
// with its recommendations and the Board's decision on one of them.
func TestAuditEmergencyAndReview(t *testing.T) {
	f := newFixture(t)
	f.SetBoardChair("director-ops")
	f.Advance(time.Second)
	e := take(t, f, emergencyMsg("director-ops", types.EmergencyStatement, ""))
	taken := here(f)
	require.Equal(t, taken, at(e.TakenHeight, e.TakenTime))
	require.Equal(t, taken, at(e.UpdatedHeight, e.UpdatedTime))
	r := must(f.Review.GetReview(f.Ctx, e.ReviewId))
	require.Equal(t, taken, at(r.OpenedHeight, r.OpenedTime))
	require.Equal(t, taken, at(r.UpdatedHeight, r.UpdatedTime))

	f.Advance(time.Second)
	f.MustDeliver(&types.MsgRecordConsultation{Chair: name("director-ops"), EmergencyId: e.Id, CommunityId: "security", Consultation: doc("consultation")})
	e = must(f.Review.GetEmergency(f.Ctx, e.Id))
	require.Equal(t, taken, at(e.TakenHeight, e.TakenTime))
	require.Equal(t, here(f), at(e.UpdatedHeight, e.UpdatedTime))
	requireLater(t, taken, here(f))

	f.MustDeliver(nominate("dev", r.Id, "dev-member"))
	r = must(f.Review.GetReview(f.Ctx, r.Id))
	require.Equal(t, taken, at(r.OpenedHeight, r.OpenedTime))
	require.Equal(t, here(f), at(r.UpdatedHeight, r.UpdatedTime))
	f.PassResolution(&types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: r.Id, Members: names("dev-member")})

	f.Advance(time.Second)
	f.MustDeliver(&types.MsgFileReviewReport{Member: name("dev-member"), ReviewId: r.Id, Report: doc("report"), Recommendations: []string{"a", "b"}})
	reported := here(f)
	r = must(f.Review.GetReview(f.Ctx, r.Id))
	require.Equal(t, reported, at(r.UpdatedHeight, r.UpdatedTime))
	for i := uint32(0); i < 2; i++ {
		rec := must(f.Review.Recommendations.Get(f.Ctx, joinRec(r.Id, i)))
		require.Equal(t, reported, at(rec.CreatedHeight, rec.CreatedTime))
		require.Equal(t, reported, at(rec.UpdatedHeight, rec.UpdatedTime))
	}

	// rejecting one changes it and, as one fewer is open, its review
	f.Advance(time.Second)
	f.PassResolution(&types.MsgDecideRecommendation{Authority: f.Authority, ReviewId: r.Id, Index: 1})
	rec := must(f.Review.Recommendations.Get(f.Ctx, joinRec(r.Id, 1)))
	require.Equal(t, types.RecommendationRejected, rec.Status)
	require.Equal(t, reported, at(rec.CreatedHeight, rec.CreatedTime))
	require.Equal(t, here(f), at(rec.UpdatedHeight, rec.UpdatedTime))
	requireLater(t, reported, here(f))
	untouched := must(f.Review.Recommendations.Get(f.Ctx, joinRec(r.Id, 0)))
	require.Equal(t, reported, at(untouched.UpdatedHeight, untouched.UpdatedTime))
	r = must(f.Review.GetReview(f.Ctx, r.Id))
	require.Equal(t, taken, at(r.OpenedHeight, r.OpenedTime))
	require.Equal(t, here(f), at(r.UpdatedHeight, r.UpdatedTime))
}

// TestAuditGenesisValidate checks that a record updated before it was
// created is rejected, and that a zero update height (a record written before
// the field existed) is accepted.
func TestAuditGenesisValidate(t *testing.T) {
	f := buildRichState(t)
	f.Advance(time.Second) // so that every creation height is above zero
	cases := []struct {
		name string
		edit func(gs *types.GenesisState)
	}{
		{"irp", func(gs *types.GenesisState) { gs.Irps[0].UpdatedHeight = gs.Irps[0].FiledHeight - 1 }},
		{"reconsideration", func(gs *types.GenesisState) {
			gs.Reconsiderations[0].UpdatedHeight = gs.Reconsiderations[0].FiledHeight - 1
		}},
		{"complaint", func(gs *types.GenesisState) { gs.Complaints[0].UpdatedHeight = gs.Complaints[0].FiledHeight - 1 }},
		{"review", func(gs *types.GenesisState) { gs.Reviews[0].UpdatedHeight = gs.Reviews[0].OpenedHeight - 1 }},
		{"emergency", func(gs *types.GenesisState) { gs.Emergencies[0].UpdatedHeight = gs.Emergencies[0].TakenHeight - 1 }},
		{"recommendation", func(gs *types.GenesisState) {
			gs.Recommendations[0].UpdatedHeight = gs.Recommendations[0].CreatedHeight - 1
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			gs := f.ExportReview()
			c.edit(gs)
			err := gs.Validate(f.AddressCodec)
			require.True(t, errors.Is(err, types.ErrInvalidGenesis), "%v", err)
		})
	}
	gs := f.ExportReview()
	gs.Irps[0].UpdatedHeight, gs.Reviews[0].UpdatedHeight = 0, 0
	require.NoError(t, gs.Validate(f.AddressCodec))
}
