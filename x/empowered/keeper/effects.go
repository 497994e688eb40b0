package keeper

import (
	"context"
	"fmt"

	"github.com/cosmos/gogoproto/proto"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/empowered/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

// applyEffect executes a power's effect with the Empowered Community's
// address as signer, in a cache context so that it applies whole or not at
// all. It returns the id of what the effect created, if anything.
func (k *Keeper) applyEffect(ctx context.Context, a *types.Action) (uint64, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	cacheCtx, write := sdkCtx.CacheContext()
	ref, err := k.effect(cacheCtx, a)
	if err != nil {
		return 0, err
	}
	write()
	return ref, nil
}

func (k *Keeper) effect(ctx sdk.Context, a *types.Action) (uint64, error) {
	reason := fmt.Sprintf("Empowered Community action %d (%s)", a.Id, a.Power)
	switch a.Power {
	case types.PowerRejectBudget, types.PowerRejectStandardBylaw, types.PowerRejectOperatorAction:
		_, err := k.dispatch(ctx, &proposalstypes.MsgVetoProposal{Authority: k.authority, ProposalId: a.ProposalId, Reason: reason})
		return 0, err
	case types.PowerApproveFundamentalBylaw:
		_, err := k.dispatch(ctx, &proposalstypes.MsgApproveProposal{Authority: k.authority, ProposalId: a.ProposalId})
		return 0, err
	case types.PowerRecallBoard:
		return 0, k.recallBoard(ctx, reason)
	case types.PowerRemoveDirector:
		_, err := k.dispatch(ctx, &communitytypes.MsgVacateSeat{Authority: k.authority, SeatId: a.SeatId, Reason: reason})
		return 0, err
	case types.PowerCommunityIRP:
		res, err := k.dispatch(ctx, &reviewtypes.MsgFileIRP{
			Claimant: k.authority, ClaimantKind: reviewtypes.ClaimantEmpowered, ProposalId: a.ProposalId,
			Provisions: []string{reason}, Claim: a.Rationale,
		})
		if err != nil {
			return 0, err
		}
		var resp reviewtypes.MsgFileIRPResponse
		if err := k.unpackResponse(res, &resp); err != nil {
			return 0, err
		}
		return resp.IrpId, nil
	case types.PowerCommunityReconsideration:
		res, err := k.dispatch(ctx, &reviewtypes.MsgFileReconsideration{
			Requester: k.authority, ProposalId: a.ProposalId, Grounds: reason, Request: a.Rationale,
		})
		if err != nil {
			return 0, err
		}
		var resp reviewtypes.MsgFileReconsiderationResponse
		if err := k.unpackResponse(res, &resp); err != nil {
			return 0, err
		}
		return resp.ReconsiderationId, nil
	case types.PowerInspection:
		return k.openInspection(ctx, a)
	case types.PowerConfirmPanelist:
		_, err := k.dispatch(ctx, &reviewtypes.MsgConfirmPanelist{Authority: k.authority, Address: a.Panelist})
		return 0, err
	}
	return 0, types.ErrInvalidPower.Wrapf("%s has no effect", a.Power)
}

// recallBoard vacates every voting seat; the appointing bodies refill them and
// until the Board has a quorum again it is a caretaker (see x/proposals).
func (k *Keeper) recallBoard(ctx sdk.Context, reason string) error {
	seats, err := k.community.AllSeats(ctx)
	if err != nil {
		return err
	}
	for _, s := range seats {
		if !s.Voting || s.Holder == "" || s.Retired {
			continue
		}
		if _, err := k.dispatch(ctx, &communitytypes.MsgVacateSeat{Authority: k.authority, SeatId: s.Id, Reason: reason}); err != nil {
			return err
		}
	}
	return nil
}

// unpackResponse reads a handler's typed response.
func (k *Keeper) unpackResponse(res *sdk.Result, into proto.Message) error {
	if res == nil || len(res.MsgResponses) == 0 {
		return fmt.Errorf("no response")
	}
	return k.cdc.Unmarshal(res.MsgResponses[0].Value, into)
}
