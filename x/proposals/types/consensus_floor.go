package types

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
)

// A proposal may not set block limits under which governance cannot
// transact: once enacted, a block gas limit below every transaction's gas (0
// is valid to CometBFT) would leave no way to petition, veto, file a review
// or undo it, and every deadline in the queues would run out unopposed. The
// floors leave room for ten of the largest transactions we send (2,000,000
// gas) and for one transaction of the mempool's default size limit (1 MiB).
// -1, CometBFT's "no limit", is allowed for both.
const (
	MinBlockMaxGas   int64 = 20_000_000
	MinBlockMaxBytes int64 = 1 << 20
)

// CheckBlockFloor refuses a consensus params update whose block limits are
// under the floors; any other message passes.
func CheckBlockFloor(msg sdk.Msg) error {
	m, ok := msg.(*consensustypes.MsgUpdateParams)
	if !ok || m.Block == nil {
		return nil
	}
	if g := m.Block.MaxGas; g != -1 && g < MinBlockMaxGas {
		return ErrInvalidMessages.Wrapf("block.max_gas %d would leave governance unable to transact: at least %d, or -1 for no limit", g, MinBlockMaxGas)
	}
	if b := m.Block.MaxBytes; b != -1 && b < MinBlockMaxBytes {
		return ErrInvalidMessages.Wrapf("block.max_bytes %d would leave governance unable to transact: at least %d, or -1 for no limit", b, MinBlockMaxBytes)
	}
	return nil
}
