package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/x/history/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// holdSteps adds the proposal's holds: those released (each placed, then
// released) and those in force.
func (k *Keeper) holdSteps(ctx context.Context, p proposalstypes.Proposal, s *story) error {
	var last proposalstypes.ReleasedHold
	more, err := firstUnder(ctx, k.proposals.ReleasedHolds, p.Id, MaxListedReleasedHolds, func(r proposalstypes.ReleasedHold) {
		last = r
		ref := "hold/" + r.Source
		s.add(proposalsModule, types.StepHold, r.Height, r.Time, r.Holder,
			fmt.Sprintf("held by %s (released at block %d): %s", r.Source, r.ReleasedHeight, r.Reason), ref, "")
		s.add(proposalsModule, types.StepHoldReleased, r.ReleasedHeight, r.ReleasedTime, r.Holder,
			fmt.Sprintf("hold %s released: %s", r.Source, r.ReleaseReason), ref, "")
	})
	if err != nil {
		return err
	}
	if more {
		s.add(proposalsModule, types.StepHoldReleased, last.ReleasedHeight, last.ReleasedTime, "",
			fmt.Sprintf("more released holds follow the first %d: page through /polity/proposals/v1/proposals/%d/released_holds", MaxListedReleasedHolds, p.Id),
			fmt.Sprintf("proposal/%d/released_holds", p.Id), "")
	}
	holds := collections.NewPrefixedPairRange[uint64, string](p.Id)
	return k.proposals.Holds.Walk(ctx, holds, func(_ collections.Pair[uint64, string], h proposalstypes.Hold) (bool, error) {
		s.add(proposalsModule, types.StepHold, h.Height, h.Time, h.Holder,
			fmt.Sprintf("held by %s (in force): %s", h.Source, h.Reason), "hold/"+h.Source, "")
		return false, nil
	})
}
