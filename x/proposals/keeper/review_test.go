package keeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/proposals/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// stay is a MsgStayProposal of the independent review address for the hold
// of IRP case 1.
func stay(id uint64, on bool) *types.MsgStayProposal {
	return stayFrom(id, on, "irp/1")
}

// stayFrom places or releases the hold of one source.
func stayFrom(id uint64, on bool, source string) *types.MsgStayProposal {
	return &types.MsgStayProposal{Authority: review(), ProposalId: id, Stay: on, Reason: "interim relief", Source: source}
}

// annul is a MsgAnnulProposal of the independent review address.
func annul(id uint64) *types.MsgAnnulProposal {
	return &types.MsgAnnulProposal{Authority: review(), ProposalId: id, Reason: "declaration upheld"}
}

// stayStatus delivers a stay and returns the status it reports.
func stayStatus(t *testing.T, f *keepertest.Fixture, msg *types.MsgStayProposal) types.ProposalStatus {
	t.Helper()
	res := f.MustDeliver(msg)
	var resp types.MsgStayProposalResponse
	require.NoError(t, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	return resp.Status
}

// TestStay checks that only independent review stays, that a stayed
// proposal the Board approves waits as APPROVED without executing, and that
// lifting the stay executes it at once.
func TestStay(t *testing.T) {
	f := newAccountabilityFixture(t)
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution, appointPanelist(f))
	for _, who := range []string{empowered(), f.Authority, addr("director-dev").String()} {
		msg := stay(id, true)
		msg.Authority = who
		requireFailsUnchanged(t, f, msg, types.ErrUnauthorized)
	}
	requireFailsUnchanged(t, f, stay(99, true), types.ErrProposalNotFound)
	requireFailsUnchanged(t, f, stay(id, false), types.ErrHoldNotFound) // not held
	for _, source := range []string{"", "irp", "irp/", "irp/0", "irp/01", "IRP/1", "irp/x", "/1", strings.Repeat("a", 64) + "/1"} {
		requireFailsUnchanged(t, f, stayFrom(id, true, source), types.ErrInvalidHoldSource)
	}

	f.ResetEvents()
	require.Equal(t, types.StatusBoardVote, stayStatus(t, f, stay(id, true)))
	require.True(t, f.GetProposal(id).Stayed)
	ev := requireEvent[*types.EventProposalStayed](t, f)
	require.True(t, ev.Stayed)
	require.Equal(t, "interim relief", ev.Reason)
	require.Equal(t, "irp/1", ev.Source)
	require.True(t, ev.Placed)
	require.Equal(t, uint32(1), ev.HoldCount)
	requireFailsUnchanged(t, f, stay(id, true), types.ErrHoldExists) // already held by this source

	require.Equal(t, types.StatusECReview, f.BoardDecides(id, 7).Status)
	p := throughChallenge(t, f, id)
	require.Equal(t, types.StatusApproved, p.Status)
	require.False(t, panelistAppointed(t, f), "a stayed proposal does not execute")
	f.Advance(keepertest.VotingPeriod + keepertest.AdvicePeriod)
	require.Equal(t, types.StatusApproved, f.GetProposal(id).Status, "APPROVED waits for the stay, not for a deadline")

	require.Equal(t, types.StatusQueued, stayStatus(t, f, stay(id, false)), "the release queues it")
	require.False(t, panelistAppointed(t, f), "not executed in the release's transaction")
	f.EndBlockProposals()
	require.Equal(t, types.StatusRatified, f.GetProposal(id).Status)
	require.True(t, panelistAppointed(t, f), "executed at the end of the block the stay was lifted in")
	require.False(t, f.GetProposal(id).Stayed)
	requireFailsUnchanged(t, f, stay(id, true), types.ErrWrongPhase) // executed: too late
}

// TestHoldsPerSource checks that holds are kept per source: releasing one
// source's hold (an emergency suspension lifted, a second case's stay
// withdrawn) leaves another's in force, the proposal executes only when the
// last is released, and the holds are listed by the query.
func TestHoldsPerSource(t *testing.T) {
	f := newAccountabilityFixture(t)
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution, appointPanelist(f))
	f.MustDeliver(stayFrom(id, true, "irp/1"))
	f.MustDeliver(stayFrom(id, true, "emergency/4"))
	f.MustDeliver(stayFrom(id, true, "irp/2"))
	require.Equal(t, uint32(3), f.GetProposal(id).HoldCount)

	q := f.ProposalsQueryServer
	res, err := q.ProposalHolds(f.Ctx, &types.QueryProposalHoldsRequest{Id: id})
	require.NoError(t, err)
	var sources []string
	for _, h := range res.Holds {
		require.Equal(t, review(), h.Holder)
		sources = append(sources, h.Source)
	}
	require.Equal(t, []string{"emergency/4", "irp/1", "irp/2"}, sources)

	require.Equal(t, types.StatusECReview, f.BoardDecides(id, 7).Status)
	require.Equal(t, types.StatusApproved, throughChallenge(t, f, id).Status)
	require.Equal(t, types.StatusApproved, stayStatus(t, f, stayFrom(id, false, "emergency/4")), "the suspension's lift leaves the cases' holds")
	require.Equal(t, types.StatusApproved, stayStatus(t, f, stayFrom(id, false, "irp/2")), "a second case's release leaves the first's")
	require.False(t, panelistAppointed(t, f), "a held proposal does not execute")
	requireFailsUnchanged(t, f, stayFrom(id, false, "irp/2"), types.ErrHoldNotFound)
	p := f.GetProposal(id)
	require.True(t, p.Stayed)
	require.Equal(t, uint32(1), p.HoldCount)

	require.Equal(t, types.StatusQueued, stayStatus(t, f, stayFrom(id, false, "irp/1")))
	f.EndBlockProposals()
	require.True(t, panelistAppointed(t, f), "executed when the last hold was released")
	res, err = q.ProposalHolds(f.Ctx, &types.QueryProposalHoldsRequest{Id: id})
	require.NoError(t, err)
	require.Empty(t, res.Holds)
}

// TestHoldReleasedAfterClose checks that a source can release its hold on a
// proposal that closed while it was held (here returned by another case), so
// that its own record can close.
func TestHoldReleasedAfterClose(t *testing.T) {
	f := newFixture(t)
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	f.MustDeliver(stayFrom(id, true, "irp/1"))
	f.MustDeliver(stayFrom(id, true, "irp/2"))
	f.MustDeliver(annul(id))
	require.Equal(t, types.StatusReturned, stayStatus(t, f, stayFrom(id, false, "irp/2")))
	p := f.GetProposal(id)
	require.Equal(t, uint32(1), p.HoldCount)
	requireFailsUnchanged(t, f, stayFrom(id, true, "irp/3"), types.ErrWrongPhase)
}

// TestStayedECPhases checks a stay over an Empowered Community phase: an
// elapsed rejection window or an approval leaves the proposal APPROVED until
// the stay is lifted.
func TestStayedECPhases(t *testing.T) {
	f := newFixture(t)
	window := toECReview(t, f, types.KindStandardBylaw, communityParamsMsg(f))
	approval := toECReview(t, f, types.KindFundamentalBylaw)
	f.MustDeliver(stay(window, true))
	f.MustDeliver(stay(approval, true))

	f.Advance(keepertest.ECPeriod)
	require.Equal(t, types.StatusApproved, f.GetProposal(window).Status)
	require.NotEqual(t, uint32(77), must(f.Keeper.GetParams(f.Ctx)).MaxTitleLength)
	require.Equal(t, types.StatusExpired, f.GetProposal(approval).Status, "a stay does not stop the approval deadline")

	approval = toECReview(t, f, types.KindFundamentalBylaw)
	f.MustDeliver(stay(approval, true))
	f.MustDeliver(&types.MsgApproveProposal{Authority: empowered(), ProposalId: approval})
	require.Equal(t, types.StatusApproved, f.GetProposal(approval).Status)

	require.Equal(t, types.StatusQueued, stayStatus(t, f, stay(window, false)))
	require.Equal(t, types.StatusQueued, stayStatus(t, f, stay(approval, false)))
	f.EndBlockProposals()
	require.Equal(t, uint32(77), must(f.Keeper.GetParams(f.Ctx)).MaxTitleLength)
	require.Equal(t, types.StatusRatified, f.GetProposal(window).Status)
	require.Equal(t, types.StatusRatified, f.GetProposal(approval).Status)
}

// TestAnnul checks that independent review returns any proposal not yet
// executed to the Board, and nothing after.
func TestAnnul(t *testing.T) {
	f := newFixture(t)
	ec := toECReview(t, f, types.KindBudget)
	comment := f.MustSubmitProposal("dev", types.KindPolicy)
	vote := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	approved := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	f.MustDeliver(stay(approved, true))
	require.Equal(t, types.StatusApproved, f.BoardDecides(approved, 7).Status)
	ratified := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	require.Equal(t, types.StatusRatified, f.BoardDecides(ratified, 7).Status)

	bad := annul(vote)
	bad.Authority = empowered()
	requireFailsUnchanged(t, f, bad, types.ErrUnauthorized)
	bad = annul(vote)
	bad.Reason = ""
	requireFailsUnchanged(t, f, bad, types.ErrRequired)
	requireFailsUnchanged(t, f, annul(99), types.ErrProposalNotFound)
	requireFailsUnchanged(t, f, annul(ratified), types.ErrWrongPhase)

	for _, id := range []uint64{comment, vote, ec, approved} {
		f.MustDeliver(annul(id))
		p := f.GetProposal(id)
		require.Equal(t, types.StatusReturned, p.Status)
		require.Contains(t, p.Note, "declaration upheld")
		requireFailsUnchanged(t, f, annul(id), types.ErrWrongPhase)
	}
	f.Advance(keepertest.ECPeriod + keepertest.CommentPeriod)
	for _, id := range []uint64{comment, vote, ec, approved} {
		require.Equal(t, types.StatusReturned, f.GetProposal(id).Status, "its deadline left the queue")
	}
}

// decideQueued has four of seven directors pass a Board resolution carrying
// msgs (none that need an Empowered Community phase) and concludes the
// settled vote as EndBlock does first, which leaves it QUEUED: its messages
// have not run.
func decideQueued(t *testing.T, f *keepertest.Fixture, msgs ...sdk.Msg) uint64 {
	t.Helper()
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution, msgs...)
	for _, d := range keepertest.VotingDirectors[:4] {
		f.MustBoardVote(d, id, yes)
	}
	f.ConcludeSettled()
	require.Equal(t, types.StatusQueued, f.GetProposal(id).Status)
	return id
}

// TestQueuedHeldOrAnnulled checks that checks and balances still reach a
// QUEUED proposal before the block ends: a hold takes it out of the
// execution queue back to APPROVED (holds win over execution) and it does not
// execute; an annulment returns it to the Board like an APPROVED one.
func TestQueuedHeldOrAnnulled(t *testing.T) {
	f := newFixture(t)
	advice := f.MustAdvise("users", 0, false)
	held := decideQueued(t, f, f.RespondMsg(advice, types.ResponseAccepted))
	require.Equal(t, types.StatusApproved, stayStatus(t, f, stay(held, true)))
	has, err := f.Proposals.ExecutionQueue.Has(f.Ctx, held)
	require.NoError(t, err)
	require.False(t, has, "the hold took it out of the execution queue")

	annulled := decideQueued(t, f)
	f.MustDeliver(annul(annulled))
	p := f.GetProposal(annulled)
	require.Equal(t, types.StatusReturned, p.Status)
	require.Zero(t, p.ExecutedHeight)

	f.EndBlockProposals()
	require.Equal(t, types.StatusApproved, f.GetProposal(held).Status)
	require.NotEqual(t, types.AdviceAnswered, f.GetAdvice(advice).Status, "a held proposal does not execute")
	require.Equal(t, types.StatusReturned, f.GetProposal(annulled).Status)
	keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Proposals))

	f.NextBlock(time.Minute)
	require.Equal(t, types.StatusQueued, stayStatus(t, f, stay(held, false)))
	f.EndBlockProposals()
	p = f.GetProposal(held)
	require.Equal(t, types.StatusRatified, p.Status)
	require.Equal(t, f.Ctx.BlockHeight(), p.ExecutedHeight)
	require.Equal(t, types.AdviceAnswered, f.GetAdvice(advice).Status)
}
