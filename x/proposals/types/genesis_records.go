package types

import (
	"fmt"

	"cosmossdk.io/core/address"

	"github.com/polity-chain/polity/internal/addrutil"
)

// validateReleasedHolds checks the released holds' record: each on a known
// proposal, numbered 1, 2, … per proposal in order, released no earlier
// than placed.
func (gs GenesisState) validateReleasedHolds(ac address.Codec, proposals map[uint64]Proposal) error {
	last := map[uint64]uint64{}
	for _, r := range gs.ReleasedHolds {
		if _, ok := proposals[r.ProposalId]; !ok {
			return fmt.Errorf("released hold %d: proposal %d not found", r.Sequence, r.ProposalId)
		}
		if r.Sequence != last[r.ProposalId]+1 {
			return fmt.Errorf("released hold %d on proposal %d: want sequence %d (numbered from 1, in order)",
				r.Sequence, r.ProposalId, last[r.ProposalId]+1)
		}
		last[r.ProposalId] = r.Sequence
		if err := ValidateHoldSource(r.Source); err != nil {
			return fmt.Errorf("released hold %d on proposal %d: %w", r.Sequence, r.ProposalId, err)
		}
		if _, err := addrutil.Parse(ac, r.Holder); err != nil {
			return fmt.Errorf("released hold %d on proposal %d: holder: %w", r.Sequence, r.ProposalId, err)
		}
		if r.ReleasedHeight < r.Height || r.ReleasedTime.Before(r.Time) {
			return fmt.Errorf("released hold %d on proposal %d: released before it was placed", r.Sequence, r.ProposalId)
		}
	}
	return nil
}

// validateDocumentTexts checks that each text belongs to a known proposal,
// once, and is the text its document's hash anchors.
func (gs GenesisState) validateDocumentTexts(proposals map[uint64]Proposal) error {
	seen := map[uint64]bool{}
	for _, t := range gs.DocumentTexts {
		p, ok := proposals[t.ProposalId]
		if !ok {
			return fmt.Errorf("document text of proposal %d: proposal not found", t.ProposalId)
		}
		if seen[t.ProposalId] || t.Text == "" {
			return fmt.Errorf("document text of proposal %d: listed twice or empty", t.ProposalId)
		}
		seen[t.ProposalId] = true
		if err := ValidateDocumentText(t.Text, p.Document); err != nil {
			return fmt.Errorf("document text of proposal %d: %w", t.ProposalId, err)
		}
	}
	return nil
}
