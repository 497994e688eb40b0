package types

import (
	"github.com/cosmos/cosmos-sdk/types/address"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// BodyAddress derives a body's account from its id, the way module accounts
// are derived: nobody holds a key for it, so it can only act through motions.
func BodyAddress(bodyID string) sdk.AccAddress {
	return address.Module(ModuleName, []byte("body"), []byte(bodyID))
}
