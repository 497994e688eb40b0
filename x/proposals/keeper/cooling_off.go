package keeper

import (
	"context"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/proposals/types"
)

// The cooling-off: what the Empowered Community vetoed or independent review
// returned cannot come straight back. Each message of such a proposal may
// not be proposed again until resubmission_cooling_off has passed, except in
// the Board's answer to the IRP that returned it (a proposal carrying that
// case's MsgRecordBoardAction).

// coolOff records a vetoed or returned proposal's messages.
func (k *Keeper) coolOff(ctx context.Context, p *types.Proposal) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	sdkCtx, _ := now(ctx)
	until := sdkCtx.HeaderInfo().Time.Add(params.ResubmissionCoolingOff)
	for _, a := range p.Messages {
		hash := types.MessageHash(a)
		if err := k.CoolingOff.Set(ctx, hash, types.CoolingOff{MessageHash: hash, ProposalId: p.Id, Until: until}); err != nil {
			return err
		}
	}
	return nil
}

// checkCoolingOff refuses a message still cooling off, unless the proposal
// answers the IRP that returned it.
func (k *Keeper) checkCoolingOff(ctx context.Context, anys []*codectypes.Any, msgs []sdk.Msg) error {
	sdkCtx, _ := now(ctx)
	for i, a := range anys {
		c, err := k.CoolingOff.Get(ctx, types.MessageHash(a))
		if err != nil {
			if err := collutil.NotFoundOK(err); err != nil {
				return err
			}
			continue
		}
		if !sdkCtx.HeaderInfo().Time.Before(c.Until) {
			continue
		}
		from, err := k.GetProposal(ctx, c.ProposalId)
		if err != nil {
			return err
		}
		if from.ReturnedByIrp != 0 && answersIRP(anys, msgs, from.ReturnedByIrp) {
			continue
		}
		return types.ErrCoolingOff.Wrapf("message %d (%s) was in proposal %d, %s: it may be proposed again from %s",
			i, a.TypeUrl, from.Id, from.Status, c.Until.UTC())
	}
	return nil
}

// answersIRP reports whether the messages include the Board's recorded
// action on an IRP case.
func answersIRP(anys []*codectypes.Any, msgs []sdk.Msg, irp uint64) bool {
	for i, m := range msgs {
		withCase, ok := m.(interface{ GetIrpId() uint64 })
		if ok && anys[i].TypeUrl == types.RecordBoardActionTypeURL && withCase.GetIrpId() == irp {
			return true
		}
	}
	return false
}
