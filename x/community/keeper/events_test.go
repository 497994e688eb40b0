package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/eventutil"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// TestPlainCompanionEvents checks that each typed event is followed by a
// "polity.community" event whose attributes tx_search can match: unquoted
// ids, addresses and statuses, and action=<snake_case event name>.
func TestPlainCompanionEvents(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	id := f.MustSubmitMotion(addr("dev-chair"), "dev", admitMsg("dev", addr("newbie")))
	submitted := plainEvent(t, f, "motion_submitted")
	require.Equal(t, "1", submitted["motion_id"])
	require.Equal(t, "dev", submitted["body_id"])
	require.Equal(t, addr("dev-chair").String(), submitted["proposer"])
	require.Equal(t, sdk.MsgTypeURL(&types.MsgAdmitMember{}), submitted["message_types"])
	require.Equal(t, f.Now().Add(keepertest.VotingPeriod).Format("2006-01-02T15:04:05Z"), submitted["voting_end_time"])

	// The typed event keeps the SDK's JSON values, quoted.
	for _, ev := range f.Events() {
		if ev.Type == "polity.community.v1.EventMotionSubmitted" {
			for _, a := range ev.Attributes {
				if a.Key == "body_id" {
					require.Equal(t, `"dev"`, a.Value)
				}
			}
		}
	}

	f.ResetEvents()
	f.MustVote(addr("dev-chair"), id, types.OptionYes)
	f.MustVote(addr("dev-member"), id, types.OptionYes)
	cast := plainEvent(t, f, "vote_cast")
	require.Equal(t, "VOTE_OPTION_YES", cast["option"])
	require.Equal(t, "1", cast["weight"])
	f.DecideSettled()
	decided := plainEvent(t, f, "motion_decided")
	require.Equal(t, "MOTION_STATUS_QUEUED", decided["status"])
	require.Equal(t, "dev", decided["body_id"])
	require.NotContains(t, decided, "tally", "nested messages are left to the typed event")
	f.RunQueued()
	executed := plainEvent(t, f, "motion_executed")
	require.Equal(t, "MOTION_STATUS_PASSED", executed["status"])
	require.Equal(t, "dev", executed["body_id"])
	admitted := plainEvent(t, f, "member_admitted")
	require.Equal(t, "ROLE_MEMBER", admitted["roles"])
	require.Equal(t, "dev", admitted["community_id"])
}

// TestEveryTypedEventHasCompanion checks, over a busy block, that typed
// events and companions come in pairs with matching actions.
func TestEveryTypedEventHasCompanion(t *testing.T) {
	f := buildRichState(t)
	f.MustDeliver(admitValidatorMsg(t, "users", "users-node-2", 1))
	f.MustDeliver(vacateMsg(f, 1))
	f.Pass(addr("dev-chair"), "dev", devVoters(), admitMsg("dev", addr("x")), admitMsg("dev", addr("y")))
	events := f.Events()
	require.NotEmpty(t, events)
	require.Zero(t, len(events)%2)
	for i := 0; i < len(events); i += 2 {
		typed, plain := events[i], events[i+1]
		require.True(t, strings.HasPrefix(typed.Type, "polity.community.v1.Event"), typed.Type)
		require.Equal(t, "polity.community", plain.Type)
		require.Equal(t, "action", plain.Attributes[0].Key)
		require.Equal(t, eventutil.ActionName(typed.Type), plain.Attributes[0].Value)
		for _, a := range plain.Attributes {
			require.False(t, strings.HasPrefix(a.Value, `"`), "%s=%s is quoted", a.Key, a.Value)
		}
	}
}
