package keeper

import "github.com/polity-chain/polity/x/community/types"

// msgServer is the thin transaction layer. A handler whose signer must be a
// fixed authority (governance, the Board) checks it here, first, and calls a
// keeper method on plain arguments; a signer that depends on the message or
// on state (a community's own motion, a seat's appointing community, a
// member) is checked by the keeper rule.
type msgServer struct {
	*Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the x/community Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer {
	return msgServer{Keeper: k}
}
