package keeper_test

import (
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"

	"github.com/polity-chain/polity/x/empowered/types"
)

// TestUpdateParams checks that only the governance address replaces the
// params, only with valid ones (nothing changes otherwise), and that a change
// is in force at once, with its event.
func TestUpdateParams(t *testing.T) {
	f := newFixture(t)
	params := must(f.EmpoweredQueryServer.Params(f.Ctx, &types.QueryParamsRequest{})).Params

	noRules := params
	noRules.Rules = nil
	zeroPeriod := params
	zeroPeriod.InspectionResponsePeriod = 0
	noLimit := params
	noLimit.MaxQueueItemsPerBlock = 0
	tests := []struct {
		name string
		msg  *types.MsgUpdateParams
		err  *errorsmod.Error
	}{
		{"the Empowered Community", &types.MsgUpdateParams{Authority: empowered(), Params: params}, types.ErrUnauthorized},
		{"a community's motion", &types.MsgUpdateParams{Authority: body("dev"), Params: params}, types.ErrUnauthorized},
		{"no rules", &types.MsgUpdateParams{Authority: f.Authority, Params: noRules}, types.ErrInvalidParams},
		{"no inspection period", &types.MsgUpdateParams{Authority: f.Authority, Params: zeroPeriod}, types.ErrInvalidParams},
		{"no queue limit", &types.MsgUpdateParams{Authority: f.Authority, Params: noLimit}, types.ErrInvalidParams},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { requireFailsUnchanged(t, f, tc.msg, tc.err) })
	}

	changed := params
	changed.InspectionResponsePeriod = params.InspectionResponsePeriod + time.Hour
	f.ResetEvents()
	f.MustDeliver(&types.MsgUpdateParams{Authority: f.Authority, Params: changed})
	require.Equal(t, changed, must(f.EmpoweredQueryServer.Params(f.Ctx, &types.QueryParamsRequest{})).Params)
	events := typedEvents[*types.EventParamsUpdated](t, f.Events())
	require.Len(t, events, 1)
	require.Equal(t, f.Authority, events[0].Authority)
	require.Equal(t, changed, f.ExportEmpowered().Params)
}

// TestQueryNilRequests checks that every x/empowered query answers a nil
// request with InvalidArgument.
func TestQueryNilRequests(t *testing.T) {
	f := newFixture(t)
	q, ctx := f.EmpoweredQueryServer, f.Ctx
	calls := []struct {
		name string
		call func() error
	}{
		{"Params", func() error { _, err := q.Params(ctx, nil); return err }},
		{"Participants", func() error { _, err := q.Participants(ctx, nil); return err }},
		{"Petitions", func() error { _, err := q.Petitions(ctx, nil); return err }},
		{"Petition", func() error { _, err := q.Petition(ctx, nil); return err }},
		{"Statements", func() error { _, err := q.Statements(ctx, nil); return err }},
		{"Decisions", func() error { _, err := q.Decisions(ctx, nil); return err }},
		{"Approvals", func() error { _, err := q.Approvals(ctx, nil); return err }},
		{"Inspections", func() error { _, err := q.Inspections(ctx, nil); return err }},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) { requireCode(t, c.call(), codes.InvalidArgument) })
	}
}
