package types

import (
	"encoding/hex"
	"errors"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Genesis checks of the draw's seed blocks and of the filing deposits (see
// genesis_records.go for the rest of each record).

// checkIRPSeed checks the draw's seed blocks as announceSeed and mixSeed
// write them: draw_seed_blocks consecutive heights (or none before the
// choices close), the last one as seed_height, and a seed (32 bytes, hex)
// exactly when at least one hash is mixed in. A forming case never holds a
// complete seed: the draw runs, or drops the seed, when the last is mixed.
// Heights may be zero or negative after a zero-height export (heightutil):
// blocks the old chain did not reach in time are announced again.
func checkIRPSeed(c IRP) error {
	if c.DrawSeedBlocks > ceilingDrawSeedBlocks {
		return fmt.Errorf("draw_seed_blocks %d above %d", c.DrawSeedBlocks, ceilingDrawSeedBlocks)
	}
	n := len(c.SeedHeights)
	if n == 0 {
		if c.SeedHeight != 0 || c.Seed != "" || c.SeedBlocksMixed != 0 {
			return errors.New("a seed or seed height before the seed blocks are announced")
		}
		return nil
	}
	if n != int(c.DrawSeedBlocks) || c.SeedHeight != c.SeedHeights[n-1] {
		return fmt.Errorf("seed heights %v: want draw_seed_blocks (%d) heights ending at seed_height %d", c.SeedHeights, c.DrawSeedBlocks, c.SeedHeight)
	}
	for i := 1; i < n; i++ {
		if c.SeedHeights[i] != c.SeedHeights[i-1]+1 {
			return fmt.Errorf("seed heights %v are not consecutive", c.SeedHeights)
		}
	}
	if int(c.SeedBlocksMixed) > n {
		return fmt.Errorf("%d seed blocks mixed of %d", c.SeedBlocksMixed, n)
	}
	if c.Status == IRPPanelForming && int(c.SeedBlocksMixed) == n {
		return errors.New("a complete seed on a case still forming")
	}
	seed, err := hex.DecodeString(c.Seed)
	if err != nil || (c.SeedBlocksMixed == 0) != (c.Seed == "") || (c.Seed != "" && len(seed) != 32) {
		return fmt.Errorf("seed %q: a 32-byte hex seed exactly when a block is mixed in is required", c.Seed)
	}
	return nil
}

// checkDeposit checks a filing's deposit against its status: none paid (and
// no status), or paid and held only while it may be, kept only when the
// filing was dismissed as frivolous.
func checkDeposit(deposit sdk.Coins, status DepositStatus, mayHold, frivolous bool) error {
	if err := deposit.Validate(); err != nil {
		return fmt.Errorf("deposit: %w", err)
	}
	if _, ok := DepositStatus_name[int32(status)]; !ok {
		return fmt.Errorf("invalid deposit status %d", status)
	}
	if deposit.IsZero() != (status == DepositNone) {
		return fmt.Errorf("deposit %s with status %s", deposit, status)
	}
	if status == DepositHeld && !mayHold {
		return errors.New("a deposit still held after the filing was settled or overdue")
	}
	if status == DepositKept && !frivolous {
		return errors.New("a deposit kept without a frivolous dismissal")
	}
	return nil
}
