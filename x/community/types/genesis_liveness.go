package types

import (
	"fmt"

	"cosmossdk.io/core/address"
)

// validateLiveness checks that each signing record belongs to a listed
// validator, once, with counts that can be: within its window, never fewer
// in total than in the window, and heights that agree with the counts.
func (gs GenesisState) validateLiveness(_, cc address.Codec, _ *genesisIndex) error {
	validators := map[string]bool{}
	for _, v := range gs.Validators {
		validators[v.ConsensusAddress] = true
	}
	seen := map[string]bool{}
	for _, l := range gs.Liveness {
		if _, err := cc.StringToBytes(l.ConsensusAddress); err != nil {
			return fmt.Errorf("liveness %q: %w", l.ConsensusAddress, err)
		}
		if !validators[l.ConsensusAddress] {
			return fmt.Errorf("liveness %s: no such validator", l.ConsensusAddress)
		}
		if seen[l.ConsensusAddress] {
			return fmt.Errorf("liveness %s listed twice", l.ConsensusAddress)
		}
		seen[l.ConsensusAddress] = true
		if l.MissedInWindow > gs.Params.LivenessWindow || uint64(l.MissedInWindow) > l.MissedTotal {
			return fmt.Errorf("liveness %s: %d missed in a window of %d, %d in total", l.ConsensusAddress,
				l.MissedInWindow, gs.Params.LivenessWindow, l.MissedTotal)
		}
		if (l.MissedTotal > 0) != (l.LastMissedHeight != 0) || (l.Down && l.DownSinceHeight == 0) {
			return fmt.Errorf("liveness %s: heights do not agree with the counts", l.ConsensusAddress)
		}
	}
	return nil
}

// validateMisbehaviours checks that each piece of evidence names a listed
// validator, once per evidence height, with a known type.
func (gs GenesisState) validateMisbehaviours(_, cc address.Codec, _ *genesisIndex) error {
	validators := map[string]bool{}
	for _, v := range gs.Validators {
		validators[v.ConsensusAddress] = true
	}
	seen := map[string]bool{}
	for _, m := range gs.Misbehaviours {
		if _, err := cc.StringToBytes(m.ConsensusAddress); err != nil {
			return fmt.Errorf("misbehaviour %q: %w", m.ConsensusAddress, err)
		}
		if !validators[m.ConsensusAddress] {
			return fmt.Errorf("misbehaviour of %s: no such validator", m.ConsensusAddress)
		}
		key := fmt.Sprintf("%s/%d", m.ConsensusAddress, m.EvidenceHeight)
		if seen[key] {
			return fmt.Errorf("misbehaviour of %s at height %d listed twice", m.ConsensusAddress, m.EvidenceHeight)
		}
		seen[key] = true
		if m.Type != "duplicate_vote" && m.Type != "light_client_attack" {
			return fmt.Errorf("misbehaviour of %s: unknown type %q", m.ConsensusAddress, m.Type)
		}
	}
	return nil
}
