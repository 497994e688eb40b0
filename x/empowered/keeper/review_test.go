package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// TestCommunityIRP checks a community independent review: the effect files
// an IRP in x/review with the Empowered Community as claimant, and the action
// records its id.
func TestCommunityIRP(t *testing.T) {
	f := newFixture(t)
	pid := standardBylaw(f)
	id := f.Escalate("users", "gov", types.PowerCommunityIRP, pid, 0)
	f.DecideAll(id, support, "dev", "fin", "gov", "ops")
	a := f.Action(id)
	require.Equal(t, types.StageSucceeded, a.Stage, a.Note)
	require.NotZero(t, a.EffectRef)
	irp := must(f.Review.GetIRP(f.Ctx, a.EffectRef))
	require.Equal(t, empowered(), irp.Claimant)
	require.Equal(t, reviewtypes.ClaimantEmpowered, irp.ClaimantKind)
	require.Equal(t, pid, irp.ProposalId)
	require.Equal(t, a.Rationale, irp.Claim)
	require.Equal(t, reviewtypes.IRPPanelForming, irp.Status)
	require.Equal(t, []string{"Empowered Community action 1 (POWER_COMMUNITY_IRP)"}, irp.Provisions)
	require.True(t, irp.Deposit.IsZero(), "the Empowered Community pays no deposit")
}

// TestCommunityReconsideration checks that a community reconsideration
// request files a reconsideration in x/review as the Empowered Community.
func TestCommunityReconsideration(t *testing.T) {
	f := newFixture(t)
	pid := standardBylaw(f)
	id := f.Escalate("dev", "fin", types.PowerCommunityReconsideration, pid, 0)
	f.DecideAll(id, support, "dev", "fin", "gov", "users")
	a := f.Action(id)
	require.Equal(t, types.StageSucceeded, a.Stage, a.Note)
	r := must(f.Review.Reconsiderations.Get(f.Ctx, a.EffectRef))
	require.Equal(t, empowered(), r.Requester)
	require.Equal(t, pid, r.ProposalId)
	require.Equal(t, reviewtypes.ReconsiderationFiled, r.Status)
}

// TestInspection checks the inspection power: the effect records a request
// the Board must answer by a deadline; an answer by the governance
// authority closes it; an unanswered request becomes overdue, on record.
func TestInspection(t *testing.T) {
	f := newFixture(t)
	id := f.Escalate("dev", "ops", types.PowerInspection, 0, 0)
	f.ResetEvents()
	require.Equal(t, types.StageSucceeded, f.DecideAll(id, support, "dev", "fin", "gov", "ops"))
	a := f.Action(id)
	require.Equal(t, uint64(1), a.EffectRef)
	changed := typedEvents[*types.EventInspectionChanged](t, f.Events())
	require.Len(t, changed, 1)
	require.Equal(t, types.EventInspectionChanged{InspectionId: 1}, *changed[0])
	ins := must(f.EmpoweredQueryServer.Inspections(f.Ctx, &types.QueryInspectionsRequest{})).Inspections
	require.Len(t, ins, 1)
	in := ins[0]
	require.Equal(t, id, in.ActionId)
	require.Equal(t, a.Rationale, in.Request)
	require.Equal(t, f.Now().Add(keepertest.ReviewPeriod), in.Deadline)
	require.False(t, in.Answered)

	respond := func(authority string, inspection uint64, response communitytypes.Document) *types.MsgRespondInspection {
		return &types.MsgRespondInspection{Authority: authority, InspectionId: inspection, Response: response}
	}
	requireFailsUnchanged(t, f, respond(body("board"), 1, doc("answer")), types.ErrUnauthorized)
	requireFailsUnchanged(t, f, respond(empowered(), 1, doc("answer")), types.ErrUnauthorized)
	requireFailsUnchanged(t, f, respond(f.Authority, 1, communitytypes.Document{}), types.ErrRequired)
	requireFailsUnchanged(t, f, respond(f.Authority, 99, doc("answer")), types.ErrNotFound)

	f.Advance(keepertest.ReviewPeriod - time.Second)
	f.MustDeliver(respond(f.Authority, 1, doc("answer")))
	in = must(f.Empowered.Inspections.Get(f.Ctx, 1))
	require.True(t, in.Answered)
	require.False(t, in.Overdue)
	require.Equal(t, doc("answer"), in.Response)
	requireFailsUnchanged(t, f, respond(f.Authority, 1, doc("again")), types.ErrAlreadyDone)
	f.Advance(keepertest.ReviewPeriod)
	require.False(t, must(f.Empowered.Inspections.Get(f.Ctx, 1)).Overdue, "an answered inspection is never overdue")

	// A second inspection goes unanswered.
	second := f.Escalate("gov", "users", types.PowerInspection, 0, 0)
	f.DecideAll(second, support, "dev", "fin", "gov", "ops")
	f.Advance(keepertest.ReviewPeriod - time.Second)
	require.False(t, must(f.Empowered.Inspections.Get(f.Ctx, 2)).Overdue)
	f.Advance(time.Second)
	in = must(f.Empowered.Inspections.Get(f.Ctx, 2))
	require.True(t, in.Overdue)
	require.False(t, in.Answered)
	changed = typedEvents[*types.EventInspectionChanged](t, f.Events())
	require.Len(t, changed, 1)
	require.Equal(t, types.EventInspectionChanged{InspectionId: 2, Overdue: true}, *changed[0])
	// A late answer is still recorded, and the record keeps it overdue.
	f.MustDeliver(respond(f.Authority, 2, doc("late answer")))
	in = must(f.Empowered.Inspections.Get(f.Ctx, 2))
	require.True(t, in.Answered)
	require.True(t, in.Overdue)
}
