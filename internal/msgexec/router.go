package msgexec

import (
	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Router finds the handler of a message; baseapp.MessageRouter is one.
type Router interface {
	Handler(msg sdk.Msg) baseapp.MsgServiceHandler
}

// Hooks run inside the cache context, so that what they write is kept only
// with the messages' writes: Before runs before the first message, After
// after the last one succeeded. A hook's error fails the run. Either may be
// nil.
type Hooks struct {
	Before func(ctx sdk.Context) error
	After  func(ctx sdk.Context) error
}
