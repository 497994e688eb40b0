package keeper_test

import (
	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// joinIDs keys a comment: (proposal, comment).
func joinIDs(a, b uint64) collections.Pair[uint64, uint64] { return collections.Join(a, b) }

// joinGovVote keys an x/gov vote: (proposal, voter).
func joinGovVote(id uint64, voter sdk.AccAddress) collections.Pair[uint64, sdk.AccAddress] {
	return collections.Join(id, voter)
}
