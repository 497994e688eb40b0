package keeper

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/invariantutil"
	"github.com/polity-chain/polity/x/community/types"
)

// LivenessInvariant requires every signing record to belong to a validator,
// under its own key, with counts that can be (no more missed in a window
// than the window holds, never more in the window than in all).
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func LivenessInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "liveness", func(ctx sdk.Context) ([]string, error) {
		params, err := k.GetParams(ctx)
		if err != nil {
			return nil, err
		}
		iter, err := k.Liveness.Iterate(ctx, nil)
		if err != nil {
			return nil, err
		}
		kvs, err := iter.KeyValues()
		if err != nil {
			return nil, err
		}
		var problems []string
		for _, kv := range kvs {
			l := kv.Value
			v, err := k.Validators.Get(ctx, kv.Key)
			switch {
			case err != nil:
				problems = append(problems, fmt.Sprintf("liveness %s: no validator (%v)", l.ConsensusAddress, err))
			case v.ConsensusAddress != l.ConsensusAddress:
				problems = append(problems, fmt.Sprintf("liveness %s stored under validator %s", l.ConsensusAddress, v.ConsensusAddress))
			}
			if l.MissedInWindow > params.LivenessWindow || uint64(l.MissedInWindow) > l.MissedTotal {
				problems = append(problems, fmt.Sprintf("liveness %s: %d missed in a window of %d, %d in all",
					l.ConsensusAddress, l.MissedInWindow, params.LivenessWindow, l.MissedTotal))
			}
		}
		return problems, nil
	})
}
