package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	communitytypes "github.com/polity-chain/polity/x/community/types"
	"github.com/polity-chain/polity/x/proposals/types"
)

// TestCaretakerBoard checks the caretaker rule: while at least half the
// Board's voting seats are filled every kind may be submitted; below that
// only resolutions (and technical proposals) are, and any other kind is
// refused with ErrCaretaker before anything is written.
func TestCaretakerBoard(t *testing.T) {
	f := newAccountabilityFixture(t)
	kinds := []types.ProposalKind{types.KindPolicy, types.KindBudget, types.KindStandardBylaw, types.KindFundamentalBylaw}
	submit := func(kind types.ProposalKind) error {
		_, err := f.SubmitProposal(f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", kind))
		return err
	}

	// four of seven voting seats filled: still quorate
	for _, d := range []string{"director-ops", "director-fin", "director-users"} {
		vacate(t, f, d)
	}
	require.NoError(t, submit(types.KindPolicy))

	// three of seven: a caretaker Board
	vacate(t, f, "director-nomcom-1")
	for _, kind := range kinds {
		t.Run(kind.String(), func(t *testing.T) {
			requireFailsUnchanged(t, f, f.ProposalMsg(communitytypes.BodyAddress("dev"), "dev", kind), types.ErrCaretaker)
		})
	}
	id := f.MustSubmitProposal(types.BoardOriginator, types.KindResolution, appointPanelist(f))
	require.Equal(t, types.KindResolution, f.GetProposal(id).Kind)
}
