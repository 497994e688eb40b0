package keeper

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/invariantutil"
	"github.com/polity-chain/polity/x/community/types"
)

// MotionTallyInvariant checks that every motion's tally equals the sum of its
// stored votes, and that no vote belongs to a missing motion. Tallies are
// kept as votes arrive, so a lost or double-counted vote shows here.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func MotionTallyInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "motion-tallies", func(ctx sdk.Context) ([]string, error) {
		all, err := collutil.Values(ctx, k.Votes.Iterate)
		if err != nil {
			return nil, err
		}
		counted := map[uint64]types.Tally{}
		for _, v := range all {
			counted[v.MotionId] = counted[v.MotionId].Add(v.Option, v.Weight)
		}
		list, err := collutil.Values(ctx, k.Motions.Iterate)
		if err != nil {
			return nil, err
		}
		var problems []string
		seen := map[uint64]bool{}
		for _, m := range list {
			seen[m.Id] = true
			if counted[m.Id] != m.Tally {
				problems = append(problems, fmt.Sprintf("motion %d: tally %v, its votes sum to %v", m.Id, m.Tally, counted[m.Id]))
			}
		}
		for _, id := range invariantutil.SortedKeys(counted) {
			if !seen[id] {
				problems = append(problems, fmt.Sprintf("votes stored for missing motion %d", id))
			}
		}
		return problems, nil
	})
}

// MotionQueueInvariant checks that every motion still voting has exactly one
// entry in the motion queue, at its voting end, and that every entry points
// at a motion still voting.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func MotionQueueInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "motion-queue", func(ctx sdk.Context) ([]string, error) {
		list, err := collutil.Values(ctx, k.Motions.Iterate)
		if err != nil {
			return nil, err
		}
		want := map[uint64]int64{}
		for _, m := range list {
			if m.Status == types.MotionStatusVoting {
				want[m.Id] = m.VotingEndTime.Unix()
			}
		}
		return invariantutil.Queue(ctx, "motion_queue", k.MotionQueue, want)
	})
}
