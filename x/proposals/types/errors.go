package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/proposals. Codes are part of the API: append only.
var (
	ErrUnauthorized         = errorsmod.Register(ModuleName, 2, "signer is not authorised for this action")
	ErrInvalidKind          = errorsmod.Register(ModuleName, 3, "invalid proposal kind")
	ErrOriginatorNotAllowed = errorsmod.Register(ModuleName, 4, "originator may not originate this kind")
	ErrKindTooWeak          = errorsmod.Register(ModuleName, 5, "proposal kind too weak for its messages")
	ErrInvalidMessages      = errorsmod.Register(ModuleName, 6, "invalid proposal messages")
	ErrProposalNotFound     = errorsmod.Register(ModuleName, 7, "proposal not found")
	ErrWrongPhase           = errorsmod.Register(ModuleName, 8, "action not allowed in the proposal's current phase")
	ErrNotDirector          = errorsmod.Register(ModuleName, 9, "not a voting director")
	ErrAlreadyVoted         = errorsmod.Register(ModuleName, 10, "already voted")
	ErrInvalidVoteOption    = errorsmod.Register(ModuleName, 11, "invalid vote option")
	ErrAdviceNotFound       = errorsmod.Register(ModuleName, 12, "advice not found")
	ErrNotAdvisory          = errorsmod.Register(ModuleName, 13, "only advisory communities give advice")
	ErrAdviceAnswered       = errorsmod.Register(ModuleName, 14, "advice already answered")
	ErrInvalidResponse      = errorsmod.Register(ModuleName, 15, "invalid advice response")
	ErrTextTooLong          = errorsmod.Register(ModuleName, 16, "text too long")
	ErrRequired             = errorsmod.Register(ModuleName, 17, "required field missing")
	ErrInvalidDocument      = errorsmod.Register(ModuleName, 18, "invalid document")
	ErrInvalidParams        = errorsmod.Register(ModuleName, 19, "invalid params")
	ErrInvalidGenesis       = errorsmod.Register(ModuleName, 20, "invalid genesis")
	ErrInvalidAddress       = errorsmod.Register(ModuleName, 21, "invalid address")
	ErrNotOriginator        = errorsmod.Register(ModuleName, 22, "only the proposer may do this")
	ErrUnknownCommunity     = errorsmod.Register(ModuleName, 23, "unknown community")
	ErrDuplicateAdvice      = errorsmod.Register(ModuleName, 24, "community already advised on this proposal")
	ErrCaretaker            = errorsmod.Register(ModuleName, 25, "the Board is a caretaker")
	ErrHoldExists           = errorsmod.Register(ModuleName, 26, "source already holds this proposal")
	ErrHoldNotFound         = errorsmod.Register(ModuleName, 27, "hold not found")
	ErrInvalidHoldSource    = errorsmod.Register(ModuleName, 28, "invalid hold source")
)
