package keeper_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// declare has the first n panelists of a case declare an outcome.
func declare(f *keepertest.Fixture, c types.IRP, outcome types.Outcome, n int) {
	for _, p := range c.Panel[:n] {
		f.MustDeliver(declareMsg(p, c.Id, outcome))
	}
}

// buildRichState leaves x/review with records in every status: cases
// forming, in review (stayed, one declaration), upheld, denied, acted on and
// past their Board deadline; reconsiderations and complaints at each step and
// overdue; reviews open, in progress, reported (an approved recommendation)
// and closed; emergencies active, ratified (a pause in force), expired and
// lifted; parties and panelists active and not.
func buildRichState(t *testing.T) *keepertest.Fixture {
	t.Helper()
	f := newFixture(t)
	f.SetBoardChair("director-ops")
	proposal := f.BylawInECWindow(f.CommunityParamsMsg(77))
	acme := registeredParty(t, f)
	f.RegisterParty(addr("beta"), "Beta")
	f.MustDeliver(&types.MsgDeregisterParty{Authority: keepertest.SecretariatAuthority(), Address: name("beta")})
	fund(f, "dev-member")
	f.PassResolution(&types.MsgAppointPanelist{Authority: f.Authority, Address: name("panelist-8"), Name: "Panelist 8"})

	community := fileMsg(body("ops"), types.ClaimantCommunity, proposal)
	community.CommunityId = "ops"
	var ids []uint64
	for _, msg := range []*types.MsgFileIRP{
		fileMsg(acme, types.ClaimantParty, proposal), fileMsg(name("dev-member"), types.ClaimantMember, proposal),
		community, fileMsg(empowered(), types.ClaimantEmpowered, proposal), fileMsg(empowered(), types.ClaimantEmpowered, proposal),
	} {
		ids = append(ids, f.MustFileIRP(msg))
	}
	lateReconsideration := fileReconsideration(t, f, reconsiderationMsg(proposal))
	fileComplaint(t, f)
	expiring := take(t, f, emergencyMsg("director-ops", types.EmergencyPauseMessage, msgSend))

	// the last case's panel forms at the seed height, in time to stay the
	// amendment within its EC window; the others are drawn at the pick deadline
	f.MustDeliver(choose(empowered(), ids[4], "panelist-1"))
	f.MustDeliver(choose(keepertest.BoardChooser(), ids[4], "panelist-2"))
	toSeedHeight(t, f, ids[4])
	stayed := f.GetIRP(ids[4])
	f.MustDeliver(stayMsg(stayed.Panel[0], stayed.Id, true))
	f.MustDeliver(stayMsg(stayed.Panel[1], stayed.Id, true))
	toPickDeadline(t, f, ids[0])
	toSeedHeight(t, f, ids[0])
	cases := make([]types.IRP, len(ids))
	for i, id := range ids {
		cases[i] = f.GetIRP(id)
		require.Equal(t, types.IRPInReview, cases[i].Status)
	}
	missed, acted, denied, upheld, inReview := cases[0], cases[1], cases[2], cases[3], cases[4]
	declare(f, missed, types.OutcomeUpheld, 2)
	f.Advance(f.ReviewParams().BoardActionPeriod)
	require.Equal(t, types.IRPBoardDeadlineMissed, f.GetIRP(missed.Id).Status)
	require.Equal(t, types.EmergencyExpired, must(f.Review.GetEmergency(f.Ctx, expiring.Id)).Status)
	require.True(t, must(f.Review.Reconsiderations.Get(f.Ctx, lateReconsideration)).Overdue)

	declare(f, acted, types.OutcomeUpheld, 2)
	f.PassResolution(&types.MsgRecordBoardAction{Authority: f.Authority, IrpId: acted.Id, Action: doc("acted")})
	declare(f, denied, types.OutcomeDenied, 2)
	declare(f, upheld, types.OutcomeUpheld, 2)
	declare(f, inReview, types.OutcomeDenied, 1)
	f.MustFileIRP(fileMsg(empowered(), types.ClaimantEmpowered, proposal)) // forming

	fileReconsideration(t, f, reconsiderationMsg(proposal))
	evaluated := fileReconsideration(t, f, reconsiderationMsg(proposal))
	granted := fileReconsideration(t, f, reconsiderationMsg(proposal))
	for _, id := range []uint64{evaluated, granted} {
		f.MustDeliver(&types.MsgEvaluateReconsideration{Ombudsman: name("ombudsman"), ReconsiderationId: id, Evaluation: doc("evaluation")})
	}
	f.PassResolution(&types.MsgDecideReconsideration{Authority: f.Authority, ReconsiderationId: granted, Grant: true, Decision: doc("granted")})

	for range 3 {
		fileComplaint(t, f)
	}
	f.MustDeliver(&types.MsgAcknowledgeComplaint{Ombudsman: name("ombudsman"), ComplaintId: 3})
	f.MustDeliver(&types.MsgReportComplaint{Ombudsman: name("ombudsman"), ComplaintId: 4, Report: doc("report")})

	active := take(t, f, emergencyMsg("director-ops", types.EmergencyStatement, ""))
	ratified := take(t, f, emergencyMsg("director-ops", types.EmergencyPauseMessage, msgMultiSend))
	lifted := take(t, f, emergencyMsg("director-ops", types.EmergencyStatement, ""))
	f.MustDeliver(&types.MsgRecordConsultation{Chair: name("director-ops"), EmergencyId: ratified.Id, CommunityId: "users", Consultation: doc("c")})
	f.MustDeliver(&types.MsgLiftEmergency{Authority: name("director-ops"), EmergencyId: lifted.Id})
	for _, e := range []types.Emergency{active, ratified, lifted} {
		f.MustDeliver(nominate("security", e.ReviewId, "security-chair"))
	}
	f.PassResolution(
		&types.MsgRatifyEmergency{Authority: f.Authority, EmergencyId: ratified.Id},
		&types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: active.ReviewId, Members: names("security-chair")},
		&types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: ratified.ReviewId, Members: names("security-chair")},
		&types.MsgAppointReviewTeam{Authority: f.Authority, ReviewId: lifted.ReviewId, Members: names("security-chair")},
	)
	f.MustDeliver(&types.MsgFileReviewReport{Member: name("security-chair"), ReviewId: ratified.ReviewId, Report: doc("r"), Recommendations: []string{"a", "b"}})
	f.MustDeliver(&types.MsgFileReviewReport{Member: name("security-chair"), ReviewId: lifted.ReviewId, Report: doc("r")})
	f.PassResolution(&types.MsgDecideRecommendation{Authority: f.Authority, ReviewId: ratified.ReviewId, Index: 0, Approve: true})

	// two cases still forming: one with its choices open, one halfway through
	// its seed blocks (the import rebuilds the pick and seed queues)
	inaction := fileMsg(empowered(), types.ClaimantEmpowered, 0)
	inaction.Inaction = "no answer to advice"
	f.MustFileIRP(inaction)
	seeding := f.MustFileIRP(inaction)
	f.MustDeliver(choose(empowered(), seeding, "panelist-1"))
	f.MustDeliver(choose(keepertest.BoardChooser(), seeding, "panelist-2"))
	f.Advance(time.Second)
	f.Advance(time.Second)
	require.Equal(t, uint32(2), f.GetIRP(seeding).SeedBlocksMixed)
	return f
}

// queues lists every queue's keys, for comparing the deadlines a genesis
// import rebuilds with those the chain kept.
func queues(t *testing.T, f *keepertest.Fixture) map[string][]collections.Pair[int64, uint64] {
	t.Helper()
	k := f.Review
	out := map[string][]collections.Pair[int64, uint64]{}
	for name, q := range map[string]collections.KeySet[collections.Pair[int64, uint64]]{
		"seed": k.SeedQueue, "pick": k.PickQueue, "board": k.BoardQueue, "reconsideration": k.ReconsiderationQueue,
		"complaint": k.ComplaintQueue, "review": k.ReviewQueue, "recommendation": k.RecommendationQueue,
		"consultation": k.ConsultationQueue, "expiry": k.ExpiryQueue,
	} {
		iter, err := q.Iterate(f.Ctx, nil)
		require.NoError(t, err)
		out[name] = must(iter.Keys())
	}
	return out
}

// pausedCounts lists the pause counters.
func pausedCounts(t *testing.T, f *keepertest.Fixture) []collections.KeyValue[string, uint64] {
	t.Helper()
	iter, err := f.Review.Paused.Iterate(f.Ctx, nil)
	require.NoError(t, err)
	return must(iter.KeyValues())
}

// TestGenesisRoundTrip checks that export then import into a fresh chain
// reproduces the state, its queues and pause counters, and that every status
// is represented.
func TestGenesisRoundTrip(t *testing.T) {
	f := buildRichState(t)
	gs := f.ExportReview()
	require.NoError(t, gs.Validate(f.AddressCodec))
	seen := map[string]bool{}
	for _, c := range gs.Irps {
		seen[c.Status.String()] = true
	}
	for _, r := range gs.Reconsiderations {
		seen[r.Status.String()] = true
	}
	for _, c := range gs.Complaints {
		seen[c.Status.String()] = true
	}
	for _, r := range gs.Reviews {
		seen[r.Status.String()] = true
	}
	for _, e := range gs.Emergencies {
		seen[e.Status.String()] = true
	}
	for _, r := range gs.Recommendations {
		seen[r.Status.String()] = true
	}
	for _, want := range []string{
		"IRP_STATUS_PANEL_FORMING", "IRP_STATUS_IN_REVIEW", "IRP_STATUS_UPHELD", "IRP_STATUS_DENIED", "IRP_STATUS_BOARD_ACTED", "IRP_STATUS_BOARD_DEADLINE_MISSED",
		"RECONSIDERATION_STATUS_FILED", "RECONSIDERATION_STATUS_EVALUATED", "RECONSIDERATION_STATUS_GRANTED",
		"COMPLAINT_STATUS_FILED", "COMPLAINT_STATUS_ACKNOWLEDGED", "COMPLAINT_STATUS_REPORTED",
		"REVIEW_STATUS_OPEN", "REVIEW_STATUS_IN_PROGRESS", "REVIEW_STATUS_REPORTED", "REVIEW_STATUS_CLOSED",
		"EMERGENCY_STATUS_ACTIVE", "EMERGENCY_STATUS_RATIFIED", "EMERGENCY_STATUS_EXPIRED", "EMERGENCY_STATUS_LIFTED",
		"RECOMMENDATION_STATUS_PROPOSED", "RECOMMENDATION_STATUS_APPROVED",
	} {
		require.True(t, seen[want], "no record is %s", want)
	}
	require.NotEmpty(t, gs.Declarations)
	require.NotEmpty(t, gs.Schedule)
	require.Len(t, gs.Parties, 2)

	g := keepertest.NewFixture(t)
	g.SetBlock(f.Ctx.BlockHeight(), f.Now())
	g.InitProposalsGenesis(f.ExportProposals()) // the cases' holds, imported first as in the app
	g.InitReviewGenesis(gs)
	require.Equal(t, string(f.ExportReviewJSON()), string(g.ExportReviewJSON()))
	require.Equal(t, queues(t, f), queues(t, g))
	require.Equal(t, pausedCounts(t, f), pausedCounts(t, g))
	require.True(t, must(g.Review.IsPaused(g.Ctx, msgMultiSend)))
	require.Equal(t, lastEmergencies(t, f), lastEmergencies(t, g), "the cooldown index is rebuilt")
}

// TestGenesisValidate checks that Validate rejects what InitGenesis would
// choke on or a chain could never have produced.
func TestGenesisValidate(t *testing.T) {
	f := buildRichState(t)
	base := f.ExportReview()
	cases := []struct {
		name string
		edit func(gs *types.GenesisState)
	}{
		{"bad params", func(gs *types.GenesisState) { gs.Params.MaxTextLength = 0 }},
		{"duplicate party", func(gs *types.GenesisState) { gs.Parties = append(gs.Parties, gs.Parties[0]) }},
		{"bad party address", func(gs *types.GenesisState) { gs.Parties[0].Address = "polity1nope" }},
		{"duplicate panelist", func(gs *types.GenesisState) { gs.Panelists = append(gs.Panelists, gs.Panelists[0]) }},
		{"irp id zero", func(gs *types.GenesisState) { gs.Irps[0].Id = 0 }},
		{"irp id at its sequence", func(gs *types.GenesisState) { gs.Irps[0].Id = gs.NextIrpId }},
		{"duplicate irp", func(gs *types.GenesisState) { gs.Irps[1].Id = gs.Irps[0].Id }},
		{"irp status unspecified", func(gs *types.GenesisState) { gs.Irps[0].Status = types.IRPUnspecified }},
		{"irp bad claimant", func(gs *types.GenesisState) { gs.Irps[0].Claimant = "x" }},
		{"irp four panelists", func(gs *types.GenesisState) { gs.Irps[0].Panel = append(gs.Irps[0].Panel, name("outsider")) }},
		{"declaration without irp", func(gs *types.GenesisState) { gs.Declarations[0].IrpId = 99 }},
		{"declaration bad panelist", func(gs *types.GenesisState) { gs.Declarations[0].Panelist = "x" }},
		{"duplicate declaration", func(gs *types.GenesisState) { gs.Declarations = append(gs.Declarations, gs.Declarations[0]) }},
		{"reconsideration sequence", func(gs *types.GenesisState) { gs.NextReconsiderationId = 1 }},
		{"complaint duplicate", func(gs *types.GenesisState) { gs.Complaints[1].Id = gs.Complaints[0].Id }},
		{"review sequence", func(gs *types.GenesisState) { gs.NextReviewId = 0 }},
		{"emergency id zero", func(gs *types.GenesisState) { gs.Emergencies[0].Id = 0 }},
		{"recommendation orphan", func(gs *types.GenesisState) { gs.Recommendations[0].ReviewId = 99 }},
		{"recommendation duplicate", func(gs *types.GenesisState) { gs.Recommendations = append(gs.Recommendations, gs.Recommendations[0]) }},
		{"bad ombudsman", func(gs *types.GenesisState) { gs.Ombudsman.Address = "x" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			gs := f.ExportReview()
			c.edit(gs)
			err := gs.Validate(f.AddressCodec)
			require.Error(t, err)
			require.True(t, errors.Is(err, types.ErrInvalidGenesis) || errors.Is(err, types.ErrInvalidParams), "%v", err)
		})
	}
	require.NoError(t, base.Validate(f.AddressCodec))
	require.NoError(t, types.DefaultGenesis().Validate(f.AddressCodec))
}

// TestGenesisHoldsAgree checks that x/review's import refuses a state whose
// cases and suspensions disagree with x/proposals' holds: a stayed case
// without its hold (the proposal would execute under a stay), and a hold no
// case or suspension of x/review holds (it would hold the proposal for ever).
func TestGenesisHoldsAgree(t *testing.T) {
	f := buildRichState(t)
	reviewGS, proposalsGS := f.ExportReview(), f.ExportProposals()
	require.NotEmpty(t, proposalsGS.Holds)

	load := func(edit func(*proposalstypes.GenesisState)) error {
		g := keepertest.NewFixture(t)
		g.SetBlock(f.Ctx.BlockHeight(), f.Now())
		gs := f.ExportProposals()
		edit(gs)
		require.NoError(t, gs.Validate(g.AddressCodec))
		require.NoError(t, g.Proposals.InitGenesis(g.Ctx, *gs))
		return g.Review.InitGenesis(g.Ctx, *reviewGS)
	}
	require.NoError(t, load(func(*proposalstypes.GenesisState) {}))

	held := proposalsGS.Holds[0]
	err := load(func(gs *proposalstypes.GenesisState) {
		gs.Holds = gs.Holds[1:]
		for i := range gs.Proposals {
			if gs.Proposals[i].Id == held.ProposalId {
				gs.Proposals[i].HoldCount--
				gs.Proposals[i].Stayed = gs.Proposals[i].HoldCount > 0
			}
		}
	})
	require.ErrorIs(t, err, types.ErrInvalidGenesis)
	require.ErrorContains(t, err, "lacks the holds of "+held.Source)

	err = load(func(gs *proposalstypes.GenesisState) {
		extra := held
		extra.Source = "irp/99"
		gs.Holds = append(gs.Holds, extra)
		for i := range gs.Proposals {
			if gs.Proposals[i].Id == held.ProposalId {
				gs.Proposals[i].HoldCount++
			}
		}
	})
	require.ErrorIs(t, err, types.ErrInvalidGenesis)
	require.ErrorContains(t, err, "irp/99")
}

// lastEmergencies lists the cooldown index: (kind, target) -> latest action.
func lastEmergencies(t *testing.T, f *keepertest.Fixture) []collections.KeyValue[collections.Pair[int32, string], uint64] {
	t.Helper()
	iter := must(f.Review.LastEmergency.Iterate(f.Ctx, nil))
	return must(iter.KeyValues())
}
