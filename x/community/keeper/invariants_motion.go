package keeper

import (
	"fmt"
	"sort"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/invariantutil"
	"github.com/polity-chain/polity/x/community/types"
)

// MotionTallyInvariant checks that every motion's tally, and each of its
// house tallies, equals the sum of its stored votes (a vote counts in the
// houses it lists), that a vote lists only houses of its motion, that no
// vote or tally record belongs to a missing motion, and that no stored
// motion carries its tallies inline. Tallies are kept as votes arrive, so a
// lost or double-counted vote shows here.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func MotionTallyInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "motion-tallies", func(ctx sdk.Context) ([]string, error) {
		all, err := collutil.Values(ctx, k.Votes.Iterate)
		if err != nil {
			return nil, err
		}
		counted := map[uint64]types.Tally{}
		inHouse := map[houseKey]types.Tally{}
		for _, v := range all {
			counted[v.MotionId] = counted[v.MotionId].Add(v.Option, v.Weight)
			for _, h := range v.Houses {
				key := houseKey{v.MotionId, h}
				inHouse[key] = inHouse[key].Add(v.Option, v.Weight)
			}
		}
		list, err := k.allMotions(ctx)
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
			problems = append(problems, houseTallyProblems(m, inHouse)...)
		}
		for _, id := range invariantutil.SortedKeys(counted) {
			if !seen[id] {
				problems = append(problems, fmt.Sprintf("votes stored for missing motion %d", id))
			}
		}
		more, err := tallyStoreProblems(ctx, k, seen)
		if err != nil {
			return nil, err
		}
		problems = append(problems, more...)
		return append(problems, strayHouseVotes(inHouse, seen)...), nil
	})
}

// MotionQueueInvariant checks that every motion still voting has exactly one
// entry in the motion queue, at its voting end, and that every entry points
// at a motion still voting; likewise that every QUEUED motion (passed, not
// yet run) is in the execution queue and every entry there is QUEUED, and
// that the settled set holds exactly the motions still voting whose outcome
// is certain.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func MotionQueueInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "motion-queue", func(ctx sdk.Context) ([]string, error) {
		list, err := k.allMotions(ctx)
		if err != nil {
			return nil, err
		}
		want := map[uint64]int64{}
		queued, settledIDs := map[uint64]bool{}, map[uint64]bool{}
		for _, m := range list {
			switch m.Status {
			case types.MotionStatusVoting:
				want[m.Id] = m.VotingEndTime.Unix()
				if settled(m) {
					settledIDs[m.Id] = true
				}
			case types.MotionStatusQueued:
				queued[m.Id] = true
			}
		}
		problems, err := invariantutil.Queue(ctx, "motion_queue", k.MotionQueue, want)
		if err != nil {
			return nil, err
		}
		more, err := invariantutil.IDSet(ctx, "execution_queue", "queued motion", k.ExecutionQueue, queued)
		if err != nil {
			return nil, err
		}
		settledProblems, err := invariantutil.IDSet(ctx, "settled_motions", "settled motion", k.SettledMotions, settledIDs)
		return append(append(problems, more...), settledProblems...), err
	})
}

// tallyStoreProblems checks the tallies' own store: no stored motion carries
// tallies (they live in MotionTallies), and every tally record belongs to a
// motion.
func tallyStoreProblems(ctx sdk.Context, k *Keeper, seen map[uint64]bool) ([]string, error) {
	stored, err := collutil.Values(ctx, k.Motions.Iterate)
	if err != nil {
		return nil, err
	}
	var problems []string
	for _, m := range stored {
		if m.Tally != (types.Tally{}) || len(m.HouseTallies) > 0 {
			problems = append(problems, fmt.Sprintf("motion %d is stored with its tallies", m.Id))
		}
	}
	iter, err := k.MotionTallies.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	ids, err := iter.Keys()
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if !seen[id] {
			problems = append(problems, fmt.Sprintf("tallies stored for missing motion %d", id))
		}
	}
	return problems, nil
}

// houseKey names one house's tally of one motion.
type houseKey struct {
	motion uint64
	house  string
}

// houseTallyProblems compares a motion's house tallies with its votes and
// removes the houses it checked from inHouse, so that what remains there
// afterwards is a vote counted in a house its motion does not have.
func houseTallyProblems(m types.Motion, inHouse map[houseKey]types.Tally) []string {
	var problems []string
	for _, ht := range m.HouseTallies {
		key := houseKey{m.Id, ht.CommunityId}
		if inHouse[key] != ht.Tally {
			problems = append(problems, fmt.Sprintf("motion %d: house %s tally %v, its votes sum to %v", m.Id, ht.CommunityId, ht.Tally, inHouse[key]))
		}
		delete(inHouse, key)
	}
	return problems
}

// strayHouseVotes reports votes counted in a house their (existing) motion
// does not have, in a fixed order.
func strayHouseVotes(inHouse map[houseKey]types.Tally, seen map[uint64]bool) []string {
	keys := make([]houseKey, 0, len(inHouse))
	for key := range inHouse {
		if seen[key.motion] {
			keys = append(keys, key)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].motion != keys[j].motion {
			return keys[i].motion < keys[j].motion
		}
		return keys[i].house < keys[j].house
	})
	problems := make([]string, 0, len(keys))
	for _, key := range keys {
		problems = append(problems, fmt.Sprintf("motion %d: votes counted in house %s, which the motion does not have", key.motion, key.house))
	}
	return problems
}
