package types

import (
	"errors"
	"fmt"
	"slices"
)

// checkIRPDraw checks the draw's record as tryDraw writes it: nothing before
// the panel is drawn; after it, either nothing (cases drawn before the record
// existed) or a sorted pool, the picks the draw returns for that pool and
// seed, and the time of the draw. The picks fill the sides that did not
// choose, the claimant's first, then the third seat.
func checkIRPDraw(c IRP) error {
	recorded := len(c.DrawPool) > 0 || len(c.DrawnPanelists) > 0 || !c.DrawnTime.IsZero()
	if len(c.Panel) == 0 {
		if recorded {
			return errors.New("a draw record without a panel")
		}
		return nil
	}
	if !recorded {
		return nil
	}
	n := len(c.DrawnPanelists)
	if n == 0 || n > 3 || c.DrawnTime.IsZero() || !slices.IsSorted(c.DrawPool) || len(slices.Compact(slices.Clone(c.DrawPool))) != len(c.DrawPool) {
		return fmt.Errorf("draw record: %d picks from a pool of %d at %s: want 1 to 3 picks from a sorted pool without repeats, and the draw's time",
			n, len(c.DrawPool), c.DrawnTime)
	}
	want, err := DrawPanelists(c.Seed, c.DrawPool, n)
	if err != nil || !slices.Equal(want, c.DrawnPanelists) {
		return fmt.Errorf("draw record: seed %s over the pool draws %v, not the recorded %v (%v)", c.Seed, want, c.DrawnPanelists, err)
	}
	// the picks before the last filled side seats: both, in order, or one
	sides := c.DrawnPanelists[:n-1]
	seated := len(sides) == 0 || (len(sides) == 2 && slices.Equal(sides, c.Panel[:2])) ||
		(len(sides) == 1 && slices.Contains(c.Panel[:2], sides[0]))
	if c.DrawnPanelists[n-1] != c.Panel[2] || !seated {
		return fmt.Errorf("draw record: picks %v do not seat the panel %v", c.DrawnPanelists, c.Panel)
	}
	return nil
}
