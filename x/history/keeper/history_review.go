package keeper

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/history/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	reviewtypes "github.com/polity-chain/polity/x/review/types"
)

const reviewModule = reviewtypes.ModuleName

// reviewSteps adds the accountability cases touching the proposal: IRP cases
// against it (or answered by it), reconsiderations of it, emergency
// suspensions of it.
func (k *Keeper) reviewSteps(ctx context.Context, p proposalstypes.Proposal, s *story) error {
	cases, err := collutil.ByRef(ctx, k.review.IRPs.Indexes.Proposal, p.Id, k.review.IRPs.Get)
	if err != nil {
		return err
	}
	for _, c := range cases {
		if err := k.irpSteps(ctx, c, s); err != nil {
			return err
		}
	}
	answered, err := collutil.ByRef(ctx, k.review.IRPs.Indexes.BoardAction, p.Id, k.review.IRPs.Get)
	if err != nil {
		return err
	}
	for _, c := range answered {
		if c.ProposalId == p.Id {
			continue // already told as a case against this proposal
		}
		s.add(reviewModule, types.StepIRPDeclared, c.UpdatedHeight, c.UpdatedTime, "board",
			fmt.Sprintf("this proposal is the Board's action on IRP %d", c.Id), fmt.Sprintf("irp/%d", c.Id), "")
	}
	requests, err := collutil.ByRef(ctx, k.review.Reconsiderations.Indexes.Proposal, p.Id, k.review.Reconsiderations.Get)
	if err != nil {
		return err
	}
	for _, r := range requests {
		ref := fmt.Sprintf("reconsideration/%d", r.Id)
		s.add(reviewModule, types.StepReconsiderationFiled, r.FiledHeight, r.FiledTime, r.Requester,
			fmt.Sprintf("reconsideration %d requested: %s", r.Id, r.Grounds), ref, msgURL(&reviewtypes.MsgFileReconsideration{}))
		if r.Status == reviewtypes.ReconsiderationGranted || r.Status == reviewtypes.ReconsiderationDenied {
			s.add(reviewModule, types.StepReconsiderationClosed, r.UpdatedHeight, r.UpdatedTime, "board",
				fmt.Sprintf("reconsideration %d %s by resolution %d", r.Id,
					strings.TrimPrefix(r.Status.String(), "RECONSIDERATION_STATUS_"), r.DecidedBy), ref, "")
		}
	}
	measures, err := collutil.ByRef(ctx, k.review.Emergencies.Indexes.Target, strconv.FormatUint(p.Id, 10), k.review.Emergencies.Get)
	if err != nil {
		return err
	}
	for _, e := range measures {
		if e.Kind != reviewtypes.EmergencySuspendProposal {
			continue
		}
		ref := fmt.Sprintf("emergency/%d", e.Id)
		s.add(reviewModule, types.StepEmergency, e.TakenHeight, e.TakenTime, e.Chair,
			fmt.Sprintf("emergency %d: the chair suspended this proposal", e.Id), ref, msgURL(&reviewtypes.MsgTakeEmergencyAction{}))
		if e.Status != reviewtypes.EmergencyActive && !e.EndedTime.IsZero() {
			s.add(reviewModule, types.StepEmergencyEnded, e.UpdatedHeight, e.EndedTime, "",
				fmt.Sprintf("emergency %d ended: %s", e.Id, strings.TrimPrefix(e.Status.String(), "EMERGENCY_STATUS_")), ref, "")
		}
	}
	return nil
}

// irpSteps adds an IRP case against the proposal: filing, the panel and its
// draw, each panelist's declaration and the case's declaration.
func (k *Keeper) irpSteps(ctx context.Context, c reviewtypes.IRP, s *story) error {
	ref := fmt.Sprintf("irp/%d", c.Id)
	filed := fmt.Sprintf("IRP %d filed by %s", c.Id, c.Claimant)
	if c.ReliefRequested {
		filed += ", asking for interim relief"
	}
	s.add(reviewModule, types.StepIRPFiled, c.FiledHeight, c.FiledTime, c.Claimant, filed, ref, msgURL(&reviewtypes.MsgFileIRP{}))
	if len(c.Panel) > 0 {
		// the draw runs in the EndBlock of the last seed block; its time is
		// recorded since drawn_time exists (zero for cases drawn before:
		// the time of block seed_height)
		detail := fmt.Sprintf("panel of IRP %d: %s, drawn with seed %s of blocks %v", c.Id,
			strings.Join(c.Panel, ", "), c.Seed, c.SeedHeights)
		if len(c.DrawnPanelists) > 0 {
			detail += fmt.Sprintf(" (the draw picked %s from %d eligible panelists)", strings.Join(c.DrawnPanelists, ", "), len(c.DrawPool))
		}
		s.add(reviewModule, types.StepIRPPanel, c.SeedHeight, c.DrawnTime, "", detail, ref, "")
	}
	declarations := collections.NewPrefixedPairRange[uint64, sdk.AccAddress](c.Id)
	if err := k.review.Declarations.Walk(ctx, declarations, func(_ collections.Pair[uint64, sdk.AccAddress], d reviewtypes.PanelDeclaration) (bool, error) {
		s.add(reviewModule, types.StepIRPPanelistDeclaration, d.Height, d.Time, d.Panelist,
			fmt.Sprintf("panelist declared %s on IRP %d", strings.TrimPrefix(d.Outcome.String(), "OUTCOME_"), c.Id),
			ref, msgURL(&reviewtypes.MsgDeclare{}))
		return false, nil
	}); err != nil {
		return err
	}
	if c.DeclaredHeight > 0 {
		s.add(reviewModule, types.StepIRPDeclared, c.DeclaredHeight, c.DeclaredTime, "",
			fmt.Sprintf("IRP %d declared: %s", c.Id, strings.TrimPrefix(c.Outcome.String(), "OUTCOME_")), ref, "")
	}
	return nil
}
