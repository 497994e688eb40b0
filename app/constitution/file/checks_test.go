package file_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/polity-chain/polity/app/constitution/file"
)

// TestWholeFileChecks: files well formed piece by piece that would switch
// off another's check, or break arithmetic, are refused at their paths.
func TestWholeFileChecks(t *testing.T) {
	for _, tc := range []struct {
		name   string
		break_ func(f *file.File)
		want   []string
	}{
		{"ombudsman on the Board", func(f *file.File) {
			f.Officers.Ombudsman = f.Board.Seats[0].Holder
		}, []string{`officers.ombudsman: "director-dev" holds board.seats[0]: the ombudsman must be independent of the Board`}},
		{"panelist on the Board", func(f *file.File) {
			f.Officers.Panelists[1].Key = f.Board.Seats[1].Holder
		}, []string{`officers.panelists[1].key: "director-ops" holds board.seats[1]: IRP panelists must be independent of the Board`}},
		{"Empowered Community out of reach", func(f *file.File) {
			for i := 2; i < 5; i++ {
				f.Communities[i].DecisionalParticipant = false
			}
		}, []string{
			"params.empowered.rules[0].min_support: POWER_REJECT_BUDGET needs 4 decisional participants in support, the file has 2: the Empowered Community could never use it",
			"params.empowered.rules[2].min_support: POWER_APPROVE_FUNDAMENTAL_BYLAW needs 3 decisional participants in support, the file has 2: the approval could never be given",
		}},
		{"duplicate house", func(f *file.File) {
			f.Communities[0].Rule = &file.Rule{Houses: []file.House{{Community: "x", Threshold: "0.5"}, {Community: "x", Threshold: "0.5"}}}
		}, []string{`communities[0].rule.houses[1].community: community "x" is already houses[0]`}},
		{"NaN and endless durations", func(f *file.File) {
			f.Windows.Voting = "NaNd"
			f.Windows.Comment = "1e300d"
			f.Windows.EC = "1000000h"
		}, []string{`windows.voting: bad duration "NaNd"`, `windows.comment: duration "1e300d" is longer than a century`,
			`windows.ec: duration "1000000h" is longer than a century`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := example(t, "dev")
			tc.break_(f)
			_, err := file.Compile(f, envFor(f))
			require.Error(t, err)
			for _, w := range tc.want {
				require.True(t, strings.Contains(err.Error(), w), "want %q in:\n%v", w, err)
			}
		})
	}
}
