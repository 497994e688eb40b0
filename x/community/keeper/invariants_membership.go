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
