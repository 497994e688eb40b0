package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// setValidatorPower writes the validator and moves the power counters (its
// community's, its community tree's and the total) by delta, marking the
// validator for this block's update to CometBFT.
func (k *Keeper) setValidatorPower(ctx context.Context, v types.Validator, consAddr []byte, delta int64) error {
	if err := k.Validators.Set(ctx, consAddr, v); err != nil {
		return err
	}
	if err := addPower(ctx, k.CommunityPower, v.CommunityId, delta); err != nil {
		return err
	}
	root, err := k.rootOf(ctx, v.CommunityId)
	if err != nil {
		return err
	}
	if err := addPower(ctx, k.TreePower, root, delta); err != nil {
		return err
	}
	total, err := k.totalPower(ctx)
	if err != nil {
		return err
	}
	if err := k.TotalPower.Set(ctx, total+delta); err != nil {
		return err
	}
	return k.PendingValidators.Set(ctx, consAddr)
}

// addPower moves one power counter by delta; a counter at zero is removed so
// that only communities holding power are listed and checked.
func addPower(ctx context.Context, m collections.Map[string, int64], id string, delta int64) error {
	power, err := powerOf(ctx, m, id)
	if err != nil {
		return err
	}
	if power+delta == 0 {
		return m.Remove(ctx, id)
	}
	return m.Set(ctx, id, power+delta)
}

func powerOf(ctx context.Context, m collections.Map[string, int64], id string) (int64, error) {
	p, err := m.Get(ctx, id)
	if err != nil {
		return 0, collutil.NotFoundOK(err)
	}
	return p, nil
}

func (k *Keeper) communityPower(ctx context.Context, id string) (int64, error) {
	return powerOf(ctx, k.CommunityPower, id)
}

func (k *Keeper) totalPower(ctx context.Context) (int64, error) {
	p, err := k.TotalPower.Get(ctx)
	if err != nil {
		return 0, collutil.NotFoundOK(err)
	}
	return p, nil
}

// rootOf returns the top-level community whose tree holds id. Parents are
// fixed when a community is created (no message moves one) and must exist
// then, so the chain has no cycle; the walk is still bounded by the hard
// ceiling on communities so that corrupted state fails instead of looping.
func (k *Keeper) rootOf(ctx context.Context, id string) (string, error) {
	limit := types.DefaultParams().Ceilings().MaxCommunities
	for steps := uint32(0); ; steps++ {
		c, err := k.GetCommunity(ctx, id)
		if err != nil {
			return "", err
		}
		if c.ParentId == "" {
			return c.Id, nil
		}
		if steps >= limit {
			return "", types.ErrInvalidGenesis.Wrapf("community %s: parent chain longer than %d communities (corrupted state)", id, limit)
		}
		id = c.ParentId
	}
}

// powerDelta is a change of one community's validator power.
type powerDelta struct {
	community string
	delta     int64
}

// checkPowers checks every share as it would be after changing one
// community's power by delta (see checkPowersAfter).
func (k *Keeper) checkPowers(ctx context.Context, changed string, delta int64, bootstrap bool) error {
	if changed == "" {
		return k.checkPowersAfter(ctx, nil, bootstrap)
	}
	return k.checkPowersAfter(ctx, []powerDelta{{changed, delta}}, bootstrap)
}

// checkPowersAfter checks every share as it would be after all of deltas
// (a whole motion's validator changes): each community's own validators
// against its allocation, and each top-level community's tree against the
// 1/3 cap. A removal raises everyone else's share, so all holders of power
// are checked; there are at most max_communities of each.
func (k *Keeper) checkPowersAfter(ctx context.Context, deltas []powerDelta, bootstrap bool) error {
	if bootstrap {
		return nil
	}
	total, err := k.totalPower(ctx)
	if err != nil {
		return err
	}
	trees := make([]powerDelta, 0, len(deltas))
	for _, d := range deltas {
		total += d.delta
		root, err := k.rootOf(ctx, d.community)
		if err != nil {
			return err
		}
		trees = addDelta(trees, root, d.delta)
	}
	if err := checkEach(ctx, k.CommunityPower, deltas, total, k.checkShare); err != nil {
		return err
	}
	return checkEach(ctx, k.TreePower, trees, total, func(_ context.Context, id string, power, total int64) error {
		return types.CheckTreePower(false, id, power, total)
	})
}

// addDelta adds delta to id's entry of ds, appending one when id has none, so
// that the order stays the order of first appearance (deterministic).
func addDelta(ds []powerDelta, id string, delta int64) []powerDelta {
	for i := range ds {
		if ds[i].community == id {
			ds[i].delta += delta
			return ds
		}
	}
	return append(ds, powerDelta{id, delta})
}

// checkEach runs check on every counter of m (in key order) moved by its
// delta, and on every changed id that holds no power yet.
func checkEach(ctx context.Context, m collections.Map[string, int64], deltas []powerDelta, total int64,
	check func(ctx context.Context, id string, power, total int64) error,
) error {
	iter, err := m.Iterate(ctx, nil)
	if err != nil {
		return err
	}
	kvs, err := iter.KeyValues()
	if err != nil {
		return err
	}
	seen := make([]bool, len(deltas))
	for _, kv := range kvs {
		power := kv.Value
		for i, d := range deltas {
			if d.community == kv.Key {
				power += d.delta
				seen[i] = true
			}
		}
		if err := check(ctx, kv.Key, power, total); err != nil {
			return err
		}
	}
	for i, d := range deltas {
		if !seen[i] {
			if err := check(ctx, d.community, d.delta, total); err != nil {
				return err
			}
		}
	}
	return nil
}

func (k *Keeper) checkShare(ctx context.Context, communityID string, power, total int64) error {
	c, err := k.GetCommunity(ctx, communityID)
	if err != nil {
		return err
	}
	return types.CheckPowerShare(false, c, power, total)
}

// checkCommunityPower checks one community against its (possibly new)
// allocation with the current numbers; an allocation never moves a community
// between trees, so the tree cap is unaffected.
func (k *Keeper) checkCommunityPower(ctx context.Context, c types.Community) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	power, err := k.communityPower(ctx, c.Id)
	if err != nil {
		return err
	}
	total, err := k.totalPower(ctx)
	if err != nil {
		return err
	}
	return types.CheckPowerShare(params.Bootstrap, c, power, total)
}

// CheckAllPowers verifies every allocation and every tree's cap with the
// current numbers; used when bootstrap mode is switched off.
func (k *Keeper) CheckAllPowers(ctx context.Context) error {
	return k.checkPowers(ctx, "", 0, false)
}
