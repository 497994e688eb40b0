package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"

	"github.com/polity-chain/polity/x/community/types"
)

// TestSeatAllocationValidate checks the power share and seat bounds.
func TestSeatAllocationValidate(t *testing.T) {
	for _, share := range []string{"", "0", "0.25", "0.333333333333333332"} {
		require.NoError(t, types.SeatAllocation{ValidatorPowerShare: share}.Validate(), share)
	}
	for _, share := range []string{"0.333333333333333333", "0.5", "1", "-0.1", "x"} {
		require.ErrorIs(t, types.SeatAllocation{ValidatorPowerShare: share}.Validate(), types.ErrInvalidSeatAllocation, share)
	}
	require.ErrorIs(t, types.SeatAllocation{LiaisonBoardSeats: 33}.Validate(), types.ErrInvalidSeatAllocation)
	require.ErrorIs(t, types.SeatAllocation{NomcomDelegates: 33}.Validate(), types.ErrInvalidSeatAllocation)
}

// TestCheckPowerShare checks the 1/3 cap and the community's allocation, and
// that bootstrap mode and powerless communities are exempt.
func TestCheckPowerShare(t *testing.T) {
	c := types.Community{Id: "dev", Seats: types.SeatAllocation{ValidatorPowerShare: "0.3"}}
	tests := []struct {
		name      string
		bootstrap bool
		power     int64
		total     int64
		ok        bool
	}{
		{"within share", false, 3, 10, true},
		{"above share", false, 31, 100, false},
		{"exactly one third", false, 1, 3, false},
		{"above one third", false, 2, 3, false},
		{"everything", false, 10, 10, false},
		{"no power", false, 0, 10, true},
		{"bootstrap", true, 10, 10, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := types.CheckPowerShare(tc.bootstrap, c, tc.power, tc.total)
			if tc.ok {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, types.ErrPowerCap)
			}
		})
	}
	require.ErrorIs(t, types.CheckPowerShare(false, types.Community{Id: "x"}, 1, 100), types.ErrPowerCap, "no share, no power")
	require.Equal(t, "0.250000000000000000", types.PowerShareOf(1, 4))
	require.Equal(t, "0.000000000000000000", types.PowerShareOf(0, 0))
}

// TestCheckTreePower checks the 1/3 cap on a community tree, exempting
// bootstrap mode and powerless trees.
func TestCheckTreePower(t *testing.T) {
	require.NoError(t, types.CheckTreePower(false, "dev", 14, 43))
	require.ErrorIs(t, types.CheckTreePower(false, "dev", 15, 45), types.ErrPowerCap)
	require.ErrorContains(t, types.CheckTreePower(false, "dev", 15, 45), "dev with its sub-communities")
	require.NoError(t, types.CheckTreePower(false, "dev", 0, 0))
	require.NoError(t, types.CheckTreePower(true, "dev", 10, 10))
}

// TestValidateConsensusKey checks that only well-formed ed25519 keys pass.
func TestValidateConsensusKey(t *testing.T) {
	require.NoError(t, types.ValidateConsensusKey(ed25519.GenPrivKeyFromSecret([]byte("a")).PubKey()))
	require.ErrorIs(t, types.ValidateConsensusKey(nil), types.ErrInvalidPubKey)
	require.ErrorIs(t, types.ValidateConsensusKey(secp256k1.GenPrivKeyFromSecret([]byte("a")).PubKey()), types.ErrInvalidPubKey)
	require.ErrorIs(t, types.ValidateConsensusKey(&ed25519.PubKey{Key: make([]byte, 31)}), types.ErrInvalidPubKey)
}
