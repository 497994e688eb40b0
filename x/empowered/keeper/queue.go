package keeper

import (
	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/empowered/types"
)

// queueKey is an action's entry in the stage queue.
func queueKey(a types.Action) collutil.QueueKey { return collutil.At(a.Deadline, a.Id) }

// joinStatement keys a statement.
func joinStatement(action, id uint64) collections.Pair[uint64, uint64] {
	return collections.Join(action, id)
}
