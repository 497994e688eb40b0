// Package blockutil runs the items of a block's queues safely.
package blockutil

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Run runs one EndBlock item in a cache context over ctx and writes its
// changes only if it succeeds, so that a failure leaves nothing behind. A
// panic in the item (in its module or a keeper it calls) is a failure too:
// baseapp does not recover panics in EndBlock, and one would halt the chain.
func Run(ctx sdk.Context, item func(sdk.Context) error) (err error) {
	cacheCtx, write := ctx.CacheContext()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	if err := item(cacheCtx); err != nil {
		return err
	}
	write()
	return nil
}
