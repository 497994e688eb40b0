package keeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// TestSupportRefused checks bad supports: the petitioner itself, a
// non-participant (also one that became a participant after the petition
// opened), a signer that does not act for the participant, an
// unknown action, and a support after the support stage.
func TestSupportRefused(t *testing.T) {
	f := newFixture(t)
	id := f.MustPetition("dev", types.PowerRecallBoard, 0, 0)
	requireFailsUnchanged(t, f, keepertest.SupportMsg("dev", id), types.ErrSelfSupport)
	requireFailsUnchanged(t, f, keepertest.SupportMsg("nomcom", id), types.ErrNotParticipant)
	requireFailsUnchanged(t, f, &types.MsgSupportPetition{Signer: addr("ops-chair").String(), CommunityId: "ops", ActionId: id}, types.ErrUnauthorized)
	requireFailsUnchanged(t, f, keepertest.SupportMsg("ops", 99), types.ErrNotFound)
	// security becomes a participant after the petition opened: the
	// electorate was fixed then, for support as for decisions.
	f.MustDeliver(&communitytypes.MsgSetDecisionalParticipant{Authority: f.Authority, CommunityId: "security", Decisional: true})
	requireFailsUnchanged(t, f, keepertest.SupportMsg("security", id), types.ErrNotParticipant)

	f.MustSupport("ops", id)
	requireFailsUnchanged(t, f, keepertest.SupportMsg("fin", id), types.ErrWrongStage)
}

// TestPetitionLapses checks the support window: without a second participant
// by its end the petition lapses, nobody may support it afterwards, the
// proposal it challenged goes on to ratification, and a new petition may be
// filed while the petition window lasts.
func TestPetitionLapses(t *testing.T) {
	f := newFixture(t)
	pid := standardBylaw(f)
	rule := f.EmpoweredRule(types.PowerRejectStandardBylaw)
	id := f.MustPetition("dev", types.PowerRejectStandardBylaw, pid, 0)

	f.Advance(rule.SupportPeriod - time.Second)
	require.Equal(t, types.StageSupport, f.Action(id).Stage)
	f.Advance(time.Second)
	a := f.Action(id)
	require.Equal(t, types.StageLapsed, a.Stage)
	require.Contains(t, a.Note, "no second participant")
	require.True(t, a.Deadline.IsZero())
	require.Equal(t, f.Now(), a.ClosedTime)
	require.Equal(t, []types.Stage{types.StageLapsed}, stageEvents(t, f, id))
	requireFailsUnchanged(t, f, keepertest.SupportMsg("ops", id), types.ErrWrongStage)
	requireFailsUnchanged(t, f, keepertest.StatementMsg(addr("outsider"), id, "too late"), types.ErrWrongStage)

	// The lapsed petition no longer blocks a new one.
	again := f.MustPetition("ops", types.PowerRejectStandardBylaw, pid, 0)
	require.Equal(t, id+1, again)
	f.Advance(rule.SupportPeriod)
	require.Equal(t, types.StageLapsed, f.Action(again).Stage)
	require.Equal(t, proposalstypes.StatusRatified, f.GetProposal(pid).Status, f.GetProposal(pid).Note)
	require.Equal(t, uint32(77), must(f.Keeper.GetParams(f.Ctx)).MaxTitleLength, "the unchallenged amendment executed")
}

// TestStatements checks the community forum: any account posts (members and
// accounts with no role alike) while the forum is open, and nowhere else.
func TestStatements(t *testing.T) {
	f := newFixture(t)
	id := f.MustPetition("dev", types.PowerRecallBoard, 0, 0)
	requireFailsUnchanged(t, f, keepertest.StatementMsg(addr("outsider"), id, "early"), types.ErrWrongStage)
	f.MustSupport("users", id)

	withDoc := keepertest.StatementMsg(addr("gov-member"), id, "See our analysis.")
	withDoc.Document = doc("analysis")
	f.MustDeliver(withDoc)
	f.MustPostStatement(addr("outsider"), id, "I support the recall.")
	f.MustPostStatement(addr("director-dev"), id, "The Board objects.")

	bad := func(fn func(*types.MsgPostStatement)) *types.MsgPostStatement {
		m := keepertest.StatementMsg(addr("outsider"), id, "text")
		fn(m)
		return m
	}
	requireFailsUnchanged(t, f, bad(func(m *types.MsgPostStatement) { m.Text = "" }), types.ErrRequired)
	requireFailsUnchanged(t, f, bad(func(m *types.MsgPostStatement) { m.Text = strings.Repeat("x", 10_001) }), types.ErrTextTooLong)
	requireFailsUnchanged(t, f, bad(func(m *types.MsgPostStatement) { m.Author = "polity1nope" }), types.ErrInvalidAddress)
	requireFailsUnchanged(t, f, bad(func(m *types.MsgPostStatement) { m.Document = communitytypes.Document{Uri: "https://x"} }), types.ErrInvalidDocument)
	requireFailsUnchanged(t, f, bad(func(m *types.MsgPostStatement) { m.ActionId = 99 }), types.ErrNotFound)

	sts := must(f.EmpoweredQueryServer.Statements(f.Ctx, &types.QueryStatementsRequest{Id: id})).Statements
	require.Len(t, sts, 3)
	for i, who := range []string{"gov-member", "outsider", "director-dev"} {
		require.Equal(t, uint64(i+1), sts[i].Id)
		require.Equal(t, addr(who).String(), sts[i].Author)
		require.Equal(t, f.Ctx.BlockHeight(), sts[i].Height)
	}
	require.Equal(t, doc("analysis"), sts[0].Document)

	f.Advance(f.EmpoweredRule(types.PowerRecallBoard).ForumPeriod)
	require.Equal(t, types.StageDecision, f.Action(id).Stage)
	requireFailsUnchanged(t, f, keepertest.StatementMsg(addr("outsider"), id, "late"), types.ErrWrongStage)
}

// TestRepresentativeActs checks representatives_may_act: a member holding
// the REPRESENTATIVE role acts for its community directly, and only while
// the params allow it.
func TestRepresentativeActs(t *testing.T) {
	f := newFixture(t)
	rep := addr("dev-rep")
	f.AdmitDirect("dev", rep, communitytypes.RegionEurope, communitytypes.RoleRepresentative)
	msg := keepertest.PetitionMsg("dev", types.PowerRecallBoard, 0, 0)
	msg.Signer = rep.String()
	// A representative of dev does not act for ops.
	other := keepertest.SupportMsg("ops", 1)
	other.Signer = rep.String()

	params := must(f.Empowered.GetParams(f.Ctx))
	params.RepresentativesMayAct = false
	f.MustDeliver(&types.MsgUpdateParams{Authority: f.Authority, Params: params})
	requireFailsUnchanged(t, f, msg, types.ErrUnauthorized)

	params.RepresentativesMayAct = true
	f.MustDeliver(&types.MsgUpdateParams{Authority: f.Authority, Params: params})
	id := must(f.Petition(msg))
	require.Equal(t, "dev", f.Action(id).Petitioner)
	requireFailsUnchanged(t, f, other, types.ErrUnauthorized)
}
