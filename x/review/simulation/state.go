// Package simulation holds x/review's part of the app simulation: filings
// by members and outsiders, panel choices, stays and declarations by
// panelists, the ombudsman's work, the Board chair's emergency actions, and
// the Board's decisions on them. Randomness comes only from the simulation's
// seeded source.
package simulation

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/review/keeper"
	"github.com/polity-chain/polity/x/review/types"
)

// all reads a whole collection of records; errors read as none.
func all[V any](values func() ([]V, error)) []V {
	out, err := values()
	if err != nil {
		return nil
	}
	return out
}

// IRPs lists the IRPs in a status.
func IRPs(ctx sdk.Context, k *keeper.Keeper, status types.IRPStatus) []types.IRP {
	var out []types.IRP
	for _, c := range all(func() ([]types.IRP, error) {
		iter, err := k.IRPs.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		return iter.Values()
	}) {
		if c.Status == status {
			out = append(out, c)
		}
	}
	return out
}

// Panelists lists the standing panel's addresses.
func Panelists(ctx sdk.Context, k *keeper.Keeper) []string {
	var out []string
	for _, p := range all(func() ([]types.Panelist, error) {
		iter, err := k.Panelists.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		return iter.Values()
	}) {
		out = append(out, p.Address)
	}
	return out
}

// Emergencies lists the emergency actions in a status.
func Emergencies(ctx sdk.Context, k *keeper.Keeper, status types.EmergencyStatus) []types.Emergency {
	var out []types.Emergency
	for _, e := range all(func() ([]types.Emergency, error) {
		iter, err := k.Emergencies.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		return iter.Values()
	}) {
		if e.Status == status {
			out = append(out, e)
		}
	}
	return out
}

// Reconsiderations lists the requests in a status.
func Reconsiderations(ctx sdk.Context, k *keeper.Keeper, status types.ReconsiderationStatus) []types.Reconsideration {
	var out []types.Reconsideration
	for _, r := range all(func() ([]types.Reconsideration, error) {
		iter, err := k.Reconsiderations.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		return iter.Values()
	}) {
		if r.Status == status {
			out = append(out, r)
		}
	}
	return out
}

// Complaints lists the complaints not yet reported.
func Complaints(ctx sdk.Context, k *keeper.Keeper) []types.Complaint {
	var out []types.Complaint
	for _, c := range all(func() ([]types.Complaint, error) {
		iter, err := k.Complaints.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		return iter.Values()
	}) {
		if c.Status != types.ComplaintReported {
			out = append(out, c)
		}
	}
	return out
}
