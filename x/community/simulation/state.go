// Package simulation holds x/community's part of the app simulation: the
// accounts that act for each body, the random decisions a community or the
// Board may take by motion, and the weighted operations of members, chairs,
// directors and outsiders. Randomness comes only from the seeded source the
// simulation passes in.
package simulation

import (
	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/simutil"
	"github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// Voters lists the addresses that vote in a body: a community's members, or
// the Board's directors. Errors read as "nobody": an operation then picks an
// outsider, whose message fails.
func Voters(ctx sdk.Context, k *keeper.Keeper, body string) []string {
	if body == types.BoardBodyID {
		seats, err := k.AllSeats(ctx)
		if err != nil {
			return nil
		}
		var out []string
		for _, s := range seats {
			if s.Holder != "" && s.Voting {
				out = append(out, s.Holder)
			}
		}
		return out
	}
	iter, err := k.Memberships.Iterate(ctx, collections.NewPrefixedPairRange[string, sdk.AccAddress](body))
	if err != nil {
		return nil
	}
	defer iter.Close()
	var out []string
	for ; iter.Valid(); iter.Next() {
		m, err := iter.Value()
		if err != nil {
			return out
		}
		out = append(out, m.Address)
	}
	return out
}

// Bodies lists every body id (the communities and the Board).
func Bodies(ctx sdk.Context, k *keeper.Keeper) []string {
	iter, err := k.Bodies.Iterate(ctx, nil)
	if err != nil {
		return nil
	}
	ids, err := iter.Keys()
	if err != nil {
		return nil
	}
	return ids
}

// VotingMotions lists the motions still voting.
func VotingMotions(ctx sdk.Context, k *keeper.Keeper) []types.Motion {
	return simutil.ByIndex(ctx, k.Motions.Indexes.Status, k.GetMotion, int32(types.MotionStatusVoting))
}

// Communities lists every community.
func Communities(ctx sdk.Context, k *keeper.Keeper) []types.Community {
	iter, err := k.Communities.Iterate(ctx, nil)
	if err != nil {
		return nil
	}
	out, err := iter.Values()
	if err != nil {
		return nil
	}
	return out
}
