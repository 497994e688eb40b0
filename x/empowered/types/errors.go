package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/empowered. Codes are part of the API: append only.
var (
	ErrUnauthorized    = errorsmod.Register(ModuleName, 2, "signer does not act for the participant")
	ErrNotParticipant  = errorsmod.Register(ModuleName, 3, "not a decisional participant")
	ErrInvalidPower    = errorsmod.Register(ModuleName, 4, "invalid power")
	ErrInvalidTarget   = errorsmod.Register(ModuleName, 5, "invalid target")
	ErrOutOfWindow     = errorsmod.Register(ModuleName, 6, "outside the petition window")
	ErrWrongStage      = errorsmod.Register(ModuleName, 7, "action not allowed in the current stage")
	ErrNotFound        = errorsmod.Register(ModuleName, 8, "record not found")
	ErrAlreadyDone     = errorsmod.Register(ModuleName, 9, "already done")
	ErrCarvedOut       = errorsmod.Register(ModuleName, 10, "participant is carved out of this action")
	ErrSelfSupport     = errorsmod.Register(ModuleName, 11, "the petitioner cannot support its own petition")
	ErrInvalidChoice   = errorsmod.Register(ModuleName, 12, "invalid choice")
	ErrTextTooLong     = errorsmod.Register(ModuleName, 13, "text too long")
	ErrRequired        = errorsmod.Register(ModuleName, 14, "required field missing")
	ErrInvalidDocument = errorsmod.Register(ModuleName, 15, "invalid document")
	ErrInvalidParams   = errorsmod.Register(ModuleName, 16, "invalid params")
	ErrInvalidGenesis  = errorsmod.Register(ModuleName, 17, "invalid genesis")
	ErrInvalidAddress  = errorsmod.Register(ModuleName, 18, "invalid address")
	ErrDuplicate       = errorsmod.Register(ModuleName, 19, "an action on this target is already under way")
)
