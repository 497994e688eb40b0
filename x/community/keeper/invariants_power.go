package keeper

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/invariantutil"
	"github.com/polity-chain/polity/x/community/types"
)

// PowerCapInvariant recomputes the power counters from the active validators
// (per community, per top-level tree, in total) and compares them with the
// stored counters; outside bootstrap mode it then requires every community
// and every tree to stay below 1/3 of the total and within its allocation.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func PowerCapInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "power-cap", func(ctx sdk.Context) ([]string, error) {
		iter, err := k.Validators.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		validators, err := iter.Values()
		if err != nil {
			return nil, err
		}
		community, tree, total, suspended := map[string]int64{}, map[string]int64{}, int64(0), int64(0)
		for _, v := range validators {
			if !v.HoldsPower() {
				continue
			}
			if v.Status == types.ValidatorSuspended {
				suspended += v.Power
			}
			root, err := k.rootOf(ctx, v.CommunityId)
			if err != nil {
				return nil, err
			}
			community[v.CommunityId] += v.Power
			tree[root] += v.Power
			total += v.Power
		}
		var problems []string
		for _, c := range []struct {
			name string
			want map[string]int64
			m    func() (map[string]int64, error)
		}{
			{"community_power", community, func() (map[string]int64, error) { return mapOf(ctx, k.CommunityPower.Iterate) }},
			{"tree_power", tree, func() (map[string]int64, error) { return mapOf(ctx, k.TreePower.Iterate) }},
		} {
			stored, err := c.m()
			if err != nil {
				return nil, err
			}
			problems = append(problems, compareCounters(c.name, c.want, stored)...)
		}
		stored, err := k.totalPower(ctx)
		if err != nil {
			return nil, err
		}
		if stored != total {
			problems = append(problems, fmt.Sprintf("total_power %d, active and suspended validators hold %d", stored, total))
		}
		storedSuspended, err := k.SuspendedPower.Get(ctx)
		if err := collutil.NotFoundOK(err); err != nil {
			return nil, err
		}
		if storedSuspended != suspended {
			problems = append(problems, fmt.Sprintf("suspended_power %d, suspended validators hold %d", storedSuspended, suspended))
		}
		if total > 0 && total-suspended <= 0 {
			problems = append(problems, "CometBFT's set has no power: every validator holding power is suspended")
		}
		params, err := k.GetParams(ctx)
		if err != nil {
			return nil, err
		}
		if !params.Bootstrap {
			if err := k.CheckAllPowers(ctx); err != nil {
				problems = append(problems, err.Error())
			}
		}
		return problems, nil
	})
}

// compareCounters reports every key where a stored counter differs from the
// recomputed one (a missing counter counts as zero).
func compareCounters(name string, want, stored map[string]int64) []string {
	var problems []string
	keys := map[string]bool{}
	for id := range want {
		keys[id] = true
	}
	for id := range stored {
		keys[id] = true
	}
	for _, id := range invariantutil.SortedKeys(keys) {
		if want[id] != stored[id] {
			problems = append(problems, fmt.Sprintf("%s[%s] is %d, recomputed %d", name, id, stored[id], want[id]))
		}
	}
	return problems
}
