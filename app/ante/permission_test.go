package ante_test

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	protov2 "google.golang.org/protobuf/proto"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/polity-chain/polity/app"
	"github.com/polity-chain/polity/app/ante"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	empoweredtypes "github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

var addr = keepertest.Addr

// TestMain sets the polity address prefixes before any address is printed:
// the SDK caches each address's bech32 string on first use.
func TestMain(m *testing.M) {
	keepertest.SetAddressConfig()
	os.Exit(m.Run())
}

// permission builds the decorator exactly as app/ante.go does, on the
// fixture's keepers.
func permission(f *keepertest.Fixture) ante.PermissionDecorator {
	return ante.NewPermissionDecorator(f.Keeper, app.OpenDoorMessages(), f.Keeper, f.Review)
}

// run passes tx through the decorator and reports whether the next handler
// was called, with the decorator's error.
func run(ctx sdk.Context, d sdk.AnteDecorator, tx sdk.Tx, simulate bool) (bool, error) {
	called := false
	next := func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) {
		called = true
		return ctx, nil
	}
	_, err := d.AnteHandle(ctx, tx, simulate, next)
	return called, err
}

// requireAccepted checks that the decorator passes tx on.
func requireAccepted(t *testing.T, ctx sdk.Context, d sdk.AnteDecorator, tx sdk.Tx, simulate bool) {
	t.Helper()
	called, err := run(ctx, d, tx, simulate)
	require.NoError(t, err)
	require.True(t, called, "the next handler was not called")
}

// requireRefused checks that the decorator stops tx with the registered
// error target (its code and codespace) and does not call the next handler.
func requireRefused(t *testing.T, ctx sdk.Context, d sdk.AnteDecorator, tx sdk.Tx, simulate bool, target *errorsmod.Error) error {
	t.Helper()
	called, err := run(ctx, d, tx, simulate)
	keepertest.RequireModuleErr(t, err, target)
	require.False(t, called, "a refused transaction reached the next handler")
	return err
}

// minFee is the constitution's open_door_min_fee.
func minFee(t *testing.T, f *keepertest.Fixture) sdk.Coins {
	t.Helper()
	fee, err := f.Keeper.OpenDoorMinFee(f.Ctx)
	require.NoError(t, err)
	require.False(t, fee.IsZero(), "the test constitution must set an open-door fee")
	return fee
}

// send is a bank transfer from an account: not an open-door message.
func send(from sdk.AccAddress) *banktypes.MsgSend {
	return &banktypes.MsgSend{FromAddress: from.String(), ToAddress: addr("dev-member").String(), Amount: sdk.NewCoins(sdk.NewInt64Coin(communitytypes.FeeDenom, 1))}
}

// comment is a public comment on a proposal: an open-door message.
func comment(author sdk.AccAddress) *proposalstypes.MsgComment {
	return &proposalstypes.MsgComment{Author: author.String(), ProposalId: 1, Text: "a comment"}
}

// openDoorMsgs is one message of every open-door type, signed by from.
func openDoorMsgs(from sdk.AccAddress) []sdk.Msg {
	return []sdk.Msg{
		comment(from),
		&reviewtypes.MsgFileIRP{Claimant: from.String(), ClaimantKind: reviewtypes.ClaimantParty, ProposalId: 1, Provisions: []string{"Bylaws Art. 4.2"}, Claim: keepertest.Doc("claim")},
		&reviewtypes.MsgFileReconsideration{Requester: from.String(), ProposalId: 1, Grounds: "grounds", Request: keepertest.Doc("request")},
		&reviewtypes.MsgFileComplaint{Complainant: from.String(), Subject: "subject", Complaint: keepertest.Doc("complaint")},
		&empoweredtypes.MsgPostStatement{Author: from.String(), ActionId: 1, Text: "a statement"},
	}
}

// TestOpenDoorList checks that openDoorMsgs covers exactly the app's list,
// so the tests below try every open-door type.
func TestOpenDoorList(t *testing.T) {
	var got []string
	for _, m := range openDoorMsgs(addr("outsider")) {
		got = append(got, sdk.MsgTypeURL(m))
	}
	require.ElementsMatch(t, app.OpenDoorMessages(), got)
	require.NotContains(t, got, sdk.MsgTypeURL(&banktypes.MsgSend{}))
}

// TestPermissionOutsiderOpenDoor checks that an account without standing may
// send each open-door message, alone or together, paying at least the
// open-door fee per message (any extra denomination does not matter).
func TestPermissionOutsiderOpenDoor(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	d, fee := permission(f), minFee(t, f)
	outsider := addr("outsider")
	more := fee.Add(sdk.NewInt64Coin(communitytypes.FeeDenom, 1))
	other := fee.Add(sdk.NewInt64Coin("uatom", 5))
	for _, m := range openDoorMsgs(outsider) {
		for _, paid := range []sdk.Coins{fee, more, other} {
			requireAccepted(t, f.Ctx, d, f.Tx(paid, m), false)
		}
	}
	all := openDoorMsgs(outsider)
	requireAccepted(t, f.Ctx, d, f.Tx(fee.MulInt(math.NewInt(int64(len(all)))), all...), false)
}

// TestPermissionOutsiderFeeTooLow checks that an outsider's open-door
// transaction paying less than open_door_min_fee (one unit less, nothing, or
// another denomination) is refused with ErrInsufficientFee.
func TestPermissionOutsiderFeeTooLow(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	d, fee := permission(f), minFee(t, f)
	require.Equal(t, communitytypes.ModuleName, communitytypes.ErrInsufficientFee.Codespace())
	require.EqualValues(t, 45, communitytypes.ErrInsufficientFee.ABCICode())

	short := fee.Sub(sdk.NewInt64Coin(communitytypes.FeeDenom, 1))
	for name, paid := range map[string]sdk.Coins{
		"one unit short": short,
		"no fee":         nil,
		"another denom":  sdk.NewCoins(sdk.NewCoin("uatom", fee.AmountOf(communitytypes.FeeDenom))),
	} {
		t.Run(name, func(t *testing.T) {
			for _, m := range openDoorMsgs(addr("outsider")) {
				err := requireRefused(t, f.Ctx, d, f.Tx(paid, m), false, communitytypes.ErrInsufficientFee)
				require.Contains(t, err.Error(), fee.String())
			}
		})
	}
}

// TestPermissionOutsiderRefused checks that an outsider may not send a message
// outside the open door, whatever fee it pays, and that one such message
// spoils a transaction of open-door messages in any position.
func TestPermissionOutsiderRefused(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	d, fee := permission(f), minFee(t, f)
	require.Equal(t, communitytypes.ModuleName, communitytypes.ErrNotPermitted.Codespace())
	require.EqualValues(t, 44, communitytypes.ErrNotPermitted.ABCICode())
	outsider := addr("outsider")
	sendURL := sdk.MsgTypeURL(&banktypes.MsgSend{})

	rich := fee.MulInt(math.NewInt(1000))
	err := requireRefused(t, f.Ctx, d, f.Tx(rich, send(outsider)), false, communitytypes.ErrNotPermitted)
	require.Contains(t, err.Error(), outsider.String(), "the refusal names the account")
	require.Contains(t, err.Error(), sendURL, "the refusal names the message type")
	require.Contains(t, err.Error(), "open-door", "the refusal says what the account may send")

	for name, msgs := range map[string][]sdk.Msg{
		"open door first": {comment(outsider), send(outsider)},
		"open door last":  {send(outsider), comment(outsider)},
	} {
		t.Run(name, func(t *testing.T) {
			err := requireRefused(t, f.Ctx, d, f.Tx(fee, msgs...), false, communitytypes.ErrNotPermitted)
			require.Contains(t, err.Error(), sendURL)
		})
	}

	// A transaction co-signed by an account with standing is held to the
	// outsider's rule: the member's own transfer may not ride along.
	member := addr("dev-member")
	err = requireRefused(t, f.Ctx, d, f.Tx(fee, send(member), comment(outsider)), false, communitytypes.ErrNotPermitted)
	require.Contains(t, err.Error(), outsider.String())
	requireAccepted(t, f.Ctx, d, f.Tx(fee.MulInt(math.NewInt(2)), comment(member), comment(outsider)), false)
	requireRefused(t, f.Ctx, d, f.Tx(fee, comment(member), comment(outsider)), false, communitytypes.ErrInsufficientFee)
	requireRefused(t, f.Ctx, d, f.Tx(nil, comment(member), comment(outsider)), false, communitytypes.ErrInsufficientFee)
}

// admitOperator admits a validator of the secretariat operated by operator,
// an account with no other role, as the secretariat's passed motion would.
func admitOperator(t *testing.T, f *keepertest.Fixture, operator sdk.AccAddress, node string) {
	t.Helper()
	pk, err := codectypes.NewAnyWithValue(keepertest.ConsKey(node))
	require.NoError(t, err)
	f.MustDeliver(&communitytypes.MsgAdmitValidator{
		Authority: keepertest.BodyAuthority("secretariat"), CommunityId: "secretariat", Operator: operator.String(),
		ConsensusPubkey: pk, Moniker: node, Power: 1,
	})
}

// TestPermissionStanding checks every kind of standing that x/community
// HasStanding and x/review HasStanding grant: each holder sends a message
// outside the open door, without a fee, and loses that once the role ends.
func TestPermissionStanding(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	d := permission(f)
	accepted := func(who sdk.AccAddress) bool {
		t.Helper()
		called, err := run(f.Ctx, d, f.Tx(nil, send(who)), false)
		if err != nil {
			keepertest.RequireModuleErr(t, err, communitytypes.ErrNotPermitted)
		}
		require.Equal(t, err == nil, called)
		return called
	}

	// standing from the constitution
	for _, name := range []string{
		"dev-member",   // a member
		"gov-chair",    // a chair holding a liaison seat
		"director-dev", // a director without membership
		"panelist-1",   // an active standing panelist (x/review)
		"ombudsman",    // the ombudsman (x/review)
	} {
		require.True(t, accepted(addr(name)), name)
	}
	require.False(t, accepted(addr("outsider")))

	// a validator operator with no other role, while the validator is active
	operator := addr("operator")
	require.False(t, accepted(operator))
	admitOperator(t, f, operator, "operator-node")
	require.True(t, accepted(operator), "an active validator's operator")
	f.MustDeliver(&communitytypes.MsgRemoveValidator{
		Authority: keepertest.BodyAuthority("secretariat"), CommunityId: "secretariat", ConsensusAddress: keepertest.ConsAddr("operator-node"),
	})
	require.False(t, accepted(operator), "a removed validator's operator")

	// a registered party, until deregistered
	party := addr("party")
	require.False(t, accepted(party))
	f.RegisterParty(party, "party")
	require.True(t, accepted(party), "a registered party")
	f.MustDeliver(&reviewtypes.MsgDeregisterParty{Authority: keepertest.SecretariatAuthority(), Address: party.String()})
	require.False(t, accepted(party), "a deregistered party")

	// a panelist, until removed (a newcomer first keeps the panel at its minimum)
	f.MustDeliver(&reviewtypes.MsgAppointPanelist{Authority: f.Authority, Address: addr("panelist-8").String(), Name: "Panelist 8"})
	f.MustDeliver(&reviewtypes.MsgConfirmPanelist{Authority: app.EmpoweredAuthority.String(), Address: addr("panelist-8").String()})
	f.MustDeliver(&reviewtypes.MsgRemovePanelist{Authority: f.Authority, Address: addr("panelist-1").String()})
	require.False(t, accepted(addr("panelist-1")), "a removed panelist")
	require.True(t, accepted(addr("panelist-2")))

	// the ombudsman, until another is appointed
	f.MustDeliver(&reviewtypes.MsgAppointOmbudsman{Authority: f.Authority, Address: addr("new-ombudsman").String()})
	require.True(t, accepted(addr("new-ombudsman")))
	require.False(t, accepted(addr("ombudsman")), "a former ombudsman")
	// ... or until the term ends
	office, err := f.Review.Ombudsman.Get(f.Ctx)
	require.NoError(t, err)
	term := office.TermEnd
	f.SetBlock(f.Ctx.BlockHeight()+1, term.Add(-time.Second))
	require.True(t, accepted(addr("new-ombudsman")), "in office until the term ends")
	f.SetBlock(f.Ctx.BlockHeight()+1, term)
	require.False(t, accepted(addr("new-ombudsman")), "an ombudsman whose term has ended")

	// a member who leaves every community
	f.MustDeliver(&communitytypes.MsgResign{Member: addr("gov-member").String(), CommunityId: "gov"})
	require.False(t, accepted(addr("gov-member")), "a member who resigned")

	// several signers with standing pass together
	requireAccepted(t, f.Ctx, d, f.Tx(nil, send(addr("dev-member")), send(addr("director-dev")), send(addr("panelist-2"))), false)
}

// TestPermissionSimulate checks simulation: the permission rule holds as in a
// real transaction, but the fee floor is not enforced (a client paying by gas
// price simulates with no fee to learn the gas), and the decorator consumes
// the same gas either way so that the estimate is right.
func TestPermissionSimulate(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	d, fee := permission(f), minFee(t, f)
	outsider := addr("outsider")

	requireRefused(t, f.Ctx, d, f.Tx(fee, send(outsider)), true, communitytypes.ErrNotPermitted)
	requireRefused(t, f.Ctx, d, f.Tx(fee, comment(outsider), send(outsider)), true, communitytypes.ErrNotPermitted)
	requireRefused(t, f.Ctx, d, f.Tx(nil, comment(outsider)), false, communitytypes.ErrInsufficientFee)
	requireAccepted(t, f.Ctx, d, f.Tx(nil, comment(outsider)), true)
	requireAccepted(t, f.Ctx, d, f.Tx(fee, comment(outsider)), true)
	requireAccepted(t, f.Ctx, d, f.Tx(nil, send(addr("dev-member"))), true)

	gas := func(tx sdk.Tx, simulate bool) storetypes.Gas {
		t.Helper()
		ctx := f.Ctx.WithGasMeter(storetypes.NewGasMeter(keepertest.AnteGasLimit))
		_, err := run(ctx, d, tx, simulate)
		require.NoError(t, err)
		return ctx.GasMeter().GasConsumed()
	}
	delivered := gas(f.Tx(fee, comment(outsider)), false)
	require.Positive(t, delivered)
	require.Equal(t, delivered, gas(f.Tx(nil, comment(outsider)), true), "simulation must count the gas of the real transaction")
	require.Equal(t, delivered, gas(f.Tx(fee, comment(outsider)), true))
}

// TestPermissionCheckTx checks that CheckTx and ReCheckTx apply the same rule
// as FinalizeBlock, on the state they read: a member's transaction admitted
// to the mempool is dropped at recheck once the member has resigned.
func TestPermissionCheckTx(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	d, fee := permission(f), minFee(t, f)
	checkCtx := f.Ctx.WithIsCheckTx(true)
	recheckCtx := f.Ctx.WithIsReCheckTx(true)
	require.True(t, recheckCtx.IsCheckTx(), "a recheck is a check")
	outsider, member := addr("outsider"), addr("gov-member")

	for _, ctx := range []sdk.Context{f.Ctx, checkCtx, recheckCtx} {
		requireAccepted(t, ctx, d, f.Tx(fee, comment(outsider)), false)
		requireRefused(t, ctx, d, f.Tx(nil, comment(outsider)), false, communitytypes.ErrInsufficientFee)
		requireRefused(t, ctx, d, f.Tx(fee, send(outsider)), false, communitytypes.ErrNotPermitted)
	}

	tx := f.Tx(nil, send(member))
	requireAccepted(t, checkCtx, d, tx, false)
	f.MustDeliver(&communitytypes.MsgResign{Member: member.String(), CommunityId: "gov"})
	requireRefused(t, f.Ctx.WithIsReCheckTx(true), d, tx, false, communitytypes.ErrNotPermitted)
}

// TestPermissionNoSigners checks a transaction type that cannot name its
// signers: refused, never passed on.
func TestPermissionNoSigners(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	requireRefused(t, f.Ctx, permission(f), bareTx{msgs: []sdk.Msg{send(addr("dev-member"))}}, false, communitytypes.ErrNotPermitted)
}

// bareTx carries messages but no signer information.
type bareTx struct{ msgs []sdk.Msg }

func (b bareTx) GetMsgs() []sdk.Msg { return b.msgs }

func (b bareTx) GetMsgsV2() ([]protov2.Message, error) { return nil, nil }

// TestOpenDoorSorted checks that the decorator's lookup does not depend on
// the order the app lists the open-door messages in.
func TestOpenDoorSorted(t *testing.T) {
	f := keepertest.NewConstitutionFixture(t)
	open := app.OpenDoorMessages()
	slices.Reverse(open)
	d := ante.NewPermissionDecorator(f.Keeper, open, f.Keeper, f.Review)
	for _, m := range openDoorMsgs(addr("outsider")) {
		requireAccepted(t, f.Ctx, d, f.Tx(minFee(t, f), m), false)
	}
}
