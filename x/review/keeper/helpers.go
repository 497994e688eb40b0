package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"
	"github.com/cosmos/gogoproto/proto"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/addrutil"
	"github.com/polity-chain/polity/internal/eventutil"
	"github.com/polity-chain/polity/internal/msgexec"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/review/types"
)

// emit sends a typed event and its searchable companion.
func (k *Keeper) emit(ctx context.Context, ev proto.Message) error {
	return eventutil.Emit(ctx, k.events, types.ModuleName, ev)
}

// GetParams returns the module parameters.
func (k *Keeper) GetParams(ctx context.Context) (types.Params, error) { return k.Params.Get(ctx) }

// parseAddr decodes a canonical bech32 account address with a registered error.
func (k *Keeper) parseAddr(field, s string) (sdk.AccAddress, error) {
	bz, err := addrutil.Parse(k.addressCodec, s)
	if err != nil {
		return nil, types.ErrInvalidAddress.Wrapf("%s %q: %v", field, s, err)
	}
	return bz, nil
}

// get reads a record, mapping absence to ErrNotFound.
func get[K, V any](ctx context.Context, m interface {
	Get(context.Context, K) (V, error)
}, key K, what string,
) (V, error) {
	v, err := m.Get(ctx, key)
	if errors.Is(err, collections.ErrNotFound) {
		return v, types.ErrNotFound.Wrapf("%s %v", what, key)
	}
	return v, err
}

// blockTime returns the block time and height.
func blockTime(ctx context.Context) (time.Time, int64) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	return sdkCtx.HeaderInfo().Time, sdkCtx.BlockHeight()
}

// deadline is a whole-second deadline after d.
func deadline(ctx context.Context, d time.Duration) time.Time {
	now, _ := blockTime(ctx)
	return now.Add(d).Truncate(time.Second)
}

// checkText enforces a text limit; required text may not be empty.
func checkText(field, value string, limit uint32, required bool) error {
	if required && value == "" {
		return types.ErrRequired.Wrap(field)
	}
	if uint64(len(value)) > uint64(limit) {
		return types.ErrTextTooLong.Wrapf("%s is %d bytes, limit %d", field, len(value), limit)
	}
	return nil
}

// checkDocument validates a required document.
func checkDocument(field string, d communitytypes.Document, maxURI uint32) error {
	if d.Hash == "" && d.Uri == "" {
		return types.ErrRequired.Wrapf("%s (hash and uri)", field)
	}
	if err := d.Validate(maxURI); err != nil {
		return types.ErrInvalidDocument.Wrapf("%s: %v", field, err)
	}
	return nil
}

// requireGovernance checks that a decision comes from a ratified Board resolution.
func (k *Keeper) requireGovernance(authority string) error {
	if authority != k.auth.Governance {
		return types.ErrUnauthorized.Wrapf("only a ratified Board resolution (signer %s) may do this, got %s", k.auth.Governance, authority)
	}
	return nil
}

// resolution is the Board resolution whose messages are running (0 when
// none is, as at genesis); a store error is returned, never read as 0.
func (k *Keeper) resolution(ctx context.Context) (uint64, error) {
	return k.proposals.ExecutingProposal(ctx)
}

// dispatch sends a message to another module through the router, with the
// review authority as signer, as a motion or proposal would (msgexec: atomic,
// panics as errors, the handler's events re-emitted).
func (k *Keeper) dispatch(ctx context.Context, msg sdk.Msg) error {
	_, err := msgexec.Dispatch(sdk.UnwrapSDKContext(ctx), k.router, msg)
	return err
}
