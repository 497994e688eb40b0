package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"github.com/cosmos/gogoproto/proto"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/addrutil"
	"github.com/polity-chain/polity/internal/eventutil"
	"github.com/polity-chain/polity/x/community/types"
)

// emit sends a typed event and its searchable companion.
func (k *Keeper) emit(ctx context.Context, ev proto.Message) error {
	return eventutil.Emit(ctx, k.events, types.ModuleName, ev)
}

// newAudit stamps a new record with the current block.
func newAudit(ctx context.Context) types.Audit {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	h, t := sdkCtx.BlockHeight(), sdkCtx.HeaderInfo().Time
	return types.Audit{CreatedHeight: h, CreatedAt: t, UpdatedHeight: h, UpdatedAt: t}
}

// touch marks a record as changed in the current block.
func touch(ctx context.Context, a *types.Audit) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	a.UpdatedHeight, a.UpdatedAt = sdkCtx.BlockHeight(), sdkCtx.HeaderInfo().Time
}

// parseAddr decodes a canonical bech32 account address with a registered error.
func (k *Keeper) parseAddr(field, s string) (sdk.AccAddress, error) {
	bz, err := addrutil.Parse(k.addressCodec, s)
	if err != nil {
		return nil, types.ErrInvalidAddress.Wrapf("%s %q: %v", field, s, err)
	}
	return bz, nil
}

// notFound maps collections.ErrNotFound to a registered error and passes other
// errors (storage corruption) through unchanged.
func notFound(err error, regErr *errorsmod.Error, format string, args ...any) error {
	if errors.Is(err, collections.ErrNotFound) {
		return regErr.Wrapf(format, args...)
	}
	return err
}

// GetParams returns the module parameters.
func (k *Keeper) GetParams(ctx context.Context) (types.Params, error) {
	return k.Params.Get(ctx)
}

// pairKey builds a (community, address) key.
func pairKey(id string, addr sdk.AccAddress) collections.Pair[string, sdk.AccAddress] {
	return collections.Join(id, addr)
}
