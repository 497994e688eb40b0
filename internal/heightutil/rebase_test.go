package heightutil_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/internal/heightutil"
)

type audit struct {
	CreatedHeight int64
	UpdatedHeight int64
}

type record struct {
	Id            uint64
	SubmitHeight  int64
	DecidedHeight int64
	SeedHeights   []int64
	Audit         *audit
	Votes         []vote
}

type vote struct{ Height int64 }

type stray struct{ ExpiryHeight int64 }

func TestRebaseMovesMarksAlwaysAndSentinelsUnlessZero(t *testing.T) {
	gs := struct{ Records []record }{Records: []record{
		{Id: 1, SubmitHeight: 0, DecidedHeight: 0, Audit: &audit{CreatedHeight: 0, UpdatedHeight: 0}},
		{Id: 2, SubmitHeight: 40, DecidedHeight: 90, SeedHeights: []int64{101, 102}, Audit: &audit{CreatedHeight: 40, UpdatedHeight: 90}, Votes: []vote{{Height: 0}, {Height: 55}}},
	}}
	require.NoError(t, heightutil.Rebase(&gs, 101))

	genesis := gs.Records[0]
	require.Equal(t, int64(-101), genesis.SubmitHeight, "a mark at genesis moves")
	require.Equal(t, int64(-101), genesis.Audit.CreatedHeight)
	require.Zero(t, genesis.DecidedHeight, "an unset sentinel stays unset")
	require.Zero(t, genesis.Audit.UpdatedHeight)
	require.Equal(t, uint64(1), genesis.Id, "other integers are untouched")

	later := gs.Records[1]
	require.Equal(t, int64(-61), later.SubmitHeight)
	require.Equal(t, int64(-11), later.DecidedHeight)
	require.Equal(t, []int64{0, 1}, later.SeedHeights, "a future seed block lands on the new chain")
	require.Equal(t, int64(-61), later.Audit.CreatedHeight)
	require.Equal(t, int64(-11), later.Audit.UpdatedHeight)
	require.Equal(t, []vote{{Height: -101}, {Height: -46}}, later.Votes)
	require.Less(t, genesis.Audit.CreatedHeight, later.SubmitHeight, "order is kept")
}

func TestRebaseRefusesUnknownHeightField(t *testing.T) {
	s := stray{ExpiryHeight: 5}
	require.ErrorContains(t, heightutil.Rebase(&s, 10), "ExpiryHeight is neither a mark nor a sentinel")
	require.Equal(t, int64(5), s.ExpiryHeight)
	require.Equal(t, []string{"heightutil_test.stray.ExpiryHeight"}, heightutil.CheckFields(&stray{}))
	require.Empty(t, heightutil.CheckFields(&record{}))
}

func TestRebaseNeedsPointer(t *testing.T) {
	require.Error(t, heightutil.Rebase(record{}, 1))
	var nilRecord *record
	require.Error(t, heightutil.Rebase(nilRecord, 1))
}
