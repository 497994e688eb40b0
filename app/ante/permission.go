// Package ante holds Polity's own ante decorators.
package ante

import (
	"context"
	"slices"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"

	communitytypes "github.com/polity-chain/polity/x/community/types"
)

// StandingChecker says whether an account holds a role on the chain. x/community
// answers for members, directors and operators of active validators; x/review
// for active registered parties, active panelists and the ombudsman.
type StandingChecker interface {
	HasStanding(ctx context.Context, addr sdk.AccAddress) (bool, error)
}

// MinFeeSource gives the least fee an account without standing must pay.
type MinFeeSource interface {
	OpenDoorMinFee(ctx context.Context) (sdk.Coins, error)
}

// PermissionDecorator makes the chain permissioned. A transaction whose
// signers all hold standing passes; each handler still checks what their role
// allows. Any other transaction may carry only open-door messages (public
// comments, review filings, complaints: the modules mark them) and must pay
// the open-door fee once per message, so that packing many messages into one
// transaction saves nothing. Everything else is refused before execution.
type PermissionDecorator struct {
	checkers []StandingChecker
	fees     MinFeeSource
	openDoor []string
}

// NewPermissionDecorator builds the decorator; openDoor lists message type URLs.
func NewPermissionDecorator(fees MinFeeSource, openDoor []string, checkers ...StandingChecker) PermissionDecorator {
	sorted := slices.Clone(openDoor)
	slices.Sort(sorted)
	return PermissionDecorator{checkers: checkers, fees: fees, openDoor: sorted}
}

// AnteHandle implements sdk.AnteDecorator.
func (d PermissionDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	sigTx, ok := tx.(authsigning.SigVerifiableTx)
	if !ok {
		return ctx, errorsmod.Wrap(communitytypes.ErrNotPermitted, "transaction has no signers")
	}
	signers, err := sigTx.GetSigners()
	if err != nil {
		return ctx, err
	}
	var outsider sdk.AccAddress
	for _, s := range signers {
		standing, err := d.hasStanding(ctx, s)
		if err != nil {
			return ctx, err
		}
		if !standing {
			outsider = s
			break
		}
	}
	if outsider == nil {
		return next(ctx, tx, simulate)
	}
	for _, msg := range tx.GetMsgs() {
		typeURL := sdk.MsgTypeURL(msg)
		if _, found := slices.BinarySearch(d.openDoor, typeURL); !found {
			return ctx, communitytypes.ErrNotPermitted.Wrapf("%s has no standing (member, director, validator operator, registered party, panelist or ombudsman) and may not send %s", outsider, typeURL)
		}
	}
	if err := d.checkFee(ctx, tx, simulate); err != nil {
		return ctx, err
	}
	return next(ctx, tx, simulate)
}

func (d PermissionDecorator) hasStanding(ctx sdk.Context, addr sdk.AccAddress) (bool, error) {
	for _, c := range d.checkers {
		ok, err := c.HasStanding(ctx, addr)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// checkFee enforces the open-door fee floor: the fee times the number of
// messages. A simulation only estimates gas,
// and a client paying by gas price cannot know its fee before it knows the gas
// (the SDK client simulates with a zero fee under --gas auto --gas-prices), so,
// like the SDK's own fee checker, the floor is not enforced when simulating. The
// floor is still read so that the estimate counts the same gas as the real
// transaction, which CheckTx and FinalizeBlock then hold to the floor.
func (d PermissionDecorator) checkFee(ctx sdk.Context, tx sdk.Tx, simulate bool) error {
	feeTx, ok := tx.(sdk.FeeTx)
	if !ok {
		return errorsmod.Wrap(communitytypes.ErrInsufficientFee, "transaction carries no fee")
	}
	minFee, err := d.fees.OpenDoorMinFee(ctx)
	if err != nil {
		return err
	}
	if simulate {
		return nil
	}
	// max(1, msgs): a transaction with no message still pays the floor once
	msgs := len(tx.GetMsgs())
	required := minFee.MulInt(math.NewInt(int64(max(msgs, 1))))
	if !feeTx.GetFee().IsAllGTE(required) {
		return communitytypes.ErrInsufficientFee.Wrapf("open-door transactions must pay at least %s per message: %d messages need %s, got %s", minFee, msgs, required, feeTx.GetFee())
	}
	return nil
}
