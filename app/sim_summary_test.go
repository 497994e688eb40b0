package app_test

import (
	"fmt"
	"sort"
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/app"
)

// simSummary counts the records a run reached, by kind and status, so a
// run's log shows how far the random operations drove each procedure.
func simSummary(ctx sdk.Context, a *app.App) string {
	counts := map[string]int{}
	if it, err := a.CommunityKeeper.Motions.Iterate(ctx, nil); err == nil {
		if all, err := it.Values(); err == nil {
			for _, m := range all {
				counts["motion "+m.Status.String()]++
			}
		}
	}
	if it, err := a.CommunityKeeper.Validators.Iterate(ctx, nil); err == nil {
		if all, err := it.Values(); err == nil {
			counts["validators"] = len(all)
		}
	}
	if it, err := a.ProposalsKeeper.Proposals.Iterate(ctx, nil); err == nil {
		if all, err := it.Values(); err == nil {
			for _, p := range all {
				counts["proposal "+p.Status.String()]++
			}
		}
	}
	if it, err := a.ProposalsKeeper.Advice.Iterate(ctx, nil); err == nil {
		if all, err := it.Values(); err == nil {
			for _, x := range all {
				counts["advice "+x.Status.String()]++
			}
		}
	}
	if it, err := a.ReviewKeeper.IRPs.Iterate(ctx, nil); err == nil {
		if all, err := it.Values(); err == nil {
			for _, c := range all {
				counts["irp "+c.Status.String()]++
			}
		}
	}
	if it, err := a.ReviewKeeper.Emergencies.Iterate(ctx, nil); err == nil {
		if all, err := it.Values(); err == nil {
			for _, e := range all {
				counts["emergency "+e.Status.String()]++
			}
		}
	}
	if it, err := a.EmpoweredKeeper.Actions.Iterate(ctx, nil); err == nil {
		if all, err := it.Values(); err == nil {
			for _, x := range all {
				counts["ec action "+x.Stage.String()]++
			}
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	lines := make([]string, len(keys))
	for i, k := range keys {
		lines[i] = fmt.Sprintf("%s: %d", k, counts[k])
	}
	return strings.Join(lines, "; ")
}
