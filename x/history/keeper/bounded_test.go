package keeper_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/history/keeper"
	"github.com/polity-chain/polity/x/history/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// refsOf lists the refs of a story's entries of one step.
func refsOf(entries []types.HistoryEntry, step string) []string {
	var out []string
	for _, e := range entries {
		if e.Step == step {
			out = append(out, e.Ref)
		}
	}
	return out
}

// TestHistoryReadsOnlyItsProposal: with cases on two proposals, each story
// tells its own reconsideration and emergency (found through x/review's
// proposal and target indexes) and none of the other's.
func TestHistoryReadsOnlyItsProposal(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	first := f.BylawInECWindow(paramsMsg(t, f))
	second := f.BylawInECWindow(paramsMsg(t, f))
	file := func(pid uint64) uint64 {
		msg := &reviewtypes.MsgFileReconsideration{Requester: keepertest.Addr("outsider").String(), ProposalId: pid,
			Grounds: "material information was ignored", Request: keepertest.Doc("reconsider")}
		f.Fund(keepertest.Addr("outsider"), f.ReviewParams().ReconsiderationDeposit)
		f.MustDeliver(msg)
		return pid
	}
	file(second)
	file(first)
	f.SetBoardChair("director-ops")
	emergency, err := f.TakeEmergency(keepertest.EmergencyMsg("director-ops", reviewtypes.EmergencySuspendProposal, strconv.FormatUint(first, 10)))
	require.NoError(t, err)

	q := queryServer(f)
	one, err := q.ProposalHistory(f.Ctx, &types.QueryProposalHistoryRequest{Id: first})
	require.NoError(t, err)
	two, err := q.ProposalHistory(f.Ctx, &types.QueryProposalHistoryRequest{Id: second})
	require.NoError(t, err)
	require.Equal(t, []string{"reconsideration/2"}, refsOf(one.Entries, types.StepReconsiderationFiled))
	require.Equal(t, []string{"reconsideration/1"}, refsOf(two.Entries, types.StepReconsiderationFiled))
	require.Equal(t, []string{fmt.Sprintf("emergency/%d", emergency)}, refsOf(one.Entries, types.StepEmergency))
	require.Empty(t, refsOf(two.Entries, types.StepEmergency))
}

// TestHistoryCapsComments: a proposal with more public comments than the
// story lists shows the first MaxListedComments and one entry saying where
// to page through the rest.
func TestHistoryCapsComments(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	pid := f.MustSubmitProposal("dev", proposalstypes.KindStandardBylaw, paramsMsg(t, f))
	for i := range keeper.MaxListedComments + 3 {
		f.MustDeliver(&proposalstypes.MsgComment{Author: keepertest.Addr(fmt.Sprintf("commenter-%d", i)).String(), ProposalId: pid, Text: "a comment"})
	}
	res, err := queryServer(f).ProposalHistory(f.Ctx, &types.QueryProposalHistoryRequest{Id: pid})
	require.NoError(t, err)
	comments := refsOf(res.Entries, types.StepComment)
	require.Len(t, comments, keeper.MaxListedComments+1)
	require.Equal(t, fmt.Sprintf("proposal/%d/comments", pid), comments[len(comments)-1])
	last := res.Entries[len(res.Entries)-1]
	require.Contains(t, last.Detail, fmt.Sprintf("/polity/proposals/v1/proposals/%d/comments", pid))
}

// TestHistoryOfAdviceAndItsAnswer: advice on a proposal (found through the
// advice's proposal index) and the Board's answer show in the proposal's
// story; the answering resolution's own story says which advice it answered
// (read from its messages).
func TestHistoryOfAdviceAndItsAnswer(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	pid := f.MustSubmitProposal("dev", proposalstypes.KindPolicy)
	other := f.MustSubmitProposal("dev", proposalstypes.KindPolicy)
	advice := f.MustAdvise("users", pid, false)
	f.MustAdvise("users", other, false)
	resolution := f.PassResolution(f.RespondMsg(advice, proposalstypes.ResponseAccepted))

	q := queryServer(f)
	story, err := q.ProposalHistory(f.Ctx, &types.QueryProposalHistoryRequest{Id: pid})
	require.NoError(t, err)
	require.Equal(t, []string{fmt.Sprintf("advice/%d", advice)}, refsOf(story.Entries, types.StepAdvice), "only this proposal's advice")
	answered := refsOf(story.Entries, types.StepAdviceAnswered)
	require.Equal(t, []string{fmt.Sprintf("advice/%d", advice)}, answered)

	res, err := q.ProposalHistory(f.Ctx, &types.QueryProposalHistoryRequest{Id: resolution})
	require.NoError(t, err)
	require.Equal(t, []string{fmt.Sprintf("advice/%d", advice)}, refsOf(res.Entries, types.StepAnswersAdvice))
	for _, e := range res.Entries {
		if e.Step == types.StepAnswersAdvice {
			require.Contains(t, e.Detail, "ACCEPTED")
		}
	}
}

// TestHistoryOfLiftedEmergencyAndDecidedReconsideration: an emergency
// suspension lifted by resolution, and a reconsideration the Board decided,
// each close in the proposal's story.
func TestHistoryOfLiftedEmergencyAndDecidedReconsideration(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	pid := f.BylawInECWindow(paramsMsg(t, f))
	f.Fund(keepertest.Addr("outsider"), f.ReviewParams().ReconsiderationDeposit)
	f.MustDeliver(&reviewtypes.MsgFileReconsideration{Requester: keepertest.Addr("outsider").String(), ProposalId: pid,
		Grounds: "material information was ignored", Request: keepertest.Doc("reconsider")})
	f.SetBoardChair("director-ops")
	emergency, err := f.TakeEmergency(keepertest.EmergencyMsg("director-ops", reviewtypes.EmergencySuspendProposal, strconv.FormatUint(pid, 10)))
	require.NoError(t, err)
	f.PassResolution(&reviewtypes.MsgLiftEmergency{Authority: f.Authority, EmergencyId: emergency})
	f.Advance(f.ReviewParams().ReconsiderationPeriod) // no evaluation: the Board decides after the deadline
	f.PassResolution(&reviewtypes.MsgDecideReconsideration{Authority: f.Authority, ReconsiderationId: 1, Grant: false,
		Decision: keepertest.Doc("decision")})

	story, err := queryServer(f).ProposalHistory(f.Ctx, &types.QueryProposalHistoryRequest{Id: pid})
	require.NoError(t, err)
	require.Equal(t, []string{fmt.Sprintf("emergency/%d", emergency)}, refsOf(story.Entries, types.StepEmergencyEnded))
	require.Equal(t, []string{"reconsideration/1"}, refsOf(story.Entries, types.StepReconsiderationClosed))
	requireOrdered(t, story.Entries)
}
