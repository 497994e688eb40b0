package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/history. Codes are part of the API: append only.
var (
	ErrInvalidRequest   = errorsmod.Register(ModuleName, 2, "invalid request")
	ErrProposalNotFound = errorsmod.Register(ModuleName, 3, "proposal not found")
)
