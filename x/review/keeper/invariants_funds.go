package keeper

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/invariantutil"
	"github.com/polity-chain/polity/x/review/types"
)

// HoldsInvariant checks that x/proposals' holds placed by independent review
// agree with x/review's records: every stayed IRP, suspension in force and
// open reconsideration request on a pending decision has its hold, and every
// such hold belongs to one of them (the rule genesis import enforces).
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func HoldsInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "holds", func(ctx sdk.Context) ([]string, error) {
		var gs types.GenesisState
		var err error
		if gs.Irps, err = collutil.Values(ctx, k.IRPs.Iterate); err != nil {
			return nil, err
		}
		if gs.Emergencies, err = collutil.Values(ctx, k.Emergencies.Iterate); err != nil {
			return nil, err
		}
		if gs.Reconsiderations, err = collutil.Values(ctx, k.Reconsiderations.Iterate); err != nil {
			return nil, err
		}
		if err := k.checkHolds(ctx, gs); err != nil {
			return []string{err.Error()}, nil
		}
		return nil, nil
	})
}

// DepositsInvariant checks that the review module account holds at least the
// deposits of every filing still holding one: IRPs not yet declared (the
// deposit is refunded at the declaration) and reconsideration requests and
// complaints whose deposit is HELD.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func DepositsInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "deposits", func(ctx sdk.Context) ([]string, error) {
		held := sdk.NewCoins()
		irps, err := collutil.Values(ctx, k.IRPs.Iterate)
		if err != nil {
			return nil, err
		}
		for _, c := range irps {
			if c.Status == types.IRPPanelForming || c.Status == types.IRPInReview {
				held = held.Add(c.Deposit...)
			}
		}
		recons, err := collutil.Values(ctx, k.Reconsiderations.Iterate)
		if err != nil {
			return nil, err
		}
		for _, r := range recons {
			if r.DepositStatus == types.DepositHeld {
				held = held.Add(r.Deposit...)
			}
		}
		complaints, err := collutil.Values(ctx, k.Complaints.Iterate)
		if err != nil {
			return nil, err
		}
		for _, c := range complaints {
			if c.DepositStatus == types.DepositHeld {
				held = held.Add(c.Deposit...)
			}
		}
		account, err := k.addressCodec.StringToBytes(k.auth.Review) // x/review's module account
		if err != nil {
			return nil, err
		}
		balance := k.bank.SpendableCoins(ctx, account)
		if !balance.IsAllGTE(held) {
			return []string{fmt.Sprintf("the review module account holds %s, open filings' deposits are %s", balance, held)}, nil
		}
		return nil, nil
	})
}
