package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the x/empowered module.
	ModuleName = "empowered"
	// StoreKey is the module's KV store key.
	StoreKey = ModuleName
)

// Store prefixes. Never renumber them.
var (
	ParamsKey          = collections.NewPrefix(0)
	ActionsKey         = collections.NewPrefix(1)
	ActionsStageKey    = collections.NewPrefix(2)
	ActionsProposalKey = collections.NewPrefix(3)
	ActionIDKey        = collections.NewPrefix(4)
	ActionQueueKey     = collections.NewPrefix(5)
	StatementsKey      = collections.NewPrefix(6)
	StatementIDKey     = collections.NewPrefix(7)
	DecisionsKey       = collections.NewPrefix(8)
	InspectionsKey     = collections.NewPrefix(9)
	InspectionIDKey    = collections.NewPrefix(10)
	InspectionQueueKey = collections.NewPrefix(11)
)
