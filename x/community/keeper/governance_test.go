package keeper_test

import (
	"strings"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/app/constitution"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// TestGovernanceAuthorityOnly checks that only the governance (ratification)
// authority may change bylaws and structure: not a community body, not the
// Board, not a member.
func TestGovernanceAuthorityOnly(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	require.Equal(t, app.GovernanceAuthority.String(), f.Authority)
	rule := constitution.CommunityRule(keepertest.VotingPeriod)
	msgs := func(authority string) []sdk.Msg {
		return []sdk.Msg{
			&types.MsgUpdateParams{Authority: authority, Params: types.DefaultParams()},
			&types.MsgCreateCommunity{Authority: authority, Id: "newco", Name: "New", Kind: types.KindAdvisory, Charter: constitution.CharterDocument("newco"), Rule: rule},
			&types.MsgUpdateCommunityCharter{Authority: authority, CommunityId: "dev", Name: "Dev", Charter: constitution.CharterDocument("dev2")},
			&types.MsgSetSeatAllocation{Authority: authority, CommunityId: "dev", Seats: types.SeatAllocation{VotingBoardSeats: 1, NomcomDelegates: 1, ValidatorPowerShare: "0.25"}},
			&types.MsgSetDecisionRule{Authority: authority, BodyId: "dev", Rule: rule},
			&types.MsgSetDecisionalParticipant{Authority: authority, CommunityId: "security", Decisional: true},
			&types.MsgSetAppointments{Authority: authority, CommunityId: "nomcom", Appointments: []types.Appointment{{IntoCommunityId: "users", VotingSeats: 1}}},
		}
	}
	for _, signer := range []string{body("dev"), body(types.BoardBodyID), addr("dev-chair").String(), ""} {
		for _, msg := range msgs(signer) {
			t.Run(sdk.MsgTypeURL(msg)+"/"+signer, func(t *testing.T) {
				requireFailsUnchanged(t, f, msg, types.ErrUnauthorized)
			})
		}
	}
	for _, msg := range msgs(f.Authority) {
		f.MustDeliver(msg)
	}
}

// TestUpdateParams checks parameter validation and the bootstrap rules: the
// flag can never be switched back on, and can be switched off only while
// every community is within the cap.
func TestUpdateParams(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	update := func(edit func(*types.Params)) *types.MsgUpdateParams {
		p, err := f.Keeper.GetParams(f.Ctx)
		require.NoError(t, err)
		edit(&p)
		return &types.MsgUpdateParams{Authority: f.Authority, Params: p}
	}
	requireFailsUnchanged(t, f, update(func(p *types.Params) { p.MaxTitleLength = 0 }), types.ErrInvalidParams)
	requireFailsUnchanged(t, f, update(func(p *types.Params) { p.Board.TermDuration = 0 }), types.ErrInvalidParams)
	requireFailsUnchanged(t, f, update(func(p *types.Params) { p.MaxValidatorPower = 0 }), types.ErrInvalidParams)
	requireFailsUnchanged(t, f, update(func(p *types.Params) { p.Bootstrap = true }), types.ErrBootstrapLocked)

	f.MustDeliver(update(func(p *types.Params) { p.MaxTitleLength = 64 }))
	got, err := f.QueryServer.Params(f.Ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, uint32(64), got.Params.MaxTitleLength)
	ev := requireEvent[*types.EventParamsUpdated](t, f)
	require.Equal(t, f.Authority, ev.Authority)
	_, err = f.SubmitMotion(addr("dev-chair"), "dev", strings.Repeat("t", 65))
	requireModuleErr(t, err, types.ErrTextTooLong)
}

// TestBootstrapSwitchOff checks that a bootstrap chain leaves bootstrap mode
// only once its validator set meets the cap.
func TestBootstrapSwitchOff(t *testing.T) {
	f := keepertest.NewFixture(t)
	gs := keepertest.Constitution(t, true)
	gs.Params.BootstrapNote = "switched on by polityd genesis recover"
	f.InitGenesis(gs)
	f.MustDeliver(admitValidatorMsg(t, "dev", "dev-node-2", 30))
	off := func() *types.MsgUpdateParams {
		p, err := f.Keeper.GetParams(f.Ctx)
		require.NoError(t, err)
		p.Bootstrap, p.BootstrapNote = false, ""
		return &types.MsgUpdateParams{Authority: f.Authority, Params: p}
	}
	requireFailsUnchanged(t, f, off(), types.ErrPowerCap)

	f.MustDeliver(removeValidatorMsg("dev", "dev-node-2"))
	// The note goes with the mode: switching off while keeping it is refused.
	withNote := off()
	withNote.Params.BootstrapNote = gs.Params.BootstrapNote
	requireFailsUnchanged(t, f, withNote, types.ErrInvalidParams)
	f.MustDeliver(off())
	require.False(t, requireEvent[*types.EventParamsUpdated](t, f).Bootstrap)
	p, err := f.Keeper.GetParams(f.Ctx)
	require.NoError(t, err)
	require.Empty(t, p.BootstrapNote)
	// The cap now holds, and bootstrap cannot come back.
	requireDeliverFails(t, f, admitValidatorMsg(t, "dev", "dev-node-2", 30), types.ErrPowerCap)
	on := off()
	on.Params.Bootstrap = true
	requireFailsUnchanged(t, f, on, types.ErrBootstrapLocked)
}

// TestCreateCommunity checks founding a community: its body, electorate,
// seats and address, and each way the founding can be refused.
func TestCreateCommunity(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	rule := constitution.CommunityRule(keepertest.VotingPeriod)
	valid := func(edit func(*types.MsgCreateCommunity)) *types.MsgCreateCommunity {
		msg := &types.MsgCreateCommunity{
			Authority: f.Authority, Id: "newco", Name: "New Community", Kind: types.KindAdvisory, ParentId: "dev",
			Charter: constitution.CharterDocument("newco"), Rule: rule,
			Seats: types.SeatAllocation{VotingBoardSeats: 1, LiaisonBoardSeats: 1, ValidatorPowerShare: "0.1"},
		}
		if edit != nil {
			edit(msg)
		}
		return msg
	}
	tests := []struct {
		name string
		msg  *types.MsgCreateCommunity
		err  *errorsmod.Error
	}{
		{"bad id", valid(func(m *types.MsgCreateCommunity) { m.Id = "New Co" }), types.ErrInvalidID},
		{"reserved id", valid(func(m *types.MsgCreateCommunity) { m.Id = types.BoardBodyID }), types.ErrInvalidID},
		{"existing id", valid(func(m *types.MsgCreateCommunity) { m.Id = "ops" }), types.ErrCommunityExists},
		{"unknown parent", valid(func(m *types.MsgCreateCommunity) { m.ParentId = "nowhere" }), types.ErrCommunityNotFound},
		{"name missing", valid(func(m *types.MsgCreateCommunity) { m.Name = "" }), types.ErrRequired},
		{"name too long", valid(func(m *types.MsgCreateCommunity) { m.Name = strings.Repeat("n", 129) }), types.ErrTextTooLong},
		{"kind unspecified", valid(func(m *types.MsgCreateCommunity) { m.Kind = types.KindUnspecified }), types.ErrInvalidKind},
		{"bad charter hash", valid(func(m *types.MsgCreateCommunity) { m.Charter.Hash = "abc" }), types.ErrInvalidDocument},
		{"charter without uri", valid(func(m *types.MsgCreateCommunity) { m.Charter.Uri = "" }), types.ErrInvalidDocument},
		{"bad rule", valid(func(m *types.MsgCreateCommunity) { m.Rule.Threshold = "1.5" }), types.ErrInvalidRule},
		{"house is not a sub-community", valid(func(m *types.MsgCreateCommunity) {
			m.Rule.Houses = []types.HouseRule{{CommunityId: "ops", Threshold: "0.5"}}
		}), types.ErrInvalidRule},
		{"power share of one third", valid(func(m *types.MsgCreateCommunity) { m.Seats.ValidatorPowerShare = "0.34" }), types.ErrInvalidSeatAllocation},
		{"too many seats", valid(func(m *types.MsgCreateCommunity) { m.Seats.VotingBoardSeats = 33 }), types.ErrInvalidSeatAllocation},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, tc.msg, tc.err)
		})
	}

	res := f.MustDeliver(valid(nil))
	var resp types.MsgCreateCommunityResponse
	require.NoError(t, f.Codec.Unmarshal(res.MsgResponses[0].Value, &resp))
	require.Equal(t, body("newco"), resp.Address)
	c, err := f.QueryServer.Community(f.Ctx, &types.QueryCommunityRequest{Id: "newco"})
	require.NoError(t, err)
	require.Equal(t, "dev", c.Community.ParentId)
	require.Equal(t, types.BodyKindCommunity, c.Body.Kind)
	require.Equal(t, rule, c.Body.Rule)
	require.Equal(t, types.BodyStats{}, c.Stats)
	require.Equal(t, types.EventCommunityCreated{CommunityId: "newco", Kind: types.KindAdvisory, ParentId: "dev", Address: body("newco")},
		*requireEvent[*types.EventCommunityCreated](t, f))
	require.Len(t, typedEvents[*types.EventSeatCreated](t, f.Events()), 2)
	board, err := f.QueryServer.Board(f.Ctx, &types.QueryBoardRequest{})
	require.NoError(t, err)
	require.Equal(t, uint32(1), board.VacantVotingSeats)
	require.Equal(t, uint32(1), board.VacantLiaisonSeats)

	// max_communities bounds the institution.
	p, err := f.Keeper.GetParams(f.Ctx)
	require.NoError(t, err)
	p.MaxCommunities = 10
	f.MustDeliver(&types.MsgUpdateParams{Authority: f.Authority, Params: p})
	requireFailsUnchanged(t, f, valid(func(m *types.MsgCreateCommunity) { m.Id = "one-more"; m.Seats = types.SeatAllocation{} }), types.ErrLimitReached)
}

// TestUpdateCharterAndFlags checks the charter update and the decisional
// participant flag.
func TestUpdateCharterAndFlags(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	requireFailsUnchanged(t, f, &types.MsgUpdateCommunityCharter{Authority: f.Authority, CommunityId: "nowhere", Name: "x", Charter: constitution.CharterDocument("x")}, types.ErrCommunityNotFound)
	requireFailsUnchanged(t, f, &types.MsgUpdateCommunityCharter{Authority: f.Authority, CommunityId: "dev", Name: "x", Charter: types.Document{Hash: strings.Repeat("A", 64), Uri: "u"}}, types.ErrInvalidDocument)
	requireFailsUnchanged(t, f, &types.MsgUpdateCommunityCharter{Authority: f.Authority, CommunityId: "dev", Charter: constitution.CharterDocument("x")}, types.ErrRequired)
	requireFailsUnchanged(t, f, &types.MsgSetDecisionalParticipant{Authority: f.Authority, CommunityId: "nowhere", Decisional: true}, types.ErrCommunityNotFound)

	f.NextBlock(time.Minute)
	charter := constitution.CharterDocument("dev-v2")
	f.MustDeliver(&types.MsgUpdateCommunityCharter{Authority: f.Authority, CommunityId: "dev", Name: "Developers", Charter: charter})
	f.MustDeliver(&types.MsgSetDecisionalParticipant{Authority: f.Authority, CommunityId: "security", Decisional: true})
	dev, err := f.Keeper.GetCommunity(f.Ctx, "dev")
	require.NoError(t, err)
	require.Equal(t, "Developers", dev.Name)
	require.Equal(t, charter, dev.Charter)
	require.Equal(t, f.Ctx.BlockHeight(), dev.Audit.UpdatedHeight)
	require.Zero(t, dev.Audit.CreatedHeight)
	security, err := f.Keeper.GetCommunity(f.Ctx, "security")
	require.NoError(t, err)
	require.True(t, security.DecisionalParticipant)
	require.Equal(t, charter.Hash, requireEvent[*types.EventCommunityCharterUpdated](t, f).CharterHash)
	require.True(t, requireEvent[*types.EventDecisionalParticipantChanged](t, f).Decisional)
}

// TestSetSeatAllocationInput checks allocation validation.
func TestSetSeatAllocationInput(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	set := func(id, share string) *types.MsgSetSeatAllocation {
		return &types.MsgSetSeatAllocation{Authority: f.Authority, CommunityId: id, Seats: types.SeatAllocation{ValidatorPowerShare: share}}
	}
	requireFailsUnchanged(t, f, set("nowhere", "0"), types.ErrCommunityNotFound)
	requireFailsUnchanged(t, f, set("security", "0.4"), types.ErrInvalidSeatAllocation)
	requireFailsUnchanged(t, f, set("security", "-0.1"), types.ErrInvalidSeatAllocation)
	requireFailsUnchanged(t, f, set("security", "lots"), types.ErrInvalidSeatAllocation)
}

// TestSetDecisionRule checks rule validation against the store: houses must
// be sub-communities of the body, and the Board has none.
func TestSetDecisionRule(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	createCommunity(f, "dev-core", "dev")
	rule := constitution.CommunityRule(keepertest.VotingPeriod)
	withHouse := func(house string) types.DecisionRule {
		r := rule
		r.Houses = []types.HouseRule{{CommunityId: house, Threshold: "0.5"}}
		return r
	}
	badThreshold := rule
	badThreshold.Threshold = "0"
	noPeriod := rule
	noPeriod.VotingPeriod = 0
	tests := []struct {
		name   string
		bodyID string
		rule   types.DecisionRule
		err    *errorsmod.Error
	}{
		{"unknown body", "nowhere", rule, types.ErrBodyNotFound},
		{"zero threshold", "dev", badThreshold, types.ErrInvalidRule},
		{"no voting period", "dev", noPeriod, types.ErrInvalidRule},
		{"house is a sibling", "dev", withHouse("ops"), types.ErrInvalidRule},
		{"house is unknown", "dev", withHouse("nowhere"), types.ErrCommunityNotFound},
		{"house is the body itself", "dev", withHouse("dev"), types.ErrInvalidRule},
		{"board has no houses", types.BoardBodyID, withHouse("dev-core"), types.ErrInvalidRule},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, &types.MsgSetDecisionRule{Authority: f.Authority, BodyId: tc.bodyID, Rule: tc.rule}, tc.err)
		})
	}
	f.MustDeliver(&types.MsgSetDecisionRule{Authority: f.Authority, BodyId: "dev", Rule: withHouse("dev-core")})
	b, err := f.Keeper.GetBody(f.Ctx, "dev")
	require.NoError(t, err)
	require.Equal(t, withHouse("dev-core"), b.Rule)
	require.Equal(t, "dev", requireEvent[*types.EventDecisionRuleChanged](t, f).BodyId)
	// The Board's own rule may change.
	f.MustDeliver(&types.MsgSetDecisionRule{Authority: f.Authority, BodyId: types.BoardBodyID, Rule: types.DefaultBoardRule()})
}
