package keeper

import (
	"context"
	"sort"
	"time"

	"github.com/polity-chain/polity/x/history/types"
	proposalstypes "github.com/polity-chain/polity/x/proposals/types"
)

// story collects entries; sorted once all modules have added theirs.
type story struct{ entries []types.HistoryEntry }

func (s *story) add(module, step string, height int64, t time.Time, actor, detail, ref, msg string) {
	s.entries = append(s.entries, types.HistoryEntry{
		Height: height, Time: t.UTC(), Module: module, Step: step, Actor: actor, Detail: detail, Ref: ref, MsgType: msg,
	})
}

// History gathers proposal p's story from the three modules and orders it by
// height, then by the procedure's order of steps within a block, then by the
// order each module keeps its records in (ids, addresses).
func (k *Keeper) History(ctx context.Context, p proposalstypes.Proposal) ([]types.HistoryEntry, error) {
	s := &story{}
	for _, gather := range []func(context.Context, proposalstypes.Proposal, *story) error{
		k.proposalSteps, k.empoweredSteps, k.reviewSteps,
	} {
		if err := gather(ctx, p, s); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(s.entries, func(i, j int) bool {
		a, b := s.entries[i], s.entries[j]
		if a.Height != b.Height {
			return a.Height < b.Height
		}
		return types.StepRank(a.Step) < types.StepRank(b.Step)
	})
	return s.entries, nil
}
