package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/x/review/types"
)

// TestReconsiderationWithoutDeposit: the Empowered Community's request pays
// no deposit, so its evaluation and the Board's decision settle nothing: no
// deposit event, no transfer, and the status stays DepositNone.
func TestReconsiderationWithoutDeposit(t *testing.T) {
	f := newFixture(t)
	proposal := f.BylawInECWindow()
	msg := reconsiderationMsg(proposal)
	msg.Requester = empowered()
	id := fileUnfunded(t, f, msg)
	held := balance(f, app.ReviewAuthority)

	f.ResetEvents()
	f.MustDeliver(&types.MsgEvaluateReconsideration{Ombudsman: name("ombudsman"), ReconsiderationId: id, Evaluation: doc("evaluation")})
	r := must(f.Review.Reconsiderations.Get(f.Ctx, id))
	require.Equal(t, types.ReconsiderationEvaluated, r.Status)
	require.Equal(t, types.DepositNone, r.DepositStatus)
	require.Empty(t, typedEvents[*types.EventDepositChanged](t, f))

	f.PassResolution(&types.MsgDecideReconsideration{Authority: f.Authority, ReconsiderationId: id, Decision: doc("denied")})
	r = must(f.Review.Reconsiderations.Get(f.Ctx, id))
	require.Equal(t, types.ReconsiderationDenied, r.Status)
	require.Equal(t, types.DepositNone, r.DepositStatus)
	require.Equal(t, held, balance(f, app.ReviewAuthority), "nothing was held, nothing paid out")
}
