package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/eventutil"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/proposals/types"
)

// TestPlainCompanionEvents checks the searchable companions: unquoted ids,
// addresses and statuses, and action=<snake_case event name>.
func TestPlainCompanionEvents(t *testing.T) {
	f := newFixture(t)
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	submitted := plainEvents(f, "proposal_submitted")
	require.Len(t, submitted, 1)
	require.Equal(t, "1", submitted[0]["proposal_id"])
	require.Equal(t, "board", submitted[0]["originator"])
	require.Equal(t, addr("director-dev").String(), submitted[0]["proposer"])
	require.Equal(t, "PROPOSAL_KIND_RESOLUTION", submitted[0]["kind"])

	f.ResetEvents()
	f.BoardDecides(id, 7)
	cast := plainEvents(f, "board_vote_cast")
	require.Len(t, cast, 4)
	require.Equal(t, addr("director-dev").String(), cast[0]["director"])
	require.Equal(t, "VOTE_OPTION_YES", cast[0]["option"])
	concluded := plainEvents(f, "board_vote_concluded")
	require.Len(t, concluded, 1)
	require.Equal(t, "true", concluded[0]["approved"])
	require.Equal(t, "0.5", concluded[0]["threshold"])
	require.NotContains(t, concluded[0], "tally", "nested messages are left to the typed event")
	changed := plainEvents(f, "proposal_status_changed")
	require.Equal(t, map[string]string{
		"action": "proposal_status_changed", "proposal_id": "1", "kind": "PROPOSAL_KIND_RESOLUTION",
		"from": "PROPOSAL_STATUS_BOARD_VOTE", "status": "PROPOSAL_STATUS_QUEUED", "note": "approved; its messages run at the end of the block",
	}, changed[len(changed)-2])
	require.Equal(t, map[string]string{
		"action": "proposal_status_changed", "proposal_id": "1", "kind": "PROPOSAL_KIND_RESOLUTION",
		"from": "PROPOSAL_STATUS_QUEUED", "status": "PROPOSAL_STATUS_RATIFIED", "note": "",
	}, changed[len(changed)-1], "the execution's outcome, emitted in EndBlock")

	// The typed event keeps the SDK's JSON values, quoted.
	for _, ev := range f.Events() {
		if ev.Type == "polity.proposals.v1.EventProposalStatusChanged" {
			for _, a := range ev.Attributes {
				if a.Key == "status" {
					require.Contains(t, []string{`"PROPOSAL_STATUS_QUEUED"`, `"PROPOSAL_STATUS_RATIFIED"`}, a.Value)
				}
			}
		}
	}
}

// TestEveryTypedEventHasCompanion checks, over a whole lifecycle, that every
// event type of the module is emitted and that typed events and companions
// come in pairs with matching actions and unquoted values.
func TestEveryTypedEventHasCompanion(t *testing.T) {
	f := newFixture(t)
	var all sdk.Events
	step := func(d func()) {
		d()
		all = append(all, f.Events()...)
		f.ResetEvents()
	}
	var p, a, consensus uint64
	step(func() {
		p = f.MustSubmitProposal("dev", types.KindStandardBylaw)
		a = f.MustAdvise("users", p, false)
		consensus = f.MustAdvise("gov", 0, true)
		postComment(t, f, comment("outsider", p, "hello"))
		f.MustDeliver(stay(p, true))
		f.MustDeliver(stay(p, false))
		params := f.ExportProposals().Params
		f.MustDeliver(&types.MsgUpdateParams{Authority: f.Authority, Params: params})
	})
	step(func() { f.Advance(keepertest.CommentPeriod) })
	step(func() {
		resolve(t, f, 5, f.RespondMsg(a, types.ResponseAccepted), f.RespondMsg(consensus, types.ResponseRejected))
	})
	step(func() { f.EndBlockAll(); f.BoardDecides(p, 7) })
	step(func() {
		f.MustAdvise("security", 0, false)
		f.Advance(keepertest.AdvicePeriod)
	})
	require.Equal(t, types.StatusRatified, f.GetProposal(p).Status)

	seen := map[string]bool{}
	var typed []sdk.Event
	for i, ev := range all {
		if !strings.HasPrefix(ev.Type, "polity.proposals.v1.Event") {
			continue
		}
		typed = append(typed, ev)
		seen[ev.Type] = true
		require.Less(t, i+1, len(all))
		plain := all[i+1]
		require.Equal(t, "polity.proposals", plain.Type)
		require.Equal(t, "action", plain.Attributes[0].Key)
		require.Equal(t, eventutil.ActionName(ev.Type), plain.Attributes[0].Value)
		for _, attr := range plain.Attributes {
			require.False(t, strings.HasPrefix(attr.Value, `"`), "%s=%s is quoted", attr.Key, attr.Value)
		}
	}
	require.NotEmpty(t, typed)
	for _, name := range []string{
		"ProposalSubmitted", "ProposalStatusChanged", "CommentPosted", "BoardVoteCast", "BoardVoteConcluded",
		"AdviceSubmitted", "AdviceAnswered", "AdviceOverdue", "ConsultationRecorded", "ProposalStayed",
		"DocumentRegistered", "ParamsUpdated",
	} {
		require.True(t, seen["polity.proposals.v1.Event"+name], "Event%s emitted", name)
	}
}

// TestUpdateParams checks that only the governance address changes the
// params, that they are validated, and that the change is announced.
func TestUpdateParams(t *testing.T) {
	f := newFixture(t)
	params := f.ExportProposals().Params
	for _, who := range []string{empowered(), review(), body("dev"), addr("director-dev").String()} {
		requireFailsUnchanged(t, f, &types.MsgUpdateParams{Authority: who, Params: params}, types.ErrUnauthorized)
	}
	bad := params
	bad.MaxMessages = 0
	requireFailsUnchanged(t, f, &types.MsgUpdateParams{Authority: f.Authority, Params: bad}, types.ErrInvalidParams)

	params.MaxTitleLength = 10
	f.MustDeliver(&types.MsgUpdateParams{Authority: f.Authority, Params: params})
	require.Equal(t, f.Authority, requireEvent[*types.EventParamsUpdated](t, f).Authority)
	msg := f.ProposalMsg(addr("director-dev"), types.BoardOriginator, types.KindResolution)
	msg.Title = "eleven char"
	requireFailsUnchanged(t, f, msg, types.ErrTextTooLong)
}
