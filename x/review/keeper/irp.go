package keeper

import (
	"bytes"
	"context"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// FileIRP opens an Independent Review Process case against a Board decision
// (within the filing window after it) or an inaction. The claimant must have
// standing; members and registered parties pay the refundable deposit.
func (k *Keeper) FileIRP(ctx context.Context, msg *types.MsgFileIRP) (uint64, error) {
	claimant, err := k.parseAddr("claimant", msg.Claimant)
	if err != nil {
		return 0, err
	}
	if err := k.checkStanding(ctx, claimant, msg); err != nil {
		return 0, err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return 0, err
	}
	if len(msg.Provisions) == 0 {
		return 0, types.ErrRequired.Wrapf("cite the bylaw provisions (1 to %d)", params.MaxProvisions)
	}
	if len(msg.Provisions) > int(params.MaxProvisions) {
		return 0, types.ErrLimit.Wrapf("%d bylaw provisions cited, at most %d", len(msg.Provisions), params.MaxProvisions)
	}
	for _, p := range msg.Provisions {
		if err := checkText("provision", p, params.MaxTextLength, true); err != nil {
			return 0, err
		}
	}
	if err := checkDocument("claim", msg.Claim, params.MaxUriLength); err != nil {
		return 0, err
	}
	if err := k.checkTarget(ctx, msg.ProposalId, msg.Inaction, params); err != nil {
		return 0, err
	}
	if msg.InterimRelief {
		if err := k.checkReliefRequest(ctx, msg.ProposalId); err != nil {
			return 0, err
		}
	}

	var deposit sdk.Coins
	if msg.ClaimantKind == types.ClaimantMember || msg.ClaimantKind == types.ClaimantParty {
		deposit = params.IrpDeposit
		if err := k.takeDeposit(ctx, claimant, deposit, "member's or party's IRP"); err != nil {
			return 0, err
		}
	}

	now, height := blockTime(ctx)
	id, err := k.IRPID.Next(ctx)
	if err != nil {
		return 0, err
	}
	c := types.IRP{
		Id: id, Claimant: msg.Claimant, ClaimantKind: msg.ClaimantKind, ClaimantCommunity: msg.CommunityId,
		ProposalId: msg.ProposalId, Inaction: msg.Inaction, Provisions: msg.Provisions, Claim: msg.Claim,
		Deposit: deposit, Status: types.IRPPanelForming, PickDeadline: deadline(ctx, params.PanelPickPeriod),
		DrawSeedBlocks: params.DrawSeedBlocks, FiledHeight: height, FiledTime: now,
	}
	if msg.InterimRelief {
		if err := k.requestRelief(ctx, &c); err != nil {
			return 0, err
		}
	}
	if err := k.storeIRP(ctx, c); err != nil {
		return 0, err
	}
	if err := k.PickQueue.Set(ctx, collutil.At(c.PickDeadline, id)); err != nil {
		return 0, err
	}
	return id, k.emit(ctx, &types.EventIRPFiled{
		IrpId: id, Claimant: msg.Claimant, ClaimantKind: msg.ClaimantKind, ProposalId: msg.ProposalId,
		DrawSeedBlocks: c.DrawSeedBlocks, PickDeadline: c.PickDeadline.Unix(),
	})
}

// checkStanding checks that the claimant may file under the kind it claims.
func (k *Keeper) checkStanding(ctx context.Context, claimant sdk.AccAddress, msg *types.MsgFileIRP) error {
	switch msg.ClaimantKind {
	case types.ClaimantMember:
		ms, err := k.community.MembershipsOf(ctx, claimant)
		if err != nil {
			return err
		}
		if len(ms) == 0 {
			return types.ErrNoStanding.Wrapf("%s is not a member of any community", msg.Claimant)
		}
	case types.ClaimantCommunity:
		if !bytes.Equal(claimant, communitytypes.BodyAddress(msg.CommunityId)) {
			return types.ErrNoStanding.Wrapf("a community files by its own motion (signer %s)", communitytypes.BodyAddress(msg.CommunityId))
		}
		if _, err := k.community.GetCommunity(ctx, msg.CommunityId); err != nil {
			return types.ErrNoStanding.Wrapf("community %s: %v", msg.CommunityId, err)
		}
	case types.ClaimantParty:
		ok, err := k.isParty(ctx, claimant)
		if err != nil {
			return err
		}
		if !ok {
			return types.ErrNoStanding.Wrapf("%s is not a registered party: ask the secretariat to register it", msg.Claimant)
		}
	case types.ClaimantEmpowered:
		if msg.Claimant != k.auth.Empowered {
			return types.ErrNoStanding.Wrapf("only the Empowered Community (%s) files community IRPs", k.auth.Empowered)
		}
	default:
		return types.ErrInvalidKind.Wrapf("claimant kind %d", msg.ClaimantKind)
	}
	return nil
}

// checkTarget checks the challenged decision: a Board decision filed within
// the window after it was taken, or a described inaction.
func (k *Keeper) checkTarget(ctx context.Context, proposalID uint64, inaction string, params types.Params) error {
	// the inaction text is required for an inaction case and bounded always
	if err := checkText("inaction", inaction, params.MaxTextLength, proposalID == 0); err != nil {
		return err
	}
	if proposalID == 0 {
		return nil
	}
	p, err := k.proposals.GetProposal(ctx, proposalID)
	if err != nil {
		return err
	}
	decided, ok := boardDecisionTime(p)
	if !ok {
		return types.ErrWrongPhase.Wrapf("proposal %d is %s: there is no Board decision to review", p.Id, p.Status)
	}
	if now, _ := blockTime(ctx); now.Sub(decided) > params.IrpFilingWindow {
		return types.ErrOutOfWindow.Wrapf("the Board decided proposal %d at %s; the filing window is %s", p.Id, decided, params.IrpFilingWindow)
	}
	return nil
}

// boardDecisionTime is when the Board decided a proposal, if it has.
func boardDecisionTime(p proposalstypes.Proposal) (time.Time, bool) {
	return p.BoardDecidedTime, !p.BoardDecidedTime.IsZero()
}

// GetIRP returns a case or ErrNotFound.
func (k *Keeper) GetIRP(ctx context.Context, id uint64) (types.IRP, error) {
	return get(ctx, k.IRPs, id, "irp")
}
