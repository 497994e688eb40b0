package keeper_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/polity-chain/polity/app"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// hookRecorder is an Empowered Community stand-in that records the
// proposals handed to it; err, when set, is returned to the caller, and
// challengedUntil, when set, reports an EC action under way until then.
type hookRecorder struct {
	seen            []types.Proposal
	err             error
	challengedUntil time.Time
}

// Challenge implements types.EmpoweredHooks.
func (h *hookRecorder) Challenge(_ context.Context, _ uint64) (time.Time, bool, error) {
	return h.challengedUntil, !h.challengedUntil.IsZero(), nil
}

// AfterBoardApproval implements types.EmpoweredHooks.
func (h *hookRecorder) AfterBoardApproval(_ context.Context, p types.Proposal) error {
	h.seen = append(h.seen, p)
	return h.err
}

// errHookRefused is a registered error of a would-be x/empowered.
var errHookRefused = errorsmod.Register("testhooks", 2, "refused by the hook")

// toECReview submits a community proposal, ends its comment period and has
// every voting director approve it.
func toECReview(t *testing.T, f *keepertest.Fixture, kind types.ProposalKind, msgs ...sdk.Msg) uint64 {
	t.Helper()
	id := f.MustSubmitProposal("dev", kind, msgs...)
	f.Advance(keepertest.CommentPeriod)
	p := f.BoardDecides(id, 7)
	require.Equal(t, types.StatusECReview, p.Status, p.Note)
	require.Equal(t, f.Now().Add(keepertest.ECPeriod), p.EcDeadline)
	require.Equal(t, p.EcDeadline, p.Deadline)
	return id
}

// treasurySpend is a BUDGET proposal's message: the governance account pays.
func treasurySpend(f *keepertest.Fixture, to string) *banktypes.MsgSend {
	return &banktypes.MsgSend{FromAddress: f.Authority, ToAddress: addr(to).String(), Amount: treasuryCoins}
}

// TestRejectionWindowRatifies checks a standard bylaw amendment: the Board's
// two-thirds approval opens the EC's rejection window (and calls the hook),
// and the proposal executes when the window elapses untouched.
func TestRejectionWindowRatifies(t *testing.T) {
	f := newFixture(t)
	hooks := &hookRecorder{}
	f.Proposals.SetHooks(hooks)
	id := toECReview(t, f, types.KindStandardBylaw, communityParamsMsg(f))
	p := f.GetProposal(id)
	require.Equal(t, uint64(5), p.BoardTally.Yes, "two-thirds of seven takes five")
	require.Len(t, hooks.seen, 1)
	require.Equal(t, id, hooks.seen[0].Id)
	require.Equal(t, types.StatusECReview, hooks.seen[0].Status)
	require.NotEqual(t, uint32(77), must(f.Keeper.GetParams(f.Ctx)).MaxTitleLength, "not executed yet")

	f.Advance(keepertest.ECPeriod - time.Second)
	require.Equal(t, types.StatusECReview, f.GetProposal(id).Status)
	f.Advance(time.Second)
	require.Equal(t, types.StatusRatified, f.GetProposal(id).Status)
	require.Equal(t, uint32(77), must(f.Keeper.GetParams(f.Ctx)).MaxTitleLength, "x/community params changed")
	require.Len(t, hooks.seen, 1, "the hook runs once")
}

// TestChallengeHoldsWindow checks that an Empowered Community action under
// way when the rejection window ends keeps the proposal in EC_REVIEW until
// the action's stage ends.
func TestChallengeHoldsWindow(t *testing.T) {
	f := newFixture(t)
	hooks := &hookRecorder{}
	f.Proposals.SetHooks(hooks)
	id := toECReview(t, f, types.KindStandardBylaw, communityParamsMsg(f))
	hooks.challengedUntil = f.GetProposal(id).EcDeadline.Add(time.Hour)
	f.Advance(keepertest.ECPeriod)
	p := f.GetProposal(id)
	require.Equal(t, types.StatusECReview, p.Status)
	require.Equal(t, hooks.challengedUntil, p.Deadline)
	hooks.challengedUntil = time.Time{}
	f.Advance(time.Hour)
	require.Equal(t, types.StatusRatified, f.GetProposal(id).Status)
}

// TestVeto checks that only the Empowered Community vetoes, only in an open
// rejection window, and that a vetoed proposal never executes.
func TestVeto(t *testing.T) {
	f := newFixture(t)
	f.Fund(app.GovernanceAuthority, treasuryCoins)
	id := toECReview(t, f, types.KindBudget, treasurySpend(f, "grantee"))
	veto := func(authority string, id uint64, reason string) *types.MsgVetoProposal {
		return &types.MsgVetoProposal{Authority: authority, ProposalId: id, Reason: reason}
	}
	for _, who := range []string{f.Authority, review(), body("dev"), addr("director-dev").String()} {
		requireFailsUnchanged(t, f, veto(who, id, "no"), types.ErrUnauthorized)
	}
	requireFailsUnchanged(t, f, veto(empowered(), 99, "no"), types.ErrProposalNotFound)
	requireFailsUnchanged(t, f, veto(empowered(), id, strings.Repeat("r", 10_001)), types.ErrTextTooLong)

	f.MustDeliver(veto(empowered(), id, "over budget"))
	p := f.GetProposal(id)
	require.Equal(t, types.StatusVetoed, p.Status)
	require.Contains(t, p.Note, "over budget")
	requireFailsUnchanged(t, f, veto(empowered(), id, "again"), types.ErrWrongPhase)
	f.Advance(keepertest.ECPeriod)
	require.Equal(t, types.StatusVetoed, f.GetProposal(id).Status)
	require.True(t, f.BankKeeper.GetAllBalances(f.Ctx, addr("grantee")).IsZero(), "the treasury was not spent")

	// No window is open before the Board decides, nor for an approval.
	open := f.MustSubmitProposal("dev", types.KindBudget)
	requireFailsUnchanged(t, f, veto(empowered(), open, "early"), types.ErrWrongPhase)
	fundamental := toECReview(t, f, types.KindFundamentalBylaw)
	requireFailsUnchanged(t, f, veto(empowered(), fundamental, "wrong power"), types.ErrWrongPhase)
}

// TestBudgetSpendsTreasury checks a budget that survives its window: the
// governance account pays, and the budget document is registered.
func TestBudgetSpendsTreasury(t *testing.T) {
	f := newFixture(t)
	f.Fund(app.GovernanceAuthority, treasuryCoins)
	id := toECReview(t, f, types.KindBudget, treasurySpend(f, "grantee"))
	f.Advance(keepertest.ECPeriod)
	p := f.GetProposal(id)
	require.Equal(t, types.StatusRatified, p.Status, p.Note)
	require.Equal(t, treasuryCoins, f.BankKeeper.GetAllBalances(f.Ctx, addr("grantee")))
	require.True(t, f.BankKeeper.GetAllBalances(f.Ctx, app.GovernanceAuthority).IsZero())
	require.Equal(t, []uint64{1}, p.RegistryVersions)
}

// TestApprovalRequired checks a fundamental bylaw amendment: it executes
// only on the Empowered Community's approval.
func TestApprovalRequired(t *testing.T) {
	f := newFixture(t)
	hooks := &hookRecorder{}
	f.Proposals.SetHooks(hooks)
	params := types.DefaultParams()
	params.MaxTitleLength = 100
	update := &types.MsgUpdateParams{Authority: f.Authority, Params: params}
	id := toECReview(t, f, types.KindFundamentalBylaw, update)
	require.Equal(t, uint64(6), f.GetProposal(id).BoardTally.Yes, "three-quarters of seven takes six")
	require.Equal(t, "0.75", f.GetProposal(id).BoardThreshold)
	require.Len(t, hooks.seen, 1)

	approve := func(authority string, id uint64) *types.MsgApproveProposal {
		return &types.MsgApproveProposal{Authority: authority, ProposalId: id}
	}
	for _, who := range []string{f.Authority, review(), body("users")} {
		requireFailsUnchanged(t, f, approve(who, id), types.ErrUnauthorized)
	}
	requireFailsUnchanged(t, f, approve(empowered(), 99), types.ErrProposalNotFound)
	window := toECReview(t, f, types.KindStandardBylaw)
	requireFailsUnchanged(t, f, approve(empowered(), window), types.ErrWrongPhase)

	res := f.MustDeliver(approve(empowered(), id))
	var resp types.MsgApproveProposalResponse
	require.NoError(t, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	require.Equal(t, types.StatusQueued, resp.Status, "the approval queues it; nothing runs in the EC's transaction")
	require.NotEqual(t, uint32(100), must(f.Proposals.GetParams(f.Ctx)).MaxTitleLength, "not yet executed")
	requireFailsUnchanged(t, f, approve(empowered(), id), types.ErrWrongPhase)
	f.EndBlockProposals()
	require.Equal(t, types.StatusRatified, f.GetProposal(id).Status)
	require.Equal(t, uint32(100), must(f.Proposals.GetParams(f.Ctx)).MaxTitleLength, "x/proposals params changed")
	requireFailsUnchanged(t, f, approve(empowered(), id), types.ErrWrongPhase)
}

// TestApprovalExpires checks that an approval that does not arrive by the
// deadline expires the proposal, unexecuted.
func TestApprovalExpires(t *testing.T) {
	f := newFixture(t)
	params := types.DefaultParams()
	params.MaxTitleLength = 100
	id := toECReview(t, f, types.KindFundamentalBylaw, &types.MsgUpdateParams{Authority: f.Authority, Params: params})
	f.Advance(keepertest.ECPeriod - time.Second)
	require.Equal(t, types.StatusECReview, f.GetProposal(id).Status)
	f.Advance(time.Second)
	p := f.GetProposal(id)
	require.Equal(t, types.StatusExpired, p.Status)
	require.Contains(t, p.Note, "did not approve")
	require.Equal(t, uint32(256), must(f.Proposals.GetParams(f.Ctx)).MaxTitleLength)
	requireFailsUnchanged(t, f, &types.MsgApproveProposal{Authority: empowered(), ProposalId: id}, types.ErrWrongPhase)
}

// TestHooks checks that a resolution taking effect at once (it carries no
// message) never reaches the hook, and
// that a hook's error fails the deciding vote without a trace.
func TestHooks(t *testing.T) {
	f := newFixture(t)
	hooks := &hookRecorder{}
	f.Proposals.SetHooks(hooks)
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	require.Equal(t, types.StatusRatified, f.BoardDecides(id, 7).Status)
	require.Empty(t, hooks.seen)

	hooks.err = errHookRefused
	id = f.MustSubmitProposal("dev", types.KindBudget)
	f.Advance(keepertest.CommentPeriod)
	for _, d := range keepertest.VotingDirectors[:3] {
		f.MustBoardVote(d, id, yes)
	}
	// The deciding vote settles the vote; the hook runs as the block ends,
	// and its refusal closes the proposal with the reason, not the block.
	f.MustBoardVote("director-users", id, yes)
	require.Empty(t, hooks.seen)
	f.EndBlockProposals()
	require.Len(t, hooks.seen, 1)
	p := f.GetProposal(id)
	require.Equal(t, types.StatusExecutionFailed, p.Status)
	require.Contains(t, p.Note, errHookRefused.Error())
}

// must unwraps a value, panicking on error (test setup only).
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestHooksSetOnce: the Empowered Community's hooks are wired once; a second
// SetHooks is a wiring error (as in x/gov), never a silent swap.
func TestHooksSetOnce(t *testing.T) {
	f := newFixture(t)
	f.Proposals.SetHooks(&hookRecorder{})
	require.Panics(t, func() { f.Proposals.SetHooks(&hookRecorder{}) })

	wired := keepertest.NewConstitutionFixture(t) // hooks installed as in the app
	require.Panics(t, func() { wired.Proposals.SetHooks(&hookRecorder{}) })
}

// TestOutcomeIndependentOfWiring checks that the rules never depend on
// whether hooks are wired: the same proposals reach the same states, notes,
// deadlines and effects with no hooks as with hooks that have nothing to
// report (no Empowered Community action under way).
func TestOutcomeIndependentOfWiring(t *testing.T) {
	run := func(f *keepertest.Fixture) string {
		f.Fund(app.GovernanceAuthority, treasuryCoins)
		window := toECReview(t, f, types.KindBudget, treasurySpend(f, "grantee"))
		approval := toECReview(t, f, types.KindFundamentalBylaw)
		f.Advance(keepertest.ECPeriod)
		require.Equal(t, types.StatusRatified, f.GetProposal(window).Status)
		require.Equal(t, types.StatusExpired, f.GetProposal(approval).Status)
		return string(f.ExportProposalsJSON()) + "\n" + f.BankKeeper.GetAllBalances(f.Ctx, addr("grantee")).String()
	}
	unwired := run(newFixture(t))
	withListener := newFixture(t)
	withListener.Proposals.SetHooks(&hookRecorder{})
	require.Equal(t, unwired, run(withListener))
}
