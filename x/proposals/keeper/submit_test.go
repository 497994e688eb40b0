package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// communityParamsMsg is a governance-signed x/community params change: a
// standard bylaw amendment by the classification table.
func communityParamsMsg(f *keepertest.Fixture) *communitytypes.MsgUpdateParams {
	p, err := f.Keeper.GetParams(f.Ctx)
	if err != nil {
		panic(err)
	}
	p.MaxTitleLength = 77
	return &communitytypes.MsgUpdateParams{Authority: f.Authority, Params: p}
}

// treasuryCoins is what the treasury spends in these tests.
var treasuryCoins = sdk.NewCoins(sdk.NewInt64Coin(communitytypes.FeeDenom, 500))

// TestSubmitOriginators checks who may speak for an originator: a supporting
// community through its body address (its motion), the Board through a
// voting director or its own body address; nobody else.
func TestSubmitOriginators(t *testing.T) {
	tests := []struct {
		name       string
		proposer   sdk.AccAddress
		originator string
		kind       types.ProposalKind
		err        *errorsmod.Error
		status     types.ProposalStatus
	}{
		{"supporting community by its body", communitytypes.BodyAddress("dev"), "dev", types.KindPolicy, nil, types.StatusPublicComment},
		{"supporting community, bylaw", communitytypes.BodyAddress("fin"), "fin", types.KindStandardBylaw, nil, types.StatusPublicComment},
		{"board by a voting director", addr("director-nomcom-2"), types.BoardOriginator, types.KindResolution, nil, types.StatusBoardVote},
		{"board by its body address", communitytypes.BodyAddress(types.BoardOriginator), types.BoardOriginator, types.KindTechnical, nil, types.StatusPublicComment},
		{"advisory community by its body", communitytypes.BodyAddress("users"), "users", types.KindPolicy, types.ErrOriginatorNotAllowed, 0},
		{"nominating committee by its body", communitytypes.BodyAddress("nomcom"), "nomcom", types.KindPolicy, types.ErrOriginatorNotAllowed, 0},
		{"unknown community", communitytypes.BodyAddress("nobody"), "nobody", types.KindPolicy, types.ErrUnknownCommunity, 0},
		{"liaison for the board", addr("gov-chair"), types.BoardOriginator, types.KindResolution, types.ErrNotDirector, 0},
		{"member for the board", addr("dev-chair"), types.BoardOriginator, types.KindResolution, types.ErrNotDirector, 0},
		{"chair for its community", addr("dev-chair"), "dev", types.KindPolicy, types.ErrUnauthorized, 0},
		{"another community's body", communitytypes.BodyAddress("ops"), "dev", types.KindPolicy, types.ErrUnauthorized, 0},
		{"director for a community", addr("director-dev"), "dev", types.KindPolicy, types.ErrUnauthorized, 0},
		{"community kind not allowed: resolution", communitytypes.BodyAddress("dev"), "dev", types.KindResolution, types.ErrOriginatorNotAllowed, 0},
		{"community kind not allowed: technical", communitytypes.BodyAddress("ops"), "ops", types.KindTechnical, types.ErrOriginatorNotAllowed, 0},
		{"board kind not allowed: policy", addr("director-dev"), types.BoardOriginator, types.KindPolicy, types.ErrOriginatorNotAllowed, 0},
		{"kind unspecified", communitytypes.BodyAddress("dev"), "dev", types.KindUnspecified, types.ErrInvalidKind, 0},
		{"kind unknown", communitytypes.BodyAddress("dev"), "dev", types.ProposalKind(9), types.ErrInvalidKind, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			msg := f.ProposalMsg(tc.proposer, tc.originator, tc.kind)
			if tc.err != nil {
				requireFailsUnchanged(t, f, msg, tc.err)
				return
			}
			id, err := f.SubmitProposal(msg)
			require.NoError(t, err)
			p := f.GetProposal(id)
			require.Equal(t, tc.status, p.Status)
			require.Equal(t, tc.originator, p.Originator)
			require.Equal(t, tc.proposer.String(), p.Proposer)
			ev := requireEvent[*types.EventProposalSubmitted](t, f)
			require.Equal(t, id, ev.ProposalId)
			require.Equal(t, tc.status, ev.Status)
		})
	}

	t.Run("bad proposer address", func(t *testing.T) {
		f := newFixture(t)
		msg := f.ProposalMsg(addr("x"), "dev", types.KindPolicy)
		msg.Proposer = "polity1notanaddress"
		requireFailsUnchanged(t, f, msg, types.ErrInvalidAddress)
	})
}

// TestSubmitThroughMotion checks the real path of a community proposal: the
// community's motion passes and its execution submits the proposal, through
// the one router both modules share.
func TestSubmitThroughMotion(t *testing.T) {
	f := newFixture(t)
	msg := f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindPolicy)
	m := f.Pass(addr("dev-chair"), "dev", []sdk.AccAddress{addr("dev-chair"), addr("dev-member")}, msg)
	require.Equal(t, communitytypes.MotionStatusPassed, m.Status, m.FailureReason)
	p := f.GetProposal(1)
	require.Equal(t, types.StatusPublicComment, p.Status)
	require.Equal(t, body("dev"), p.Proposer)
	require.Equal(t, f.Now().Add(keepertest.CommentPeriod), p.Deadline)
	require.Len(t, typedEvents[*types.EventProposalSubmitted](t, f.Events()), 1)
}

// TestClassificationGuard checks that a proposal whose kind is weaker than
// one of its messages requires is refused, and that a strong enough kind is
// accepted.
func TestClassificationGuard(t *testing.T) {
	f := newFixture(t)
	gov := f.Authority
	send := &banktypes.MsgSend{FromAddress: gov, ToAddress: addr("x").String(), Amount: treasuryCoins}
	multi := &banktypes.MsgMultiSend{
		Inputs:  []banktypes.Input{{Address: gov, Coins: treasuryCoins}},
		Outputs: []banktypes.Output{{Address: addr("x").String(), Coins: treasuryCoins}},
	}
	tests := []struct {
		name       string
		originator string
		kind       types.ProposalKind
		msg        sdk.Msg
		ok         bool
	}{
		{"community params in a resolution", types.BoardOriginator, types.KindResolution, communityParamsMsg(f), false},
		{"community params in a technical proposal", types.BoardOriginator, types.KindTechnical, communityParamsMsg(f), false},
		{"community params in a policy", "dev", types.KindPolicy, communityParamsMsg(f), false},
		{"community params in a budget", "dev", types.KindBudget, communityParamsMsg(f), false},
		{"community params in a standard bylaw", "dev", types.KindStandardBylaw, communityParamsMsg(f), true},
		{"treasury spend in a technical proposal", types.BoardOriginator, types.KindTechnical, send, false},
		{"treasury spend in a budget", "dev", types.KindBudget, send, true},
		{"unlisted type in a standard bylaw", "dev", types.KindStandardBylaw, multi, false},
		{"unlisted type in a fundamental bylaw", "dev", types.KindFundamentalBylaw, multi, true},
		{"proposals params in a standard bylaw", "dev", types.KindStandardBylaw, &types.MsgUpdateParams{Authority: gov, Params: types.DefaultParams()}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			proposer := communitytypes.BodyAddress(tc.originator)
			if tc.originator == types.BoardOriginator {
				proposer = addr("director-dev")
			}
			msg := f.ProposalMsg(proposer, tc.originator, tc.kind, tc.msg)
			if !tc.ok {
				requireFailsUnchanged(t, f, msg, types.ErrKindTooWeak)
				return
			}
			_, err := f.SubmitProposal(msg)
			require.NoError(t, err)
		})
	}
}

// TestSubmitMessageRules checks the message rules: signed by the governance
// address alone, routable, decodable, and at most max_messages.
func TestSubmitMessageRules(t *testing.T) {
	f := newFixture(t)
	gov := f.Authority
	tests := []struct {
		name string
		msgs []sdk.Msg
	}{
		{"signed by a community body", []sdk.Msg{&banktypes.MsgSend{FromAddress: body("dev"), ToAddress: addr("x").String(), Amount: treasuryCoins}}},
		{"signed by a member", []sdk.Msg{&communitytypes.MsgUpdateParams{Authority: addr("dev-chair").String(), Params: communitytypes.DefaultParams()}}},
		{"second message signed by another", []sdk.Msg{
			communityParamsMsg(f),
			&banktypes.MsgSend{FromAddress: addr("dev-chair").String(), ToAddress: addr("x").String(), Amount: treasuryCoins},
		}},
		{"unroutable (no consensus keeper here)", []sdk.Msg{&consensustypes.MsgUpdateParams{Authority: gov}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			requireFailsUnchanged(t, f, f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindFundamentalBylaw, tc.msgs...), types.ErrInvalidMessages)
		})
	}

	t.Run("too many", func(t *testing.T) {
		msgs := make([]sdk.Msg, types.DefaultParams().MaxMessages+1)
		for i := range msgs {
			msgs[i] = communityParamsMsg(f)
		}
		requireFailsUnchanged(t, f, f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindStandardBylaw, msgs...), types.ErrInvalidMessages)
		_, err := f.SubmitProposal(f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindStandardBylaw, msgs[1:]...))
		require.NoError(t, err, "max_messages is allowed")
	})
	t.Run("undecodable", func(t *testing.T) {
		msg := f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindFundamentalBylaw)
		msg.Messages = []*codectypes.Any{{TypeUrl: "/polity.nothing.v1.MsgNothing", Value: []byte{1}}}
		requireFailsUnchanged(t, f, msg, types.ErrInvalidMessages)
	})
}

// TestSubmitTexts checks the title, summary and document rules.
func TestSubmitTexts(t *testing.T) {
	f := newFixture(t)
	params := types.DefaultParams()
	tests := []struct {
		name string
		edit func(*types.MsgSubmitProposal)
		err  *errorsmod.Error
	}{
		{"missing title", func(m *types.MsgSubmitProposal) { m.Title = "" }, types.ErrRequired},
		{"title too long", func(m *types.MsgSubmitProposal) { m.Title = strings.Repeat("t", int(params.MaxTitleLength)+1) }, types.ErrTextTooLong},
		{"summary too long", func(m *types.MsgSubmitProposal) { m.Summary = strings.Repeat("s", int(params.MaxSummaryLength)+1) }, types.ErrTextTooLong},
		{"missing document", func(m *types.MsgSubmitProposal) { m.Document = communitytypes.Document{} }, types.ErrRequired},
		{"bad hash", func(m *types.MsgSubmitProposal) { m.Document.Hash = "abc" }, types.ErrInvalidDocument},
		{"upper-case hash", func(m *types.MsgSubmitProposal) { m.Document.Hash = strings.ToUpper(m.Document.Hash) }, types.ErrInvalidDocument},
		{"hash without uri", func(m *types.MsgSubmitProposal) { m.Document.Uri = "" }, types.ErrInvalidDocument},
		{"uri too long", func(m *types.MsgSubmitProposal) { m.Document.Uri = strings.Repeat("u", int(params.MaxUriLength)+1) }, types.ErrInvalidDocument},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindPolicy)
			tc.edit(msg)
			requireFailsUnchanged(t, f, msg, tc.err)
		})
	}
	msg := f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindPolicy)
	msg.Title, msg.Summary = strings.Repeat("t", int(params.MaxTitleLength)), ""
	_, err := f.SubmitProposal(msg)
	require.NoError(t, err, "a title at the limit and no summary are fine")
}

// TestZeroCommentPeriod checks that a kind without public comment opens its
// Board vote at submission, snapshotting the voting directors.
func TestZeroCommentPeriod(t *testing.T) {
	f := newFixture(t)
	f.NextBlock(0)
	f.ResetEvents()
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution)
	p := f.GetProposal(id)
	require.Equal(t, types.StatusBoardVote, p.Status)
	require.Equal(t, uint64(7), p.BoardEligibleWeight, "the seven voting directors, not the liaisons")
	require.Equal(t, f.Ctx.BlockHeight(), p.BoardVoteStartHeight)
	require.Equal(t, f.Now(), p.BoardVoteStartTime)
	require.Equal(t, f.Now().Add(keepertest.VotingPeriod), p.BoardVoteEndTime)
	require.Equal(t, p.BoardVoteEndTime, p.Deadline)
	require.Equal(t, "0.5", p.BoardThreshold)
	submitted := requireEvent[*types.EventProposalSubmitted](t, f)
	require.Equal(t, types.StatusBoardVote, submitted.Status, "the submission announces the first phase")
	require.Equal(t, p.Deadline, submitted.Deadline)

	// Any kind whose comment period is set to zero does the same.
	params := f.ExportProposals().Params
	for i := range params.KindRules {
		if params.KindRules[i].Kind == types.KindPolicy {
			params.KindRules[i].PublicCommentPeriod = 0
		}
	}
	f.MustDeliver(&types.MsgUpdateParams{Authority: f.Authority, Params: params})
	id = f.MustSubmitProposal("dev", types.KindPolicy)
	require.Equal(t, types.StatusBoardVote, f.GetProposal(id).Status)
}

// TestBoardResolutionCannotLowerCommunityRule: a community's decision rule
// (its threshold, alternatives and per-action rules) changes only by a
// standard bylaw amendment, which the Empowered Community may reject. A
// Board resolution or technical proposal, which the Board's majority alone
// decides, cannot carry it; nothing is submitted.
func TestBoardResolutionCannotLowerCommunityRule(t *testing.T) {
	f := newFixture(t)
	lowered := communitytypes.DecisionRule{
		Threshold: "0.01", Quorum: "0", VotingPeriod: keepertest.VotingPeriod, Basis: communitytypes.BasisVotesCast,
		Actions: []communitytypes.ActionRule{{
			MsgTypeUrl: sdk.MsgTypeURL(&types.MsgSubmitProposal{}),
			Rule:       communitytypes.DecisionRule{Threshold: "0.01", Quorum: "0", VotingPeriod: keepertest.VotingPeriod, Basis: communitytypes.BasisVotesCast},
		}},
	}
	set := &communitytypes.MsgSetDecisionRule{Authority: f.Authority, BodyId: "dev", Rule: lowered}
	for _, kind := range []types.ProposalKind{types.KindResolution, types.KindTechnical} {
		requireFailsUnchanged(t, f, f.ProposalMsg(addr("director-dev"), types.BoardOriginator, kind, set), types.ErrKindTooWeak)
	}
	_, err := f.SubmitProposal(f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", types.KindStandardBylaw, set))
	require.NoError(t, err, "a standard bylaw amendment may carry it")
}
