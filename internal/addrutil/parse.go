// Package addrutil decodes account addresses the one way the state machine
// accepts them.
package addrutil

import (
	"errors"
	"fmt"

	"cosmossdk.io/core/address"
)

// Parse decodes a bech32 account address and insists on its canonical
// (lower-case) spelling. Bech32 also accepts the all-upper-case form of the
// same bytes; refusing it means an address stored or compared as a string is
// the same string everywhere, so string comparisons cannot mistake one
// account for two.
func Parse(codec address.Codec, s string) ([]byte, error) {
	bz, err := codec.StringToBytes(s)
	if err != nil {
		return nil, err
	}
	if len(bz) == 0 {
		return nil, errors.New("empty address")
	}
	canonical, err := codec.BytesToString(bz)
	if err != nil {
		return nil, err
	}
	if canonical != s {
		return nil, fmt.Errorf("not in canonical form; use %s", canonical)
	}
	return bz, nil
}
