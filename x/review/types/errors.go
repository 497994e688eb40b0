package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/review. Codes are part of the API: append only.
var (
	ErrUnauthorized    = errorsmod.Register(ModuleName, 2, "signer is not authorised for this action")
	ErrInvalidAddress  = errorsmod.Register(ModuleName, 3, "invalid address")
	ErrTextTooLong     = errorsmod.Register(ModuleName, 4, "text too long")
	ErrRequired        = errorsmod.Register(ModuleName, 5, "required field missing")
	ErrInvalidDocument = errorsmod.Register(ModuleName, 6, "invalid document")
	ErrNoStanding      = errorsmod.Register(ModuleName, 7, "claimant has no standing")
	ErrOutOfWindow     = errorsmod.Register(ModuleName, 8, "filed outside the window")
	ErrNotFound        = errorsmod.Register(ModuleName, 9, "record not found")
	ErrWrongPhase      = errorsmod.Register(ModuleName, 10, "action not allowed in the current phase")
	ErrNotPanelist     = errorsmod.Register(ModuleName, 11, "not a panelist of this case")
	ErrConflicted      = errorsmod.Register(ModuleName, 12, "panelist has a conflict of interest")
	ErrAlreadyDone     = errorsmod.Register(ModuleName, 13, "already done")
	ErrNotOmbudsman    = errorsmod.Register(ModuleName, 14, "not the ombudsman")
	ErrNotChair        = errorsmod.Register(ModuleName, 15, "not the Board chair")
	ErrActionNotListed = errorsmod.Register(ModuleName, 16, "emergency action not on the list")
	ErrInvalidTarget   = errorsmod.Register(ModuleName, 17, "invalid emergency target")
	ErrNotTeamMember   = errorsmod.Register(ModuleName, 18, "not a member of the review team")
	ErrInvalidParams   = errorsmod.Register(ModuleName, 19, "invalid params")
	ErrInvalidGenesis  = errorsmod.Register(ModuleName, 20, "invalid genesis")
	ErrPaused          = errorsmod.Register(ModuleName, 21, "message type paused by an emergency action")
	ErrInvalidKind     = errorsmod.Register(ModuleName, 22, "invalid kind")
	ErrLimit           = errorsmod.Register(ModuleName, 23, "limit exceeded")
	ErrIncompatible    = errorsmod.Register(ModuleName, 24, "holds an incompatible office")
	ErrDepositUnpaid   = errorsmod.Register(ModuleName, 25, "the refundable deposit could not be paid")
	ErrNotFrivolous    = errorsmod.Register(ModuleName, 26, "not found frivolous")
)
