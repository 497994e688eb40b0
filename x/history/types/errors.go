package types

import (
	"google.golang.org/grpc/codes"

	errorsmod "cosmossdk.io/errors"
)

// Registered errors of x/history. Codes are part of the API: append only.
// Each carries its gRPC status, so that REST answers 400 for a bad request
// and 404 for an unknown proposal, not 500.
var (
	ErrInvalidRequest   = errorsmod.RegisterWithGRPCCode(ModuleName, 2, codes.InvalidArgument, "invalid request")
	ErrProposalNotFound = errorsmod.RegisterWithGRPCCode(ModuleName, 3, codes.NotFound, "proposal not found")
)
