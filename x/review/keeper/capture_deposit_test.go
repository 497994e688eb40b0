package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/review/types"
)

// Capture path: open-door spam. Reconsideration requests and complaints
// carry a refundable deposit, refunded when the filing is evaluated or closed
// normally and kept (sent to the governance treasury) when it is dismissed as
// frivolous.

// coins is an amount of the fee denomination.
func coins(n int64) sdk.Coins { return sdk.NewCoins(sdk.NewInt64Coin("upolity", n)) }

// treasury is the governance account's balance, where kept deposits go.
func treasury(f *keepertest.Fixture) int64 { return balance(f, app.GovernanceAuthority) }

// TestCaptureReconsiderationNeedsDeposit: an account that cannot pay the
// reconsideration deposit is refused with ErrDepositUnpaid before anything is
// written; one that pays files, and the module account holds the deposit
// (EventDepositChanged HELD). The Empowered Community's community request
// pays none.
func TestCaptureReconsiderationNeedsDeposit(t *testing.T) {
	f := newFixture(t)
	proposal := f.BylawInECWindow()
	dep := f.ReviewParams().ReconsiderationDeposit
	require.False(t, dep.IsZero(), "the default constitution sets a reconsideration deposit")
	outsider := addr("outsider")

	err := f.RequireFailsUnchanged(t, reconsiderationMsg(proposal), types.ErrDepositUnpaid, state(f))
	require.Contains(t, err.Error(), dep.String(), "the refusal names the deposit")
	f.Fund(outsider, dep.Sub(coins(1)...))
	requireFailsUnchanged(t, f, reconsiderationMsg(proposal), types.ErrDepositUnpaid)

	f.Fund(outsider, coins(1))
	held := balance(f, app.ReviewAuthority)
	f.ResetEvents()
	res := f.MustDeliver(reconsiderationMsg(proposal))
	var resp types.MsgFileReconsiderationResponse
	require.NoError(t, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	r := must(f.Review.Reconsiderations.Get(f.Ctx, resp.ReconsiderationId))
	require.Equal(t, dep, r.Deposit)
	require.Equal(t, types.DepositHeld, r.DepositStatus)
	require.Zero(t, balance(f, outsider))
	require.Equal(t, held+dep[0].Amount.Int64(), balance(f, app.ReviewAuthority))
	require.Equal(t, types.EventDepositChanged{Filing: "reconsideration", Id: r.Id, Depositor: name("outsider"), Amount: dep, Status: types.DepositHeld},
		*requireEvent[*types.EventDepositChanged](t, f))

	// a second request with the deposit spent is refused, unchanged
	requireFailsUnchanged(t, f, reconsiderationMsg(proposal), types.ErrDepositUnpaid)

	// the Empowered Community (a community reconsideration) pays nothing
	byEC := reconsiderationMsg(proposal)
	byEC.Requester = empowered()
	ec := must(f.Review.Reconsiderations.Get(f.Ctx, fileUnfunded(t, f, byEC)))
	require.Equal(t, types.DepositNone, ec.DepositStatus)
	require.True(t, ec.Deposit.IsZero())
}

// fileUnfunded files a reconsideration that needs no deposit.
func fileUnfunded(t *testing.T, f *keepertest.Fixture, msg *types.MsgFileReconsideration) uint64 {
	t.Helper()
	res := f.MustDeliver(msg)
	var resp types.MsgFileReconsiderationResponse
	require.NoError(t, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	return resp.ReconsiderationId
}

// TestCaptureComplaintNeedsDeposit: a complaint without the deposit is
// refused with ErrDepositUnpaid and nothing changed; with it the complaint is
// filed and the deposit held.
func TestCaptureComplaintNeedsDeposit(t *testing.T) {
	f := newFixture(t)
	dep := f.ReviewParams().ComplaintDeposit
	require.False(t, dep.IsZero(), "the default constitution sets a complaint deposit")
	requireFailsUnchanged(t, f, complaintMsg(), types.ErrDepositUnpaid)
	f.Fund(addr("outsider"), dep.Sub(coins(1)...))
	requireFailsUnchanged(t, f, complaintMsg(), types.ErrDepositUnpaid)

	f.Fund(addr("outsider"), coins(1))
	f.ResetEvents()
	f.MustDeliver(complaintMsg())
	c := must(f.Review.Complaints.Get(f.Ctx, 1))
	require.Equal(t, dep, c.Deposit)
	require.Equal(t, types.DepositHeld, c.DepositStatus)
	require.Zero(t, balance(f, addr("outsider")))
	require.Equal(t, types.EventDepositChanged{Filing: "complaint", Id: 1, Depositor: name("outsider"), Amount: dep, Status: types.DepositHeld},
		*requireEvent[*types.EventDepositChanged](t, f))
	requireFailsUnchanged(t, f, complaintMsg(), types.ErrDepositUnpaid)
}

// TestCaptureFrivolousDepositKept: a deposit is kept only for a filing
// dismissed as frivolous, and then goes to the governance treasury (no office
// holder gains from a dismissal). A reconsideration needs two keys: the
// ombudsman's evaluation finding it frivolous and the Board's denial
// dismissing it so; the Board alone is refused with ErrNotFrivolous and
// nothing changed. A complaint's report dismissing it as frivolous keeps its
// deposit. Every other ending refunds it.
func TestCaptureFrivolousDepositKept(t *testing.T) {
	f := newFixture(t)
	proposal := f.BylawInECWindow()
	dep := f.ReviewParams().ReconsiderationDeposit
	outsider := addr("outsider")
	evaluate := func(id uint64, frivolous bool) {
		f.MustDeliver(&types.MsgEvaluateReconsideration{Ombudsman: name("ombudsman"), ReconsiderationId: id, Evaluation: doc("evaluation"), Frivolous: frivolous})
	}
	decide := func(id uint64, grant, frivolous bool) *types.MsgDecideReconsideration {
		return &types.MsgDecideReconsideration{Authority: f.Authority, ReconsiderationId: id, Grant: grant, Decision: doc("decision"), Frivolous: frivolous}
	}

	// the Board alone cannot dismiss as frivolous: not before an evaluation,
	// not on a plain one (which refunds at once), and never a grant
	plain := fileReconsideration(t, f, reconsiderationMsg(proposal))
	requireFailsUnchanged(t, f, decide(plain, false, true), types.ErrWrongPhase)
	evaluate(plain, false)
	require.Equal(t, dep[0].Amount.Int64(), balance(f, outsider), "a plain evaluation refunds at once")
	require.Equal(t, types.DepositRefunded, must(f.Review.Reconsiderations.Get(f.Ctx, plain)).DepositStatus)
	requireFailsUnchanged(t, f, decide(plain, false, true), types.ErrNotFrivolous)
	f.PassResolution(decide(plain, false, false))

	spam := fileReconsideration(t, f, reconsiderationMsg(proposal))
	evaluate(spam, true)
	require.Equal(t, types.DepositHeld, must(f.Review.Reconsiderations.Get(f.Ctx, spam)).DepositStatus, "a frivolous finding keeps it held")
	requireFailsUnchanged(t, f, decide(spam, true, true), types.ErrNotFrivolous)
	before, kept := balance(f, outsider), treasury(f)
	f.PassResolution(decide(spam, false, true))
	r := must(f.Review.Reconsiderations.Get(f.Ctx, spam))
	require.Equal(t, types.ReconsiderationDenied, r.Status)
	require.True(t, r.DismissedFrivolous)
	require.Equal(t, types.DepositKept, r.DepositStatus)
	require.Equal(t, before, balance(f, outsider), "not refunded")
	require.Equal(t, kept+dep[0].Amount.Int64(), treasury(f), "kept in the governance treasury")

	// the Board may overrule the ombudsman's finding: a grant refunds
	overruled := fileReconsideration(t, f, reconsiderationMsg(proposal))
	evaluate(overruled, true)
	before = balance(f, outsider)
	f.PassResolution(decide(overruled, true, false))
	require.Equal(t, before+dep[0].Amount.Int64(), balance(f, outsider))

	// a complaint dismissed as frivolous keeps its deposit; a plain report refunds
	cdep := f.ReviewParams().ComplaintDeposit[0].Amount.Int64()
	for _, frivolous := range []bool{true, false} {
		id := fileComplaint(t, f)
		before, kept = balance(f, outsider), treasury(f)
		f.ResetEvents()
		f.MustDeliver(&types.MsgReportComplaint{Ombudsman: name("ombudsman"), ComplaintId: id, Report: doc("report"), Frivolous: frivolous})
		c := must(f.Review.Complaints.Get(f.Ctx, id))
		require.Equal(t, frivolous, c.DismissedFrivolous)
		require.Equal(t, types.EventComplaintChanged{ComplaintId: id, Status: types.ComplaintReported, Frivolous: frivolous},
			*requireEvent[*types.EventComplaintChanged](t, f))
		if frivolous {
			require.Equal(t, types.DepositKept, c.DepositStatus)
			require.Equal(t, before, balance(f, outsider))
			require.Equal(t, kept+cdep, treasury(f))
		} else {
			require.Equal(t, types.DepositRefunded, c.DepositStatus)
			require.Equal(t, before+cdep, balance(f, outsider))
			require.Equal(t, kept, treasury(f))
		}
	}

	// a missed deadline refunds: a late dismissal keeps nothing
	late := fileComplaint(t, f)
	f.Advance(must(f.Review.Complaints.Get(f.Ctx, late)).Deadline.Sub(f.Now()))
	c := must(f.Review.Complaints.Get(f.Ctx, late))
	require.True(t, c.Overdue)
	require.Equal(t, types.DepositRefunded, c.DepositStatus)
	kept = treasury(f)
	f.MustDeliver(&types.MsgReportComplaint{Ombudsman: name("ombudsman"), ComplaintId: late, Report: doc("late"), Frivolous: true})
	require.Equal(t, kept, treasury(f))
	require.Equal(t, types.DepositRefunded, must(f.Review.Complaints.Get(f.Ctx, late)).DepositStatus)
}
