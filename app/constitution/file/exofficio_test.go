package file_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/app/constitution/file"
	ctypes "github.com/polity-chain/polity/x/community/types"
)

// withPresident is the dev constitution with an ex-officio President seat
// outside the regional cap, held by a member without a region.
func withPresident(t *testing.T) *file.File {
	t.Helper()
	f := example(t, "dev")
	f.Keys = append(f.Keys, file.Key{Name: "president"})
	f.Members = append(f.Members, file.Member{Key: "president", Stakeholder: "operator"})
	f.Board.Seats = append(f.Board.Seats, file.Seat{ExOfficio: true, OutsideRegionalCap: true, Holder: "president", Title: "President"})
	return f
}

// TestExOfficioSeatInFile: ex_officio and outside_regional_cap reach the
// genesis seat (appointed by "board", no community's allocation), the holder
// needs no region, and --from-export (FromGenesis) writes them back.
func TestExOfficioSeatInFile(t *testing.T) {
	f := withPresident(t)
	res, err := file.Compile(f, envFor(f))
	require.NoError(t, err)
	seats := res.Community.Seats
	last := seats[len(seats)-1]
	require.Equal(t, ctypes.BoardSeat{
		Id: 11, AppointingCommunity: ctypes.BoardBodyID, Voting: true, ExOfficio: true, OutsideRegionalCap: true,
		Holder: file.Placeholder("president").String(), TermStart: last.TermStart, TermEnd: last.TermEnd, Audit: last.Audit,
	}, last)
	var voting uint32
	for _, c := range res.Community.Communities {
		voting += c.Seats.VotingBoardSeats
	}
	require.Equal(t, uint32(7), voting, "the ex-officio seat is no community's")

	// "board" may be named too
	f.Board.Seats[len(f.Board.Seats)-1].AppointedBy = "board"
	_, err = file.Compile(f, envFor(f))
	require.NoError(t, err)

	back, err := file.FromGenesis(res)
	require.NoError(t, err)
	seat := back.Board.Seats[len(back.Board.Seats)-1]
	require.Equal(t, file.Seat{ExOfficio: true, OutsideRegionalCap: true, Holder: "director-ex-officio-seat-11"}, seat)
	data, err := file.Marshal(back)
	require.NoError(t, err)
	require.Contains(t, string(data), "ex_officio: true")
	reread, err := file.Parse(data)
	require.NoError(t, err)
	second, err := file.Compile(reread, envFor(reread))
	require.NoError(t, err)
	a, err := cdc.MarshalJSON(res.Community)
	require.NoError(t, err)
	b, err := cdc.MarshalJSON(second.Community)
	require.NoError(t, err)
	require.JSONEq(t, string(a), string(b))
}

// TestExportNames: --from-export names accounts by what they hold on the
// chain (seat and appointing body, weightiest role, office), and keys found
// in the keyring keep their own names.
func TestExportNames(t *testing.T) {
	f := withPresident(t)
	res, err := file.Compile(f, envFor(f))
	require.NoError(t, err)
	back, err := file.FromGenesis(res)
	require.NoError(t, err)
	var names []string
	for _, k := range back.Keys {
		names = append(names, k.Name)
	}
	for _, want := range []string{
		"director-dev-seat-1", "director-nomcom-seat-8", "director-ex-officio-seat-11", "liaison-gov-seat-5",
		"dev-chair", "ops-chair", "panelist-1", "panelist-7", "ombudsman",
	} {
		require.Contains(t, names, want)
	}
	require.Equal(t, "director-nomcom-seat-8", back.Board.Seats[7].Holder)
	require.Equal(t, "liaison-gov-seat-5", back.Board.Seats[4].Holder)
	// stable: the same chain exports the same names
	again, err := file.FromGenesis(res)
	require.NoError(t, err)
	require.Equal(t, back.Keys, again.Keys)

	// with the keyring's names every key is named as in the original file
	known := map[string]string{}
	for _, k := range f.Keys {
		known[file.Placeholder(k.Name).String()] = k.Name
	}
	named, err := file.FromGenesisNamed(res, known)
	require.NoError(t, err)
	for _, m := range named.Members {
		require.True(t, slices.ContainsFunc(f.Members, func(o file.Member) bool { return o.Key == m.Key }), "member %s", m.Key)
	}
	require.Equal(t, "president", named.Board.Seats[10].Holder)
	require.Equal(t, f.Board.Chair, named.Board.Chair)

	// a known name is never taken by another account: one key of the
	// keyring named like a generated name pushes the generated one aside
	clash := map[string]string{file.Placeholder("nobody").String(): "director-dev-seat-1"}
	renamed, err := file.FromGenesisNamed(res, clash)
	require.NoError(t, err)
	require.Equal(t, "director-dev-seat-1-2", renamed.Board.Seats[0].Holder)
}
