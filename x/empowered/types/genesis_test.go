package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/empowered/types"
)

var codec = addresscodec.NewBech32Codec("polity")

// validGenesis has one action in its decision period with one decision, a
// closed action with an inspection, and a statement.
func validGenesis() *types.GenesisState {
	keepertest.SetAddressConfig()
	when := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	gs := types.DefaultGenesis()
	gs.Actions = []types.Action{
		{Id: 1, Power: types.PowerRecallBoard, Stage: types.StageDecision, Participants: []string{"dev", "ops"},
			MinSupport: 4, MaxObjections: 1, Supports: 1, Deadline: when},
		{Id: 2, Power: types.PowerInspection, Stage: types.StageSucceeded, Participants: []string{"dev", "ops"}, MinSupport: 3, EffectRef: 1},
	}
	gs.Decisions = []types.Decision{{ActionId: 1, CommunityId: "dev", Choice: types.ChoiceSupport}}
	gs.Statements = []types.Statement{{ActionId: 1, Id: 1, Author: keepertest.Addr("outsider").String(), Text: "hi"}}
	gs.Inspections = []types.Inspection{{Id: 1, ActionId: 2, Deadline: when}}
	gs.NextActionId, gs.NextStatementId, gs.NextInspectionId = 3, 2, 2
	return gs
}

// TestGenesisValidate checks that Validate accepts the default and a valid
// state, and rejects everything InitGenesis would get wrong.
func TestGenesisValidate(t *testing.T) {
	require.NoError(t, types.DefaultGenesis().Validate(codec))
	require.NoError(t, validGenesis().Validate(codec))

	tests := []struct {
		name string
		edit func(*types.GenesisState)
	}{
		{"bad params", func(gs *types.GenesisState) { gs.Params.Rules = gs.Params.Rules[1:] }},
		{"action id zero", func(gs *types.GenesisState) { gs.Actions[0].Id = 0 }},
		{"action id not below the sequence", func(gs *types.GenesisState) { gs.NextActionId = 2 }},
		{"duplicate action", func(gs *types.GenesisState) { gs.Actions[1].Id = 1 }},
		{"no stage", func(gs *types.GenesisState) { gs.Actions[0].Stage = types.StageUnspecified }},
		{"unknown stage", func(gs *types.GenesisState) { gs.Actions[0].Stage = 99 }},
		{"no power", func(gs *types.GenesisState) { gs.Actions[0].Power = types.PowerUnspecified }},
		{"unknown power", func(gs *types.GenesisState) { gs.Actions[0].Power = 99 }},
		{"open action without a deadline", func(gs *types.GenesisState) { gs.Actions[0].Deadline = time.Time{} }},
		{"closed action with a deadline", func(gs *types.GenesisState) { gs.Actions[1].Deadline = gs.Actions[0].Deadline }},
		{"decision on an unknown action", func(gs *types.GenesisState) { gs.Decisions[0].ActionId = 9 }},
		{"decision by a non-participant", func(gs *types.GenesisState) { gs.Decisions[0].CommunityId = "gov" }},
		{"decision twice", func(gs *types.GenesisState) { gs.Decisions = append(gs.Decisions, gs.Decisions[0]) }},
		{"decision without a choice", func(gs *types.GenesisState) { gs.Decisions[0].Choice = types.ChoiceUnspecified }},
		{"tally not matching the decisions", func(gs *types.GenesisState) { gs.Actions[0].Supports = 2 }},
		{"tally without decisions", func(gs *types.GenesisState) { gs.Actions[1].Objections = 1 }},
		{"statement on an unknown action", func(gs *types.GenesisState) { gs.Statements[0].ActionId = 9 }},
		{"statement id not below the sequence", func(gs *types.GenesisState) { gs.NextStatementId = 1 }},
		{"statement twice", func(gs *types.GenesisState) { gs.Statements = append(gs.Statements, gs.Statements[0]) }},
		{"statement by a bad address", func(gs *types.GenesisState) { gs.Statements[0].Author = "nope" }},
		{"inspection id not below the sequence", func(gs *types.GenesisState) { gs.NextInspectionId = 1 }},
		{"inspection twice", func(gs *types.GenesisState) { gs.Inspections = append(gs.Inspections, gs.Inspections[0]) }},
		{"inspection of an unknown action", func(gs *types.GenesisState) { gs.Inspections[0].ActionId = 9 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gs := validGenesis()
			tc.edit(gs)
			err := gs.Validate(codec)
			want := types.ErrInvalidGenesis
			if tc.name == "bad params" {
				want = types.ErrInvalidParams
			}
			require.ErrorIs(t, err, want, "%v", err)
		})
	}
}

// TestParamsValidate checks the params' bounds.
func TestParamsValidate(t *testing.T) {
	require.NoError(t, types.DefaultParams().Validate())
	tests := []struct {
		name string
		edit func(*types.Params)
	}{
		{"a rule missing", func(p *types.Params) { p.Rules = p.Rules[:9] }},
		{"a rule twice", func(p *types.Params) { p.Rules[1] = p.Rules[0] }},
		{"no support needed", func(p *types.Params) { p.Rules[0].MinSupport = 0 }},
		{"support beyond bounds", func(p *types.Params) { p.Rules[0].MinSupport = 101 }},
		{"objections beyond bounds", func(p *types.Params) { p.Rules[0].MaxObjections = 101 }},
		{"a rejection flagged approval", func(p *types.Params) { p.Rules[0].Approval = true }},
		{"an approval not flagged", func(p *types.Params) { p.Rules[2].Approval = false }},
		{"no forum", func(p *types.Params) { p.Rules[0].ForumPeriod = 0 }},
		{"no decision period", func(p *types.Params) { p.Rules[2].DecisionPeriod = 0 }},
		{"no petition period", func(p *types.Params) { p.Rules[0].PetitionPeriod = 0 }},
		{"no support period", func(p *types.Params) { p.Rules[0].SupportPeriod = -time.Second }},
		{"no inspection period", func(p *types.Params) { p.InspectionResponsePeriod = 0 }},
		{"no text", func(p *types.Params) { p.MaxTextLength = 0 }},
		{"huge uri", func(p *types.Params) { p.MaxUriLength = 5000 }},
		{"no queue", func(p *types.Params) { p.MaxQueueItemsPerBlock = 0 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := types.DefaultParams()
			tc.edit(&p)
			require.ErrorIs(t, p.Validate(), types.ErrInvalidParams)
		})
	}
	// An approval needs no petition or support period.
	p := types.DefaultParams()
	require.Zero(t, p.Rules[2].PetitionPeriod)
	require.True(t, types.IsApproval(types.PowerConfirmPanelist))
	require.False(t, types.IsApproval(types.PowerRecallBoard))
}
