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
	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// emit sends a typed event and its searchable companion.
func (k *Keeper) emit(ctx context.Context, ev proto.Message) error {
	return eventutil.Emit(ctx, k.events, types.ModuleName, ev)
}

// GetParams returns the module parameters.
func (k *Keeper) GetParams(ctx context.Context) (types.Params, error) {
	return k.Params.Get(ctx)
}

// parseAddr decodes a canonical bech32 account address with a registered error.
func (k *Keeper) parseAddr(field, s string) (sdk.AccAddress, error) {
	bz, err := addrutil.Parse(k.addressCodec, s)
	if err != nil {
		return nil, types.ErrInvalidAddress.Wrapf("%s %q: %v", field, s, err)
	}
	return bz, nil
}

// notFound maps collections.ErrNotFound to a registered error.
func notFound(err error, regErr *errorsmod.Error, format string, args ...any) error {
	if errors.Is(err, collections.ErrNotFound) {
		return regErr.Wrapf(format, args...)
	}
	return err
}

// GetProposal returns a proposal or ErrProposalNotFound.
func (k *Keeper) GetProposal(ctx context.Context, id uint64) (types.Proposal, error) {
	p, err := k.Proposals.Get(ctx, id)
	if err != nil {
		return p, notFound(err, types.ErrProposalNotFound, "proposal %d", id)
	}
	return k.withBoardTally(ctx, p)
}

// GetAdvice returns advice or ErrAdviceNotFound.
func (k *Keeper) GetAdvice(ctx context.Context, id uint64) (types.Advice, error) {
	a, err := k.Advice.Get(ctx, id)
	if err != nil {
		return a, notFound(err, types.ErrAdviceNotFound, "advice %d", id)
	}
	return a, nil
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

// checkOptionalDocument validates a document that may be left empty.
func checkOptionalDocument(field string, d communitytypes.Document, maxURI uint32) error {
	if d.Hash == "" && d.Uri == "" {
		return nil
	}
	return checkDocument(field, d, maxURI)
}

// now returns the block time and height.
func now(ctx context.Context) (sdk.Context, int64) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	return sdkCtx, sdkCtx.BlockHeight()
}
