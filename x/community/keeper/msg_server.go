package keeper

import "github.com/polity-chain/polity/x/community/types"

// msgServer is the thin transaction layer: each handler checks the signer's
// authority first and leaves the rules to the keeper.
type msgServer struct {
	*Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the x/community Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer {
	return msgServer{Keeper: k}
}
