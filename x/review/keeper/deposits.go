package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/review/types"
)

// Filings that anyone may send (open-door messages) carry a refundable
// deposit, so that a flood of them costs the sender more than the fee: IRPs
// (members and parties), reconsideration requests and complaints. The review
// module account holds each deposit until the filing is settled.

// takeDeposit moves a filer's deposit into the module account. The balance is
// checked first, so that an unpaid deposit refuses the filing before anything
// is written.
func (k *Keeper) takeDeposit(ctx context.Context, from sdk.AccAddress, deposit sdk.Coins, filing string) error {
	if deposit.IsZero() {
		return nil
	}
	if spendable := k.bank.SpendableCoins(ctx, from); !spendable.IsAllGTE(deposit) {
		return types.ErrDepositUnpaid.Wrapf("a %s carries the refundable deposit %s; %s can spend %s", filing, deposit, from, spendable)
	}
	return k.bank.SendCoinsFromAccountToModule(ctx, from, types.ModuleName, deposit)
}

// settleDeposit refunds a held deposit to its filer, or keeps it: a deposit
// kept for a frivolous filing goes to the governance treasury, which only a
// BUDGET proposal spends, so that no office holder gains from dismissing
// filings. A deposit not held (none paid, or already settled) is left alone.
func (k *Keeper) settleDeposit(ctx context.Context, filing string, id uint64, depositor string, deposit sdk.Coins, status *types.DepositStatus, keep bool) error {
	if *status != types.DepositHeld {
		return nil
	}
	to, next := depositor, types.DepositRefunded
	if keep {
		to, next = k.auth.Governance, types.DepositKept
	}
	addr, err := k.parseAddr("deposit recipient", to)
	if err != nil {
		return err
	}
	if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, addr, deposit); err != nil {
		return err
	}
	*status = next
	return k.emit(ctx, &types.EventDepositChanged{Filing: filing, Id: id, Depositor: depositor, Amount: deposit, Status: next})
}

// payDeposit takes a filing's deposit, if it carries one, and returns what
// the filing records: the deposit held (nil when none) and its status.
func (k *Keeper) payDeposit(ctx context.Context, from sdk.AccAddress, deposit sdk.Coins, filing string) (sdk.Coins, types.DepositStatus, error) {
	if deposit.IsZero() {
		return nil, types.DepositNone, nil
	}
	if err := k.takeDeposit(ctx, from, deposit, filing); err != nil {
		return nil, types.DepositNone, err
	}
	return deposit, types.DepositHeld, nil
}

// paidEvent announces a deposit taken at filing.
func (k *Keeper) paidEvent(ctx context.Context, filing string, id uint64, depositor string, deposit sdk.Coins, status types.DepositStatus) error {
	if status != types.DepositHeld {
		return nil
	}
	return k.emit(ctx, &types.EventDepositChanged{Filing: filing, Id: id, Depositor: depositor, Amount: deposit, Status: status})
}
