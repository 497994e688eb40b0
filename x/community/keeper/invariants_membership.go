package keeper

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/invariantutil"
	"github.com/polity-chain/polity/x/community/types"
)

// MembershipCountInvariant requires each address's membership count to be its
// number of memberships, with no count for an address that has none.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func MembershipCountInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "membership-count", func(ctx sdk.Context) ([]string, error) {
		iter, err := k.Memberships.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		keys, err := iter.Keys()
		if err != nil {
			return nil, err
		}
		want := make(map[string]uint64, len(keys))
		for _, key := range keys {
			want[key.K2().String()]++
		}
		counts, err := k.MembershipCount.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		kvs, err := counts.KeyValues()
		if err != nil {
			return nil, err
		}
		var problems []string
		for _, kv := range kvs {
			addr := kv.Key.String()
			if kv.Value != want[addr] {
				problems = append(problems, fmt.Sprintf("%s: membership count %d, memberships %d", addr, kv.Value, want[addr]))
			}
			delete(want, addr)
		}
		// memberships with no count, in key order
		for _, key := range keys {
			addr := key.K2().String()
			if n, missing := want[addr]; missing {
				problems = append(problems, fmt.Sprintf("%s: %d memberships, no count", addr, n))
				delete(want, addr)
			}
		}
		return problems, nil
	})
}

// ElectorateInvariant requires each community's body stats to be the sum of
// its memberships (member count, and total weight of the voting ones), a
// membership to be non-voting exactly when its weight is zero, and the
// appointee index to hold exactly the memberships that name an appointer,
// each within its appointer's allowance.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func ElectorateInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "electorate", func(ctx sdk.Context) ([]string, error) {
		iter, err := k.Memberships.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		all, err := iter.Values()
		if err != nil {
			return nil, err
		}
		var problems []string
		stats := map[string]types.BodyStats{}
		appointed := map[string]bool{}
		filled := map[string]uint32{}
		for _, ms := range all {
			s := stats[ms.CommunityId]
			s.MemberCount++
			s.TotalWeight += ms.Weight
			stats[ms.CommunityId] = s
			if ms.NonVoting != (ms.Weight == 0) {
				problems = append(problems, fmt.Sprintf("%s in %s: non_voting %t with weight %d", ms.Address, ms.CommunityId, ms.NonVoting, ms.Weight))
			}
			if ms.AppointedBy == "" {
				continue
			}
			appointed[ms.AppointedBy+"|"+ms.CommunityId+"|"+ms.Address] = true
			filled[fmt.Sprintf("%s|%s|%t", ms.AppointedBy, ms.CommunityId, ms.NonVoting)]++
		}
		communities, err := k.Communities.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		cs, err := communities.Values()
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			got, err := k.GetBodyStats(ctx, c.Id)
			if err != nil {
				return nil, err
			}
			if want := stats[c.Id]; got != want {
				problems = append(problems, fmt.Sprintf("%s: body stats %+v, memberships sum to %+v", c.Id, got, want))
			}
			for _, a := range c.Appointments {
				for _, nonVoting := range []bool{false, true} {
					seats := a.VotingSeats
					if nonVoting {
						seats = a.NonVotingSeats
					}
					if n := filled[fmt.Sprintf("%s|%s|%t", c.Id, a.IntoCommunityId, nonVoting)]; n > seats {
						problems = append(problems, fmt.Sprintf("%s has %d appointees (non-voting %t) in %s, allowance %d", c.Id, n, nonVoting, a.IntoCommunityId, seats))
					}
				}
			}
		}
		index, err := k.Appointees.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		keys, err := index.Keys()
		if err != nil {
			return nil, err
		}
		for _, key := range keys {
			id := key.K1() + "|" + key.K2() + "|" + key.K3().String()
			if !appointed[id] {
				problems = append(problems, fmt.Sprintf("appointee index holds %s, no such appointed membership", id))
			}
			delete(appointed, id)
		}
		for _, ms := range all { // memberships missing from the index, in key order
			if id := ms.AppointedBy + "|" + ms.CommunityId + "|" + ms.Address; ms.AppointedBy != "" && appointed[id] {
				problems = append(problems, fmt.Sprintf("appointed membership %s missing from the appointee index", id))
			}
		}
		return problems, nil
	})
}
