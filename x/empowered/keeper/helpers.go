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
	"github.com/polity-chain/polity/x/empowered/types"
)

func (k *Keeper) emit(ctx context.Context, ev proto.Message) error {
	return eventutil.Emit(ctx, k.events, types.ModuleName, ev)
}

// GetParams returns the module parameters.
func (k *Keeper) GetParams(ctx context.Context) (types.Params, error) { return k.Params.Get(ctx) }

// GetAction returns an action or ErrNotFound.
func (k *Keeper) GetAction(ctx context.Context, id uint64) (types.Action, error) {
	a, err := k.Actions.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return a, types.ErrNotFound.Wrapf("action %d", id)
	}
	return a, err
}

func blockTime(ctx context.Context) (time.Time, int64) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	return sdkCtx.HeaderInfo().Time, sdkCtx.BlockHeight()
}

func deadline(ctx context.Context, d time.Duration) time.Time {
	now, _ := blockTime(ctx)
	return now.Add(d).Truncate(time.Second)
}

func checkText(field, value string, limit uint32, required bool) error {
	if required && value == "" {
		return types.ErrRequired.Wrap(field)
	}
	if uint64(len(value)) > uint64(limit) {
		return types.ErrTextTooLong.Wrapf("%s is %d bytes, limit %d", field, len(value), limit)
	}
	return nil
}

func checkDocument(field string, d communitytypes.Document, maxURI uint32, required bool) error {
	if d.Hash == "" && d.Uri == "" {
		if required {
			return types.ErrRequired.Wrapf("%s (hash and uri)", field)
		}
		return nil
	}
	if err := d.Validate(maxURI); err != nil {
		return types.ErrInvalidDocument.Wrapf("%s: %v", field, err)
	}
	return nil
}

// dispatch sends a message through the router as the Empowered Community
// (msgexec: atomic, panics as errors, the handler's events re-emitted) and
// returns the handler's result.
func (k *Keeper) dispatch(ctx context.Context, msg sdk.Msg) (*sdk.Result, error) {
	return msgexec.Dispatch(sdk.UnwrapSDKContext(ctx), k.router, msg)
}

// actingFor checks that the signer acts for a decisional participant: its own
// motion (the community's body address) or, where params allow, its
// representative.
func (k *Keeper) actingFor(ctx context.Context, signer, communityID string, params types.Params) (communitytypes.Community, error) {
	c, err := k.community.GetCommunity(ctx, communityID)
	if err != nil {
		return c, types.ErrNotParticipant.Wrapf("%s: %v", communityID, err)
	}
	if !c.DecisionalParticipant {
		return c, types.ErrNotParticipant.Wrapf("%s is not a decisional participant", communityID)
	}
	if signer == c.Address {
		return c, nil
	}
	if params.RepresentativesMayAct {
		addr, err := addrutil.Parse(k.addressCodec, signer)
		if err != nil {
			return c, types.ErrInvalidAddress.Wrapf("signer %q: %v", signer, err)
		}
		ok, err := k.community.HasRole(ctx, communityID, addr, communitytypes.RoleRepresentative)
		if err != nil || ok {
			return c, err
		}
	}
	return c, types.ErrUnauthorized.Wrapf("%s acts for %s only by its motion (signer %s) or its representative", signer, communityID, c.Address)
}

// setStage moves an action to a stage with a new deadline (or closes it),
// keeping the queue in step.
func (k *Keeper) setStage(ctx context.Context, a *types.Action, stage types.Stage, until time.Time, note string) error {
	if a.Stage.Open() && !a.Deadline.IsZero() {
		if err := k.ActionQueue.Remove(ctx, queueKey(*a)); err != nil {
			return err
		}
	}
	a.Stage, a.Note = stage, note
	if stage.Open() {
		a.Deadline = until.Truncate(time.Second)
		if err := k.ActionQueue.Set(ctx, queueKey(*a)); err != nil {
			return err
		}
	} else {
		a.Deadline = time.Time{}
		a.ClosedTime, a.ClosedHeight = blockTime(ctx)
	}
	return k.emit(ctx, &types.EventActionStageChanged{ActionId: a.Id, Power: a.Power, Stage: stage, ProposalId: a.ProposalId, Note: note})
}
