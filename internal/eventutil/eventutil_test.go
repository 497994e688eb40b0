package eventutil_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/event"

	"github.com/cosmos/cosmos-sdk/runtime"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/eventutil"
	"github.com/polity-chain/polity/x/community/types"
)

// TestActionName checks the snake_case action names.
func TestActionName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"polity.community.v1.EventMotionSubmitted", "motion_submitted"},
		{"polity.community.v1.EventDecisionalParticipantChanged", "decisional_participant_changed"},
		{"EventSeatVacated", "seat_vacated"},
		{"polity.x.v1.Thing", "thing"},
		{"polity.review.v1.EventIRPFiled", "irp_filed"},
		{"polity.review.v1.EventIRPStatusChanged", "irp_status_changed"},
		{"EventAnIRP", "an_irp"},
	} {
		require.Equal(t, tc.want, eventutil.ActionName(tc.in), tc.in)
	}
}

// TestPlainAttributes checks that scalar fields come out unquoted, lists of
// scalars comma-joined, nested messages left out, and action first.
func TestPlainAttributes(t *testing.T) {
	end := time.Date(2030, 1, 1, 1, 0, 0, 0, time.UTC)
	attrs, err := eventutil.PlainAttributes(&types.EventMotionSubmitted{
		MotionId: 12, BodyId: "dev", Proposer: "polity1xyz", MessageTypes: []string{"/a.MsgA", "/b.MsgB"}, VotingEndTime: end,
	})
	require.NoError(t, err)
	require.Equal(t, []event.Attribute{
		{Key: "action", Value: "motion_submitted"},
		{Key: "body_id", Value: "dev"},
		{Key: "message_types", Value: "/a.MsgA,/b.MsgB"},
		{Key: "motion_id", Value: "12"},
		{Key: "proposer", Value: "polity1xyz"},
		{Key: "voting_end_time", Value: "2030-01-01T01:00:00Z"},
	}, attrs)

	attrs, err = eventutil.PlainAttributes(&types.EventMotionDecided{
		MotionId: 3, BodyId: "dev", Status: types.MotionStatusPassed, Tally: types.Tally{Yes: 2}, EligibleWeight: 2,
	})
	require.NoError(t, err)
	keys := map[string]string{}
	for _, a := range attrs {
		keys[a.Key] = a.Value
	}
	require.Equal(t, "MOTION_STATUS_PASSED", keys["status"])
	require.Equal(t, "2", keys["eligible_weight"])
	require.NotContains(t, keys, "tally", "nested messages stay in the typed event")

	attrs, err = eventutil.PlainAttributes(&types.EventDecisionalParticipantChanged{CommunityId: "gov", Decisional: true})
	require.NoError(t, err)
	require.Contains(t, attrs, event.Attribute{Key: "decisional", Value: "true"})
	require.Contains(t, attrs, event.Attribute{Key: "community_id", Value: "gov"})
}

// TestEmit checks that Emit sends the typed event and its companion, in that
// order, through the event service.
func TestEmit(t *testing.T) {
	ctx := sdk.Context{}.WithEventManager(sdk.NewEventManager())
	ev := &types.EventMotionWithdrawn{MotionId: 4, BodyId: "ops", Proposer: "polity1p"}
	require.NoError(t, eventutil.Emit(ctx, runtime.EventService{}, "community", ev))
	events := ctx.EventManager().Events()
	require.Len(t, events, 2)
	// the typed event is exactly what the SDK's EmitTypedEvent emits
	sdkEvents := sdk.NewEventManager()
	require.NoError(t, sdkEvents.EmitTypedEvent(ev))
	require.Equal(t, sdkEvents.Events()[0], events[0])
	require.Equal(t, "polity.community", events[1].Type)
	plain := map[string]string{}
	for _, a := range events[1].Attributes {
		plain[a.Key] = a.Value
	}
	require.Equal(t, map[string]string{"action": "motion_withdrawn", "motion_id": "4", "body_id": "ops", "proposer": "polity1p"}, plain)
}
