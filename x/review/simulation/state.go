// Package simulation holds x/review's part of the app simulation: filings
// by members and outsiders, panel choices, stays and declarations by
// panelists, the ombudsman's work, the Board chair's emergency actions and
// minutes, the periodic-review cycle (nominations by communities' motions,
// the team's report, the Board's appointments and decisions), the
// secretariat's register of external parties, and the Board's decisions on
// all of them. Randomness comes only from the simulation's seeded source.
//
// MsgConfirmPanelist is signed only by the Empowered Community's address,
// which x/empowered uses when a confirmation action it opened for a newly
// appointed panelist succeeds; no account or body can sign it, so the
// simulation drives it through AppointPanelist and the participants'
// decisions, never directly.
package simulation

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/simutil"
	"github.com/polity-chain/polity/x/review/keeper"
	"github.com/polity-chain/polity/x/review/types"
)

// IRPs lists the IRPs in a status.
func IRPs(ctx sdk.Context, k *keeper.Keeper, status types.IRPStatus) []types.IRP {
	return simutil.ByIndex(ctx, k.IRPs.Indexes.Status, k.IRPs.Get, int32(status))
}

// Emergencies lists the emergency actions in the given statuses.
func Emergencies(ctx sdk.Context, k *keeper.Keeper, statuses ...types.EmergencyStatus) []types.Emergency {
	return simutil.ByIndex(ctx, k.Emergencies.Indexes.Status, k.Emergencies.Get, simutil.Refs(statuses)...)
}

// Reconsiderations lists the requests in a status.
func Reconsiderations(ctx sdk.Context, k *keeper.Keeper, status types.ReconsiderationStatus) []types.Reconsideration {
	return simutil.ByIndex(ctx, k.Reconsiderations.Indexes.Status, k.Reconsiderations.Get, int32(status))
}

// Complaints lists the complaints not yet reported.
func Complaints(ctx sdk.Context, k *keeper.Keeper) []types.Complaint {
	return simutil.ByIndex(ctx, k.Complaints.Indexes.Status, k.Complaints.Get,
		int32(types.ComplaintFiled), int32(types.ComplaintAcknowledged))
}

// Reviews lists the periodic reviews in the given statuses.
func Reviews(ctx sdk.Context, k *keeper.Keeper, statuses ...types.ReviewStatus) []types.Review {
	return simutil.ByIndex(ctx, k.Reviews.Indexes.Status, k.Reviews.Get, simutil.Refs(statuses)...)
}

// Recommendations lists the recommendations of reported reviews in a status.
func Recommendations(ctx sdk.Context, k *keeper.Keeper, status types.RecommendationStatus) []types.Recommendation {
	var out []types.Recommendation
	for _, r := range Reviews(ctx, k, types.ReviewReported) {
		for i := uint32(0); i < r.Recommendations; i++ {
			if rec, err := k.Recommendations.Get(ctx, collections.Join(r.Id, i)); err == nil && rec.Status == status {
				out = append(out, rec)
			}
		}
	}
	return out
}

// Panelists lists the standing panel's addresses (active ones).
func Panelists(ctx sdk.Context, k *keeper.Keeper) []string {
	var out []string
	for _, p := range values(ctx, k.Panelists.Iterate) {
		if p.Active {
			out = append(out, p.Address)
		}
	}
	return out
}

// Parties lists the external parties' addresses, active or not.
func Parties(ctx sdk.Context, k *keeper.Keeper, active bool) []string {
	var out []string
	for _, p := range values(ctx, k.Parties.Iterate) {
		if p.Active == active {
			out = append(out, p.Address)
		}
	}
	return out
}

// values reads a whole (small) collection; errors read as none.
func values[K, V any](ctx context.Context, iterate func(context.Context, collections.Ranger[K]) (collections.Iterator[K, V], error)) []V {
	out, err := collutil.Values(ctx, iterate)
	if err != nil {
		return nil
	}
	return out
}
