package ante_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/polity-chain/polity/app/ante"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	empoweredtypes "github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// chair is the Board chair of the pause tests.
const chair = "director-ops"

var sendURL = sdk.MsgTypeURL(&banktypes.MsgSend{})

// pause builds the decorator exactly as app/ante.go does.
func pause(f *keepertest.Fixture) ante.PauseDecorator { return ante.NewPauseDecorator(f.Review) }

// chain runs decorators in order as sdk.ChainAnteDecorators does, then the
// next handler: the permission and pause decorators as the app chains them.
type chain []sdk.AnteDecorator

func (c chain) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	return sdk.ChainAnteDecorators(append(slices.Clone(c), tail{next})...)(ctx, tx, simulate)
}

// tail hands the transaction to the next handler given to the chain.
type tail struct{ next sdk.AnteHandler }

func (t tail) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, _ sdk.AnteHandler) (sdk.Context, error) {
	return t.next(ctx, tx, simulate)
}

// pauseType has the Board chair pause a message type by an emergency action
// and returns the action's id.
func pauseType(t *testing.T, f *keepertest.Fixture, typeURL string) uint64 {
	t.Helper()
	id, err := f.TakeEmergency(keepertest.EmergencyMsg(chair, reviewtypes.EmergencyPauseMessage, typeURL))
	require.NoError(t, err)
	paused, err := f.Review.IsPaused(f.Ctx, typeURL)
	require.NoError(t, err)
	require.True(t, paused)
	return id
}

// TestPauseRefusesPausedType checks that a paused message type is refused in
// every mode, alone or among other messages, with x/review's registered
// ErrPaused; that other types pass; and that lifting the action lets it pass
// again.
func TestPauseRefusesPausedType(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	f.SetBoardChair(chair)
	d := pause(f)
	require.Equal(t, reviewtypes.ModuleName, reviewtypes.ErrPaused.Codespace())
	require.EqualValues(t, 21, reviewtypes.ErrPaused.ABCICode())
	member := addr("dev-member")

	requireAccepted(t, f.Ctx, d, f.Tx(nil, send(member)), false)
	id := pauseType(t, f, sendURL)

	modes := map[string]sdk.Context{
		"deliver": f.Ctx,
		"check":   f.Ctx.WithIsCheckTx(true),
		"recheck": f.Ctx.WithIsReCheckTx(true),
	}
	for name, ctx := range modes {
		for _, simulate := range []bool{false, true} {
			err := requireRefused(t, ctx, d, f.Tx(nil, send(member)), simulate, reviewtypes.ErrPaused)
			require.Contains(t, err.Error(), sendURL, "%s, simulate %t", name, simulate)
		}
	}
	requireRefused(t, f.Ctx, d, f.Tx(nil, comment(member), send(member)), false, reviewtypes.ErrPaused)
	requireRefused(t, f.Ctx, d, f.Tx(nil, send(member), comment(member)), false, reviewtypes.ErrPaused)

	// only the exact type is paused
	requireAccepted(t, f.Ctx, d, f.Tx(nil, comment(member)), false)
	multi := &banktypes.MsgMultiSend{
		Inputs:  []banktypes.Input{{Address: member.String(), Coins: send(member).Amount}},
		Outputs: []banktypes.Output{{Address: addr("dev-chair").String(), Coins: send(member).Amount}},
	}
	requireAccepted(t, f.Ctx, d, f.Tx(nil, multi), false)

	f.MustDeliver(&reviewtypes.MsgLiftEmergency{Authority: addr(chair).String(), EmergencyId: id})
	for _, ctx := range modes {
		requireAccepted(t, ctx, d, f.Tx(nil, send(member)), false)
	}
}

// TestPauseMotionNotPaused checks the decorator's stated scope: a body's
// motion carrying a paused message is not itself paused (the decorator looks
// at a transaction's own messages; what a body decides runs through its
// motion, not a transaction).
func TestPauseMotionNotPaused(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	f.SetBoardChair(chair)
	pauseType(t, f, sendURL)
	motion := &communitytypes.MsgSubmitMotion{
		Proposer: addr("dev-chair").String(), BodyId: "dev", Title: "pay",
		Messages: []*codectypes.Any{f.Any(send(communitytypes.BodyAddress("dev")))},
	}
	requireAccepted(t, f.Ctx, pause(f), f.Tx(nil, motion), false)
}

// TestPauseNeverPausesBoardBusiness checks the types an emergency may never
// pause: x/review refuses such an action, nothing is paused, and the
// decorator lets those messages through even while another type is paused,
// so that the Board can always vote on, ratify and lift emergency actions.
func TestPauseNeverPausesBoardBusiness(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	f.SetBoardChair(chair)
	id := pauseType(t, f, sendURL)
	d := pause(f)
	member := addr("dev-member")

	for _, msg := range []sdk.Msg{
		&reviewtypes.MsgLiftEmergency{Authority: addr(chair).String(), EmergencyId: id},
		&reviewtypes.MsgRatifyEmergency{Authority: f.Authority, EmergencyId: id},
		keepertest.EmergencyMsg(chair, reviewtypes.EmergencyStatement, ""),
		&reviewtypes.MsgFileComplaint{Complainant: member.String(), Subject: "subject", Complaint: keepertest.Doc("complaint")},
		&proposalstypes.MsgComment{Author: member.String(), ProposalId: 1, Text: "a comment"},
		&communitytypes.MsgVote{Voter: member.String(), MotionId: 1, Option: communitytypes.OptionYes},
		&communitytypes.MsgSubmitMotion{Proposer: member.String(), BodyId: "dev", Title: "a motion"},
	} {
		typeURL := sdk.MsgTypeURL(msg)
		_, err := f.TakeEmergency(keepertest.EmergencyMsg(chair, reviewtypes.EmergencyPauseMessage, typeURL))
		keepertest.RequireModuleErr(t, err, reviewtypes.ErrInvalidTarget)
		paused, err := f.Review.IsPaused(f.Ctx, typeURL)
		require.NoError(t, err)
		require.False(t, paused, typeURL)
		requireAccepted(t, f.Ctx, d, f.Tx(nil, msg), false)
	}
	paused, err := f.ReviewQueryServer.PausedMessages(f.Ctx, &reviewtypes.QueryPausedMessagesRequest{})
	require.NoError(t, err)
	require.Equal(t, []string{sendURL}, paused.TypeUrls)
}

// TestAnteChainOrder checks the two decorators chained as the app chains
// them: the permission check runs first, so an outsider's message outside the
// open door is refused as not permitted even when paused; open-door messages
// cannot be paused at all (they are the checks on the Board), so only the
// open-door fee stands in their way.
func TestAnteChainOrder(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	f.SetBoardChair(chair)
	d := chain{permission(f), pause(f)}
	fee := minFee(t, f)
	outsider, member := addr("outsider"), addr("dev-member")
	statement := func(author string) *empoweredtypes.MsgPostStatement {
		return &empoweredtypes.MsgPostStatement{Author: author, ActionId: 1, Text: "a statement"}
	}
	requireAccepted(t, f.Ctx, d, f.Tx(fee, statement(outsider.String())), false)

	pauseType(t, f, sendURL)
	// the Empowered Community's statements are never pausable
	_, err := f.TakeEmergency(keepertest.EmergencyMsg(chair, reviewtypes.EmergencyPauseMessage, sdk.MsgTypeURL(&empoweredtypes.MsgPostStatement{})))
	require.ErrorIs(t, err, reviewtypes.ErrInvalidTarget)
	requireRefused(t, f.Ctx, d, f.Tx(fee, send(outsider)), false, communitytypes.ErrNotPermitted)
	requireRefused(t, f.Ctx, d, f.Tx(nil, send(member)), false, reviewtypes.ErrPaused)
	requireAccepted(t, f.Ctx, d, f.Tx(fee, statement(outsider.String())), false)
	requireRefused(t, f.Ctx, d, f.Tx(nil, statement(outsider.String())), false, communitytypes.ErrInsufficientFee)
	requireAccepted(t, f.Ctx, d, f.Tx(nil, statement(member.String())), false)
	requireAccepted(t, f.Ctx, d, f.Tx(fee, comment(outsider)), false)
}
