package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	empoweredtypes "github.com/polity-chain/polity/x/empowered/types"
	"github.com/polity-chain/polity/x/history/keeper"
	"github.com/polity-chain/polity/x/history/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

func queryServer(f *keepertest.Fixture) types.QueryServer {
	return keeper.NewQueryServer(keeper.NewKeeper(f.Proposals, f.Review, f.Empowered))
}

// paramsMsg is a standard bylaw amendment's message.
func paramsMsg(t *testing.T, f *keepertest.Fixture) *communitytypes.MsgUpdateParams {
	p, err := f.Keeper.GetParams(f.Ctx)
	require.NoError(t, err)
	p.MaxTitleLength = 77
	return &communitytypes.MsgUpdateParams{Authority: f.Authority, Params: p}
}

func steps(entries []types.HistoryEntry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Step
	}
	return out
}

// compact collapses runs of the same step, so the expected story does not
// depend on how many directors or participants acted.
func compact(s []string) []string {
	var out []string
	for _, x := range s {
		if len(out) == 0 || out[len(out)-1] != x {
			out = append(out, x)
		}
	}
	return out
}

func requireOrdered(t *testing.T, entries []types.HistoryEntry) {
	t.Helper()
	for i := 1; i < len(entries); i++ {
		require.LessOrEqual(t, entries[i-1].Height, entries[i].Height, "entry %d (%s) before entry %d (%s)",
			i-1, entries[i-1].Step, i, entries[i].Step)
	}
}

// TestHistoryOfVetoedBylaw follows a standard bylaw amendment from
// submission through a public comment, the Board's vote, a petition with a
// forum statement and every participant's decision, to its veto.
func TestHistoryOfVetoedBylaw(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	pid := f.MustSubmitProposal("dev", proposalstypes.KindStandardBylaw, paramsMsg(t, f))
	f.NextBlock(time.Minute)
	f.MustDeliver(&proposalstypes.MsgComment{Author: keepertest.Addr("outsider").String(), ProposalId: pid, Text: "please do not"})
	f.Advance(keepertest.CommentPeriod)
	require.Equal(t, proposalstypes.StatusECReview, f.BoardDecides(pid, len(keepertest.VotingDirectors)).Status)

	action := f.MustPetition("dev", empoweredtypes.PowerRejectStandardBylaw, pid, 0)
	f.MustSupport("ops", action)
	f.MustPostStatement(keepertest.Addr("outsider"), action, "the Board should pay like everyone else")
	f.Advance(f.EmpoweredRule(empoweredtypes.PowerRejectStandardBylaw).ForumPeriod)
	require.Equal(t, empoweredtypes.StageSucceeded, f.DecideAll(action, empoweredtypes.ChoiceSupport, "dev", "fin", "gov", "ops"))
	require.Equal(t, proposalstypes.StatusVetoed, f.GetProposal(pid).Status)

	res, err := queryServer(f).ProposalHistory(f.Ctx, &types.QueryProposalHistoryRequest{Id: pid})
	require.NoError(t, err)
	require.Equal(t, "PROPOSAL_STATUS_VETOED", res.Status)
	require.Equal(t, "PROPOSAL_KIND_STANDARD_BYLAW", res.Kind)
	requireOrdered(t, res.Entries)
	require.Equal(t, []string{
		types.StepSubmitted, types.StepComment, types.StepBoardVoteOpened, types.StepBoardVote, types.StepBoardDecided,
		types.StepPetition, types.StepStatement, types.StepDecision, types.StepActionClosed, types.StepDecided,
	}, compact(steps(res.Entries)))

	byStep := map[string][]types.HistoryEntry{}
	for _, e := range res.Entries {
		byStep[e.Step] = append(byStep[e.Step], e)
		require.NotZero(t, e.Height, e.Step)
		require.False(t, e.Time.IsZero(), e.Step)
	}
	require.Len(t, byStep[types.StepBoardVote], int(f.GetProposal(pid).BoardTally.Yes), "each director's vote")
	for _, v := range byStep[types.StepBoardVote] {
		require.Contains(t, v.Detail, "voted YES")
		require.Equal(t, sdk.MsgTypeURL(&proposalstypes.MsgBoardVote{}), v.MsgType)
	}
	var deciders []string
	for _, d := range byStep[types.StepDecision] {
		deciders = append(deciders, d.Actor)
		require.Contains(t, d.Detail, "SUPPORT")
	}
	require.Equal(t, []string{"dev", "fin", "gov", "ops"}, deciders, "each participant's decision, in the order made")
	petition := byStep[types.StepPetition][0]
	require.Equal(t, "dev", petition.Actor)
	require.Contains(t, petition.Detail, "supported by ops")
	require.Equal(t, "action/1", petition.Ref)
	require.Equal(t, keepertest.Addr("outsider").String(), byStep[types.StepComment][0].Actor)
	require.Contains(t, byStep[types.StepDecided][0].Detail, "VETOED")
	require.Empty(t, byStep[types.StepDecided][0].MsgType, "the veto is the chain's own step")
}

// TestHistoryOfChallengedProposal: an IRP filed against a proposal in its
// window, with interim relief, shows as filing and a hold in force.
func TestHistoryOfChallengedProposal(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	pid := f.ToECPhase("dev", proposalstypes.KindStandardBylaw, paramsMsg(t, f))
	msg := keepertest.FileIRPMsg(app.EmpoweredAuthority.String(), reviewtypes.ClaimantEmpowered, pid)
	msg.InterimRelief = true
	irp := f.MustFileIRP(msg)

	res, err := queryServer(f).ProposalHistory(f.Ctx, &types.QueryProposalHistoryRequest{Id: pid})
	require.NoError(t, err)
	requireOrdered(t, res.Entries)
	last := res.Entries[len(res.Entries)-2:]
	require.Equal(t, []string{types.StepIRPFiled, types.StepHold}, steps(last))
	require.Contains(t, last[0].Detail, "interim relief")
	require.Equal(t, "irp/1", last[0].Ref)
	require.Equal(t, uint64(1), irp)
	require.Equal(t, "hold/irp/1", last[1].Ref)
	require.Equal(t, f.Ctx.BlockHeight(), last[0].Height)
}

// TestHistoryErrors: a missing id and an unknown proposal are refused with
// x/history's registered errors, as gRPC InvalidArgument and NotFound (REST
// 400 and 404).
func TestHistoryErrors(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	q := queryServer(f)
	for _, c := range []struct {
		req  *types.QueryProposalHistoryRequest
		code codes.Code
		msg  string
	}{
		{&types.QueryProposalHistoryRequest{}, codes.InvalidArgument, types.ErrInvalidRequest.Error()},
		{nil, codes.InvalidArgument, types.ErrInvalidRequest.Error()},
		{&types.QueryProposalHistoryRequest{Id: 99}, codes.NotFound, "proposal 99: " + types.ErrProposalNotFound.Error()},
	} {
		_, err := q.ProposalHistory(f.Ctx, c.req)
		require.Equal(t, c.code, status.Code(err), "%v", err)
		require.Contains(t, status.Convert(err).Message(), c.msg)
	}
}

// TestStepOrderCoversEverySteps: every step has a within-block rank.
func TestStepOrderCoversEverySteps(t *testing.T) {
	seen := map[int]bool{}
	for _, s := range types.Steps() {
		r := types.StepRank(s)
		require.Less(t, r, len(types.Steps()), s)
		require.False(t, seen[r], s)
		seen[r] = true
	}
}
