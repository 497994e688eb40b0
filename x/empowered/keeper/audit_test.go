package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// Short names for the shared audit stamps.
type stamp = keepertest.Stamp

var at = keepertest.At

// here is the current block's stamp.
func here(f *keepertest.Fixture) stamp { return f.Here() }

// requireUpdated checks an action's update stamp and that its opening stamp
// is unchanged.
func requireUpdated(t *testing.T, f *keepertest.Fixture, id uint64, opened stamp) types.Action {
	t.Helper()
	a := f.Action(id)
	require.Equal(t, opened, at(a.OpenedHeight, a.OpenedTime), "opening stamp of action %d", id)
	require.Equal(t, here(f), at(a.UpdatedHeight, a.UpdatedTime), "update stamp of action %d (%s)", id, a.Stage)
	return a
}

// TestAuditAction follows an action through petition, support, the
// EndBlocker's stage change, a decision (the tally) and the decision that
// closes it, each in its own block: every change stamps the update, the close
// stamps the close, and the opening stamp stays.
func TestAuditAction(t *testing.T) {
	f := newFixture(t)
	f.Advance(time.Second)
	id := f.MustPetition("dev", types.PowerInspection, 0, 0)
	opened := here(f)
	a := requireUpdated(t, f, id, opened)
	require.Zero(t, a.ClosedHeight)
	require.True(t, a.ClosedTime.IsZero())

	f.Advance(time.Second)
	f.MustSupport("ops", id)
	a = requireUpdated(t, f, id, opened)
	require.Equal(t, types.StageForum, a.Stage)
	require.Greater(t, a.UpdatedHeight, a.OpenedHeight)

	f.Advance(f.EmpoweredRule(types.PowerInspection).ForumPeriod)
	require.Equal(t, types.StageDecision, requireUpdated(t, f, id, opened).Stage)

	f.Advance(time.Second)
	f.MustDecide("dev", id, support)
	a = requireUpdated(t, f, id, opened)
	require.Equal(t, uint32(1), a.Supports)
	require.Zero(t, a.ClosedHeight)

	f.Advance(time.Second)
	require.Equal(t, types.StageSucceeded, f.DecideAll(id, support, "fin", "gov", "ops"))
	a = requireUpdated(t, f, id, opened)
	require.Equal(t, here(f), at(a.ClosedHeight, a.ClosedTime))

	// a petition that lapses is closed by the EndBlocker
	lapsing := f.MustPetition("gov", types.PowerInspection, 0, 0)
	lapsedOpened := here(f)
	f.Advance(f.EmpoweredRule(types.PowerInspection).SupportPeriod)
	a = requireUpdated(t, f, lapsing, lapsedOpened)
	require.Equal(t, types.StageLapsed, a.Stage)
	require.Equal(t, here(f), at(a.ClosedHeight, a.ClosedTime))
}

// TestAuditApprovalAction checks the stamps of an approval action, opened by
// the Board's approval through the x/proposals hook.
func TestAuditApprovalAction(t *testing.T) {
	f := newFixture(t)
	f.ToECPhase("dev", proposalstypes.KindFundamentalBylaw)
	approvals := must(f.EmpoweredQueryServer.Approvals(f.Ctx, &types.QueryApprovalsRequest{Stage: types.StageForum})).Approvals
	require.Len(t, approvals, 1)
	a := approvals[0]
	require.Equal(t, here(f), at(a.OpenedHeight, a.OpenedTime))
	require.Equal(t, here(f), at(a.UpdatedHeight, a.UpdatedTime))
}

// TestAuditInspection checks an inspection's creation stamp (when its action
// succeeds) and its update stamp when the Board answers in a later block, and
// when the EndBlocker marks another overdue.
func TestAuditInspection(t *testing.T) {
	f := newFixture(t)
	id := f.Escalate("dev", "ops", types.PowerInspection, 0, 0)
	f.DecideAll(id, support, "dev", "fin", "gov", "ops")
	created := here(f)
	in := must(f.Empowered.Inspections.Get(f.Ctx, 1))
	require.Equal(t, created, at(in.CreatedHeight, in.CreatedTime))
	require.Equal(t, created, at(in.UpdatedHeight, in.UpdatedTime))

	f.Advance(time.Second)
	f.MustDeliver(&types.MsgRespondInspection{Authority: f.Authority, InspectionId: 1, Response: doc("answer")})
	in = must(f.Empowered.Inspections.Get(f.Ctx, 1))
	require.True(t, in.Answered)
	require.Equal(t, created, at(in.CreatedHeight, in.CreatedTime))
	require.Equal(t, here(f), at(in.UpdatedHeight, in.UpdatedTime))
	require.Greater(t, in.UpdatedHeight, in.CreatedHeight)

	second := f.Escalate("gov", "users", types.PowerInspection, 0, 0)
	f.DecideAll(second, support, "dev", "fin", "gov", "ops")
	created = here(f)
	f.Advance(keepertest.ReviewPeriod)
	in = must(f.Empowered.Inspections.Get(f.Ctx, 2))
	require.True(t, in.Overdue)
	require.Equal(t, created, at(in.CreatedHeight, in.CreatedTime))
	require.Equal(t, here(f), at(in.UpdatedHeight, in.UpdatedTime))
}

// TestAuditGenesisValidate checks that an action or inspection updated (or
// an action closed) before it was created is rejected, and that zero update
// heights (records written before the fields existed) are accepted.
func TestAuditGenesisValidate(t *testing.T) {
	f := newFixture(t)
	f.Advance(time.Second)
	id := f.Escalate("dev", "ops", types.PowerInspection, 0, 0)
	f.DecideAll(id, support, "dev", "fin", "gov", "ops")
	cases := map[string]func(gs *types.GenesisState){
		"action updated":     func(gs *types.GenesisState) { gs.Actions[0].UpdatedHeight = gs.Actions[0].OpenedHeight - 1 },
		"action closed":      func(gs *types.GenesisState) { gs.Actions[0].ClosedHeight = gs.Actions[0].OpenedHeight - 1 },
		"inspection updated": func(gs *types.GenesisState) { gs.Inspections[0].UpdatedHeight = gs.Inspections[0].CreatedHeight - 1 },
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			gs := f.ExportEmpowered()
			require.NoError(t, gs.Validate(f.AddressCodec))
			edit(gs)
			requireModuleErr(t, gs.Validate(f.AddressCodec), types.ErrInvalidGenesis)
		})
	}
	gs := f.ExportEmpowered()
	gs.Actions[0].UpdatedHeight, gs.Actions[0].ClosedHeight, gs.Inspections[0].UpdatedHeight = 0, 0, 0
	require.NoError(t, gs.Validate(f.AddressCodec))
}
