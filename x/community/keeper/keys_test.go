package keeper_test

import (
	"time"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/community/types"
)

// collectionsPair is a membership key.
func collectionsPair(community string, who sdk.AccAddress) collections.Pair[string, sdk.AccAddress] {
	return collections.Join(community, who)
}

// roleKey is a role-holder key.
func roleKey(community string, role types.Role, who sdk.AccAddress) collections.Triple[string, int32, sdk.AccAddress] {
	return collections.Join3(community, int32(role), who)
}

// collectionsPairTime is a deadline-queue key: (unix seconds, id).
type collectionsPairTime = collections.Pair[int64, uint64]

// joinTime builds a deadline-queue key.
func joinTime(t time.Time, id uint64) collectionsPairTime { return collections.Join(t.Unix(), id) }

// joinVote is a vote key.
func joinVote(motionID uint64, voter sdk.AccAddress) collections.Pair[uint64, sdk.AccAddress] {
	return collections.Join(motionID, voter)
}
