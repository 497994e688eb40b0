package keeper

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Stamp is a record's height and time, as one audit pair.
type Stamp struct {
	Height int64
	Time   time.Time
}

// At normalises a height and time for comparison (no location or monotonic
// reading, which a decoded timestamp lacks).
func At(height int64, t time.Time) Stamp { return Stamp{height, t.UTC().Round(0)} }

// Here is the current block's stamp.
func (f *Fixture) Here() Stamp { return At(f.Ctx.BlockHeight(), f.Now()) }

// RequireLater checks that a change ran in a later block than the creation,
// so that the creation and update stamps tell different blocks apart.
func RequireLater(t testing.TB, created, updated Stamp) {
	t.Helper()
	require.Greater(t, updated.Height, created.Height)
	require.True(t, updated.Time.After(created.Time))
}
