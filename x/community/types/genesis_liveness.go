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
