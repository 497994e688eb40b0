package keeper

import (
	"context"
	"strconv"
	"strings"

	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
	"github.com/polity-chain/polity/x/review/types"
)

// checkHolds checks that x/review's records and x/proposals' holds agree
// (x/proposals' genesis is imported first): every case that holds its
// proposal and every suspension in force has its hold, and every hold placed
// by independent review belongs to such a record. A disagreement would let a
// proposal execute while a case still shows its stay, or hold it for ever.
func (k *Keeper) checkHolds(ctx context.Context, gs types.GenesisState) error {
	want := map[string]uint64{} // source -> proposal
	for _, c := range gs.Irps {
		if c.Stayed {
			want[proposalstypes.HoldSource("irp", c.Id)] = c.ProposalId
		}
	}
	for _, e := range gs.Emergencies {
		inForce := e.Status == types.EmergencyActive || e.Status == types.EmergencyRatified
		if !inForce || e.Kind != types.EmergencySuspendProposal {
			continue
		}
		pid, err := strconv.ParseUint(e.Target, 10, 64)
		if err != nil {
			return types.ErrInvalidGenesis.Wrapf("emergency %d: target %q is not a proposal id", e.Id, e.Target)
		}
		want[proposalstypes.HoldSource("emergency", e.Id)] = pid
	}
	// an open reconsideration request holds its decision if it was filed
	// before the decision took effect; on a decision still pending it must
	allowed, err := k.reconsiderationHolds(ctx, gs, want)
	if err != nil {
		return err
	}
	holds, err := k.proposals.AllHolds(ctx)
	if err != nil {
		return err
	}
	found := 0
	for _, h := range holds {
		if h.Holder != k.auth.Review {
			continue
		}
		if pid, ok := allowed[h.Source]; ok && pid == h.ProposalId {
			continue
		}
		pid, ok := want[h.Source]
		if !ok || pid != h.ProposalId {
			return types.ErrInvalidGenesis.Wrapf("hold %s on proposal %d: no case or emergency of x/review holds it", h.Source, h.ProposalId)
		}
		found++
	}
	if found != len(want) {
		var missing []string
		for _, c := range gs.Irps {
			if s := proposalstypes.HoldSource("irp", c.Id); c.Stayed && !hasHold(holds, s) {
				missing = append(missing, s)
			}
		}
		for _, e := range gs.Emergencies {
			if s := proposalstypes.HoldSource("emergency", e.Id); want[s] != 0 && !hasHold(holds, s) {
				missing = append(missing, s)
			}
		}
		for _, r := range gs.Reconsiderations {
			if s := reconsiderationSource(r.Id); want[s] != 0 && !hasHold(holds, s) {
				missing = append(missing, s)
			}
		}
		return types.ErrInvalidGenesis.Wrapf("x/proposals lacks the holds of %s", strings.Join(missing, ", "))
	}
	return nil
}

func hasHold(holds []proposalstypes.Hold, source string) bool {
	for _, h := range holds {
		if h.Source == source {
			return true
		}
	}
	return false
}

// reconsiderationHolds adds to want the holds open reconsideration requests
// must have (their decision has not taken effect) and returns those they may
// have (their decision has since closed, the hold awaiting the Board).
func (k *Keeper) reconsiderationHolds(ctx context.Context, gs types.GenesisState, want map[string]uint64) (map[string]uint64, error) {
	allowed := map[string]uint64{}
	for _, r := range gs.Reconsiderations {
		if r.Status != types.ReconsiderationFiled && r.Status != types.ReconsiderationEvaluated {
			continue
		}
		p, err := k.proposals.GetProposal(ctx, r.ProposalId)
		if err != nil {
			return nil, types.ErrInvalidGenesis.Wrapf("reconsideration %d: %v", r.Id, err)
		}
		if p.Status.Terminal() {
			allowed[reconsiderationSource(r.Id)] = r.ProposalId
		} else {
			want[reconsiderationSource(r.Id)] = r.ProposalId
		}
	}
	return allowed, nil
}
