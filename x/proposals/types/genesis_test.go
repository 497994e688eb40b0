package types_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/address"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// addressCodec is the chain's account address codec.
func addressCodec() address.Codec {
	keepertest.SetAddressConfig()
	return addresscodec.NewBech32Codec("polity")
}

// validGenesis has one proposal of each shape Validate cross-checks: an open
// Board vote with a vote, a comment and pending linked advice; a ratified
// policy that registered a document; and answered topic advice.
func validGenesis() *types.GenesisState {
	gs := types.DefaultGenesis()
	rule := func(kind types.ProposalKind) types.KindRule {
		r, _ := gs.Params.KindRule(kind)
		return r
	}
	t0 := keepertest.GenesisTime
	director := keepertest.Addr("director-dev").String()
	gs.Proposals = []types.Proposal{
		{
			Id: 1, Kind: types.KindResolution, Originator: types.BoardOriginator, Proposer: director, Title: "open",
			Document: keepertest.Doc("one"), Status: types.StatusBoardVote, Rule: rule(types.KindResolution),
			Deadline: t0.Add(time.Hour), BoardEligibleWeight: 7, BoardTally: communitytypes.Tally{Yes: 1}, PendingAdvice: 1,
		},
		{
			Id: 2, Kind: types.KindPolicy, Originator: "dev", Proposer: communitytypes.BodyAddress("dev").String(), Title: "policy",
			Document: keepertest.Doc("two"), Status: types.StatusRatified, Rule: rule(types.KindPolicy), RegistryVersions: []uint64{1},
		},
	}
	gs.Votes = []types.BoardVote{{ProposalId: 1, Director: director, Option: communitytypes.OptionYes, Time: t0}}
	gs.Comments = []types.Comment{{ProposalId: 1, Id: 1, Author: director, Role: types.RoleDirector, Text: "hi", Time: t0}}
	gs.Advice = []types.Advice{
		{Id: 1, CommunityId: "users", ProposalId: 1, Title: "a", Document: keepertest.Doc("a"), Status: types.AdvicePending, Deadline: t0.Add(time.Hour)},
		{Id: 2, CommunityId: "gov", Topic: "t", Title: "b", Document: keepertest.Doc("b"), Status: types.AdviceAnswered, Response: types.ResponseAccepted},
	}
	gs.Documents = []types.DocumentVersion{
		{Kind: types.DocumentBylaws, Version: 1, Document: keepertest.Doc("bylaws")},
		{Kind: types.DocumentPolicy, Scope: "dev", Version: 1, Document: keepertest.Doc("two"), ProposalId: 2},
	}
	gs.NextProposalId, gs.NextAdviceId, gs.NextCommentId = 3, 3, 2
	return gs
}

// heldGenesis is validGenesis with proposal 1 held by two sources.
func heldGenesis() *types.GenesisState {
	gs := validGenesis()
	review := keepertest.Addr("review").String()
	gs.Proposals[0].Stayed, gs.Proposals[0].HoldCount = true, 2
	gs.Holds = []types.Hold{
		{ProposalId: 1, Source: "irp/1", Holder: review, Reason: "interim relief requested"},
		{ProposalId: 1, Source: "emergency/2", Holder: review, Reason: "emergency action 2"},
	}
	return gs
}

// recordedGenesis is validGenesis with two released holds on proposal 1 and
// the ratified policy's full text, kept with its proposal and its version.
func recordedGenesis() *types.GenesisState {
	gs := validGenesis()
	review := keepertest.Addr("review").String()
	t0 := keepertest.GenesisTime
	gs.ReleasedHolds = []types.ReleasedHold{
		{ProposalId: 1, Sequence: 1, Source: "irp/1", Holder: review, Height: 3, Time: t0, ReleasedHeight: 5, ReleasedTime: t0.Add(time.Minute)},
		{ProposalId: 1, Sequence: 2, Source: "emergency/2", Holder: review, Height: 4, Time: t0, ReleasedHeight: 4, ReleasedTime: t0},
	}
	text := "Policy.\nReleases are signed.\n"
	gs.Proposals[1].Document.Hash = types.DocumentTextHash(text)
	gs.Documents[1].Document, gs.Documents[1].Text = gs.Proposals[1].Document, text
	gs.DocumentTexts = []types.DocumentText{{ProposalId: 2, Text: text}}
	return gs
}

// TestGenesisValidates checks the default genesis, the constitution's and the
// hand-built one above.
func TestGenesisValidates(t *testing.T) {
	ac := addressCodec()
	require.NoError(t, types.DefaultGenesis().Validate(ac))
	require.NoError(t, keepertest.BuildConstitution(t, false).Proposals.Validate(ac))
	require.NoError(t, validGenesis().Validate(ac))
	require.NoError(t, recordedGenesis().Validate(ac))

	// An approved proposal waits for its holds without a deadline.
	gs := heldGenesis()
	gs.Proposals[0].Status, gs.Proposals[0].Deadline = types.StatusApproved, time.Time{}
	gs.Proposals[0].PendingAdvice, gs.Advice[0].ProposalId = 0, 0
	require.NoError(t, gs.Validate(ac))

	// A closed proposal keeps the count it had; only open ones must match.
	gs = validGenesis()
	gs.Proposals[0].Status = types.StatusWithdrawn
	gs.Proposals[0].PendingAdvice = 5
	require.NoError(t, gs.Validate(ac))
}

// TestGenesisValidateRejects checks that every inconsistency InitGenesis
// would trip over is refused with ErrInvalidGenesis (ErrInvalidParams for
// params).
func TestGenesisValidateRejects(t *testing.T) {
	ac := addressCodec()
	tests := []struct {
		name string
		edit func(*types.GenesisState)
		want error
	}{
		{"bad params", func(gs *types.GenesisState) { gs.Params.MaxMessages = 0 }, types.ErrInvalidParams},
		{"proposal id zero", func(gs *types.GenesisState) { gs.Proposals[1].Id = 0 }, nil},
		{"duplicate proposal", func(gs *types.GenesisState) { gs.Proposals[1].Id = 1 }, nil},
		{"proposal sequence behind", func(gs *types.GenesisState) { gs.NextProposalId = 2 }, nil},
		{"invalid kind", func(gs *types.GenesisState) { gs.Proposals[0].Kind = types.KindUnspecified }, nil},
		{"rule of another kind", func(gs *types.GenesisState) { gs.Proposals[0].Kind = types.KindTechnical }, nil},
		{"status unspecified", func(gs *types.GenesisState) { gs.Proposals[0].Status = types.StatusUnspecified }, nil},
		{"status unknown", func(gs *types.GenesisState) { gs.Proposals[0].Status = 42 }, nil},
		{"bad proposer", func(gs *types.GenesisState) { gs.Proposals[0].Proposer = "cosmos1xyz" }, nil},
		{"missing title", func(gs *types.GenesisState) { gs.Proposals[0].Title = "" }, nil},
		{"missing originator", func(gs *types.GenesisState) { gs.Proposals[0].Originator = "" }, nil},
		{"invalid rule", func(gs *types.GenesisState) { gs.Proposals[0].Rule.BoardRule.Threshold = "2" }, nil},
		{"open without a deadline", func(gs *types.GenesisState) { gs.Proposals[0].Deadline = time.Time{} }, nil},
		{"proposal updated before submission", func(gs *types.GenesisState) {
			gs.Proposals[0].SubmitHeight, gs.Proposals[0].UpdatedHeight = 5, 4
		}, nil},
		{"advice updated before submission", func(gs *types.GenesisState) { gs.Advice[0].SubmitHeight, gs.Advice[0].UpdatedHeight = 5, 4 }, nil},
		{"approved but not held", func(gs *types.GenesisState) {
			gs.Proposals[0].Status = types.StatusApproved
			gs.Proposals[0].PendingAdvice = 0
			gs.Advice[0].ProposalId = 0
		}, nil},
		{"stayed without holds", func(gs *types.GenesisState) { gs.Proposals[0].Stayed = true }, nil},
		{"hold_count without holds", func(gs *types.GenesisState) { gs.Proposals[0].HoldCount, gs.Proposals[0].Stayed = 1, true }, nil},
		{"vote on a missing proposal", func(gs *types.GenesisState) { gs.Votes[0].ProposalId = 9 }, nil},
		{"vote by a bad address", func(gs *types.GenesisState) { gs.Votes[0].Director = "nobody" }, nil},
		{"double vote", func(gs *types.GenesisState) {
			gs.Votes = append(gs.Votes, gs.Votes[0])
			gs.Proposals[0].BoardTally.Yes = 2
		}, nil},
		{"invalid vote option", func(gs *types.GenesisState) { gs.Votes[0].Option = communitytypes.OptionUnspecified }, nil},
		{"tally above the votes", func(gs *types.GenesisState) { gs.Proposals[0].BoardTally.Yes = 2 }, nil},
		{"tally on the wrong option", func(gs *types.GenesisState) { gs.Proposals[0].BoardTally = communitytypes.Tally{No: 1} }, nil},
		{"tally without votes", func(gs *types.GenesisState) { gs.Proposals[1].BoardTally.No = 1 }, nil},
		{"comment on a missing proposal", func(gs *types.GenesisState) { gs.Comments[0].ProposalId = 9 }, nil},
		{"comment id zero", func(gs *types.GenesisState) { gs.Comments[0].Id = 0 }, nil},
		{"comment sequence behind", func(gs *types.GenesisState) { gs.NextCommentId = 1 }, nil},
		{"duplicate comment", func(gs *types.GenesisState) { gs.Comments = append(gs.Comments, gs.Comments[0]) }, nil},
		{"advice id zero", func(gs *types.GenesisState) { gs.Advice[1].Id = 0 }, nil},
		{"duplicate advice", func(gs *types.GenesisState) { gs.Advice[1].Id = 1 }, nil},
		{"advice sequence behind", func(gs *types.GenesisState) { gs.NextAdviceId = 2 }, nil},
		{"advice status unspecified", func(gs *types.GenesisState) { gs.Advice[1].Status = types.AdviceUnspecified }, nil},
		{"advice on a missing proposal", func(gs *types.GenesisState) { gs.Advice[1].ProposalId = 9 }, nil},
		{"pending advice not counted", func(gs *types.GenesisState) { gs.Proposals[0].PendingAdvice = 0 }, nil},
		{"pending advice over-counted", func(gs *types.GenesisState) { gs.Proposals[0].PendingAdvice = 2 }, nil},
		{"answered advice counted", func(gs *types.GenesisState) { gs.Advice[0].Status = types.AdviceAnswered }, nil},
		{"overdue advice not counted", func(gs *types.GenesisState) {
			gs.Advice = append(gs.Advice, types.Advice{Id: 3, CommunityId: "gov", ProposalId: 1, Title: "c", Status: types.AdviceOverdue})
			gs.NextAdviceId = 4
		}, nil},
		{"document kind unspecified", func(gs *types.GenesisState) { gs.Documents[0].Kind = types.DocumentUnspecified }, nil},
		{"document version zero", func(gs *types.GenesisState) { gs.Documents[0].Version = 0 }, nil},
		{"duplicate document version", func(gs *types.GenesisState) { gs.Documents = append(gs.Documents, gs.Documents[0]) }, nil},
		{"document of a missing proposal", func(gs *types.GenesisState) { gs.Documents[1].ProposalId = 9 }, nil},
	}
	held := []struct {
		name string
		edit func(*types.GenesisState)
	}{
		{"hold on a missing proposal", func(gs *types.GenesisState) { gs.Holds[1].ProposalId = 9 }},
		{"hold without a source", func(gs *types.GenesisState) { gs.Holds[1].Source = "" }},
		{"hold with a bad holder", func(gs *types.GenesisState) { gs.Holds[1].Holder = "nobody" }},
		{"hold listed twice", func(gs *types.GenesisState) { gs.Holds[1] = gs.Holds[0] }},
		{"hold_count below the holds", func(gs *types.GenesisState) { gs.Proposals[0].HoldCount = 1 }},
		{"held but not stayed", func(gs *types.GenesisState) { gs.Proposals[0].Stayed = false }},
	}
	records := []struct {
		name string
		edit func(*types.GenesisState)
		want error
	}{
		{"released hold on a missing proposal", func(gs *types.GenesisState) { gs.ReleasedHolds[0].ProposalId = 9 }, nil},
		{"released holds out of sequence", func(gs *types.GenesisState) { gs.ReleasedHolds[1].Sequence = 3 }, nil},
		{"released hold numbered from zero", func(gs *types.GenesisState) { gs.ReleasedHolds[0].Sequence = 0 }, nil},
		{"released hold with a bad source", func(gs *types.GenesisState) { gs.ReleasedHolds[0].Source = "irp" }, nil},
		{"released hold with a bad holder", func(gs *types.GenesisState) { gs.ReleasedHolds[0].Holder = "nobody" }, nil},
		{"released before placed", func(gs *types.GenesisState) { gs.ReleasedHolds[0].ReleasedHeight = 1 }, nil},
		{"text of a missing proposal", func(gs *types.GenesisState) { gs.DocumentTexts[0].ProposalId = 9 }, nil},
		{"text listed twice", func(gs *types.GenesisState) { gs.DocumentTexts = append(gs.DocumentTexts, gs.DocumentTexts[0]) }, nil},
		{"empty text", func(gs *types.GenesisState) { gs.DocumentTexts[0].Text = "" }, nil},
		{"text its document does not anchor", func(gs *types.GenesisState) { gs.DocumentTexts[0].Text += "!" }, nil},
		{"version text its document does not anchor", func(gs *types.GenesisState) { gs.Documents[1].Text = "another text" }, nil},
		{"version text too long", func(gs *types.GenesisState) {
			gs.Documents[1].Text = strings.Repeat("x", types.MaxDocumentTextLength+1)
			gs.Documents[1].Document.Hash = types.DocumentTextHash(gs.Documents[1].Text)
		}, nil},
	}
	for _, tc := range records {
		t.Run(tc.name, func(t *testing.T) {
			gs := recordedGenesis()
			require.NoError(t, gs.Validate(ac))
			tc.edit(gs)
			require.ErrorIs(t, gs.Validate(ac), types.ErrInvalidGenesis)
		})
	}
	for _, tc := range held {
		t.Run(tc.name, func(t *testing.T) {
			gs := heldGenesis()
			require.NoError(t, gs.Validate(ac))
			tc.edit(gs)
			require.ErrorIs(t, gs.Validate(ac), types.ErrInvalidGenesis)
		})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gs := validGenesis()
			tc.edit(gs)
			want := tc.want
			if want == nil {
				want = types.ErrInvalidGenesis
			}
			require.ErrorIs(t, gs.Validate(ac), want)
		})
	}
}

// TestStatusTerminal lists the open statuses: everything else is final.
func TestStatusTerminal(t *testing.T) {
	open := map[types.ProposalStatus]bool{
		types.StatusPublicComment: true, types.StatusBoardVote: true, types.StatusECReview: true, types.StatusApproved: true,
		types.StatusQueued: true,
	}
	for s := range types.ProposalStatus_name {
		status := types.ProposalStatus(s)
		if status == types.StatusUnspecified {
			continue
		}
		require.Equal(t, !open[status], status.Terminal(), "%s", status)
	}
}

// TestGenesisCoolingOff checks the cooling-off records: from a vetoed or
// returned proposal, a 32-byte hash listed once, with an end.
func TestGenesisCoolingOff(t *testing.T) {
	ac := addressCodec()
	gs := validGenesis()
	gs.Proposals[1].Status = types.StatusVetoed
	hash := make([]byte, 32)
	gs.CoolingOff = []types.CoolingOff{{MessageHash: hash, ProposalId: 2, Until: keepertest.GenesisTime}}
	require.NoError(t, gs.Validate(ac))
	for name, edit := range map[string]func(*types.GenesisState){
		"from an open proposal":      func(gs *types.GenesisState) { gs.CoolingOff[0].ProposalId = 1 },
		"from a missing proposal":    func(gs *types.GenesisState) { gs.CoolingOff[0].ProposalId = 9 },
		"a short hash":               func(gs *types.GenesisState) { gs.CoolingOff[0].MessageHash = hash[:8] },
		"listed twice":               func(gs *types.GenesisState) { gs.CoolingOff = append(gs.CoolingOff, gs.CoolingOff[0]) },
		"without an end":             func(gs *types.GenesisState) { gs.CoolingOff[0].Until = time.Time{} },
		"returned_by_irp unreturned": func(gs *types.GenesisState) { gs.Proposals[1].ReturnedByIrp = 3 },
	} {
		t.Run(name, func(t *testing.T) {
			gs := validGenesis()
			gs.Proposals[1].Status = types.StatusVetoed
			gs.CoolingOff = []types.CoolingOff{{MessageHash: hash, ProposalId: 2, Until: keepertest.GenesisTime}}
			edit(gs)
			require.ErrorIs(t, gs.Validate(ac), types.ErrInvalidGenesis)
		})
	}
}
