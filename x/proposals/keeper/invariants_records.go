package keeper

import (
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/invariantutil"
	"github.com/polity-chain/polity/x/proposals/types"
)

// RecordsInvariant checks the kept records genesis validation also checks:
// released holds are numbered 1, 2, … per existing proposal, under their own
// key, released no earlier than placed; each document text belongs to an
// existing proposal and hashes to its document, as each registered version's
// text hashes to its version's document.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func RecordsInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "records", func(ctx sdk.Context) ([]string, error) {
		var problems []string
		last := map[uint64]uint64{}
		if err := k.ReleasedHolds.Walk(ctx, nil, func(key collections.Pair[uint64, uint64], r types.ReleasedHold) (bool, error) {
			id, seq := key.K1(), key.K2()
			has, err := k.Proposals.Has(ctx, id)
			if err != nil {
				return true, err
			}
			switch {
			case !has:
				problems = append(problems, fmt.Sprintf("released hold %d on missing proposal %d", seq, id))
			case r.ProposalId != id || r.Sequence != seq || seq != last[id]+1:
				problems = append(problems, fmt.Sprintf("released hold (%d, %d) records (%d, %d) after sequence %d", id, seq, r.ProposalId, r.Sequence, last[id]))
			case r.ReleasedHeight < r.Height:
				problems = append(problems, fmt.Sprintf("released hold %d on proposal %d: released at %d before placed at %d", seq, id, r.ReleasedHeight, r.Height))
			}
			last[id] = seq
			return false, nil
		}); err != nil {
			return nil, err
		}
		if err := k.DocumentTexts.Walk(ctx, nil, func(id uint64, text string) (bool, error) {
			p, err := k.Proposals.Get(ctx, id)
			if err != nil {
				problems = append(problems, fmt.Sprintf("document text of missing proposal %d", id))
				return false, nil
			}
			if err := types.ValidateDocumentText(text, p.Document); err != nil || text == "" {
				problems = append(problems, fmt.Sprintf("document text of proposal %d: %v (empty: %t)", id, err, text == ""))
			}
			return false, nil
		}); err != nil {
			return nil, err
		}
		if err := k.Documents.Walk(ctx, nil, func(key collections.Pair[DocKey, uint64], d types.DocumentVersion) (bool, error) {
			if err := types.ValidateDocumentText(d.Text, d.Document); err != nil {
				problems = append(problems, fmt.Sprintf("document %s/%s v%d: %v", d.Kind, d.Scope, key.K2(), err))
			}
			return false, nil
		}); err != nil {
			return nil, err
		}
		return problems, nil
	})
}
