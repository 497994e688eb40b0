package types_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/x/community/types"
)

// TestErrorsRegistered checks that the module's errors live in its own
// codespace with codes of 2 or more (code 1 is the SDK's "internal").
func TestErrorsRegistered(t *testing.T) {
	errs := []*errorsmod.Error{
		types.ErrUnauthorized, types.ErrInvalidID, types.ErrCommunityNotFound, types.ErrMotionNotFound,
		types.ErrPowerCap, types.ErrHasDependents, types.ErrOperatorTaken, types.ErrConsensusKeyTaken,
	}
	for _, e := range errs {
		require.Equal(t, types.ModuleName, e.Codespace())
		require.GreaterOrEqual(t, e.ABCICode(), uint32(2))
		codespace, code, _ := errorsmod.ABCIInfo(e.Wrap("context"), false)
		require.Equal(t, types.ModuleName, codespace)
		require.Equal(t, e.ABCICode(), code, "wrapping keeps the code")
	}
}
