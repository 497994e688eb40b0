// Package filetest holds the broken constitution files that the file
// package's tests compile in memory and polityd's tests feed to the
// `genesis constitution` command: one table, so both refuse the same files
// with the same problems.
package filetest

import (
	"encoding/base64"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"

	"github.com/polity-chain/polity/app/constitution/file"
)

// Bad is a shipped example broken one way, and the exact problems, each at
// its path in the file, that the file is refused with.
type Bad struct {
	Name    string
	Example string // the shipped example Break is applied to
	Break   func(f *file.File)
	Want    string
}

// ConsensusKey is a deterministic base64 ed25519 consensus key per name.
func ConsensusKey(name string) string {
	return base64.StdEncoding.EncodeToString(ed25519.GenPrivKeyFromSecret([]byte(name)).PubKey().Bytes())
}

// BadFiles break the dev example. It is a function, not a variable: an
// address in a problem is written with the prefix configured when it is
// called (app.SetAddressConfig), not when the package is loaded.
func BadFiles() []Bad {
	return []Bad{
		{"unknown community", "dev", func(f *file.File) {
			f.Members[0].Memberships[0].Community = "gnso"
		}, `members[0].memberships[0].community: no community "gnso"`},
		{"seat appointed by a missing body", "dev", func(f *file.File) {
			f.Board.Seats[3].AppointedBy = "gnso"
		}, `board.seats[3].appointed_by: no community "gnso"`},
		{"cycle in the tree", "dev", func(f *file.File) {
			f.Communities[0].Parent = "ops" // dev -> ops
			f.Communities[1].Parent = "dev" // ops -> dev
		}, "communities[0].parent: cycle in the community tree: dev -> ops -> dev\ncommunities[1].parent: cycle in the community tree: ops -> dev -> ops"},
		{"threshold out of range", "dev", func(f *file.File) {
			f.Communities[2].Rule = &file.Rule{Threshold: "1.5", Quorum: "-0.1"}
		}, "communities[2].rule.threshold: \"1.5\" out of range (0, 1]\ncommunities[2].rule.quorum: \"-0.1\" out of range [0, 1]"},
		{"duplicate address", "dev", func(f *file.File) {
			f.Keys[3].Address = file.Placeholder("shared").String()
			f.Keys[5].Address = file.Placeholder("shared").String()
		}, `keys[5].address: duplicate address ` + file.Placeholder("shared").String() + `: already keys[3] (ops-member)`},
		{"power cap broken", "dev", func(f *file.File) {
			f.Bootstrap = false
			f.Validators = []file.Validator{
				{Moniker: "a", Community: "ops", ConsensusKey: ConsensusKey("a"), Power: 20},
				{Moniker: "b", Community: "dev", ConsensusKey: ConsensusKey("b"), Power: 10},
				{Moniker: "c", Community: "fin", ConsensusKey: ConsensusKey("c"), Power: 10},
			}
		}, "validators: community ops would hold 20 of 40 voting power: every community must stay below 1/3: validator power cap exceeded\n" +
			"validators: community ops with its sub-communities would hold 20 of 40 voting power: every top-level community, counted with its sub-communities, must stay below 1/3: validator power cap exceeded"},
		{"bad duration", "dev", func(f *file.File) {
			f.Windows.Voting = "3 weeks"
			f.Communities[4].Rule = &file.Rule{VotingPeriod: "10x"}
		}, "windows.voting: bad duration \"3 weeks\": want e.g. 30s, 36h, 21d\ncommunities[4].rule.voting_period: bad duration \"10x\": want e.g. 30s, 36h, 21d"},
		{"holder not a member, unknown key, unknown enum", "dev", func(f *file.File) {
			f.Board.Seats[0].Holder = "panelist-1"
			f.Officers.Ombudsman = "nobody"
			f.Members[1].Region = "mars"
		}, "members[1].region: unknown region \"mars\": want one of africa, asia_pacific, europe, latin_america_caribbean, north_america\n" +
			"board.seats[0].holder: \"panelist-1\" is not in members\nofficers.ombudsman: no key \"nobody\""},
		{"ex-officio seat appointed by a community", "dev", func(f *file.File) {
			f.Board.Seats[7].ExOfficio = true // nomcom's: no community fills an ex-officio seat
		}, `board.seats[7].appointed_by: "nomcom": an ex-officio seat is filled by the Board itself; leave appointed_by empty (or "board")`},
		{"the Board appoints without ex_officio, a seat appointed by nobody", "dev", func(f *file.File) {
			f.Board.Seats[7].AppointedBy = "board"
			f.Board.Seats[8].AppointedBy = ""
		}, "board.seats[7].appointed_by: \"board\" is the Board itself: set ex_officio: true for a seat the Board fills\n" +
			"board.seats[8].appointed_by: empty: name the community that fills the seat, or set ex_officio: true"},
		{"a liaison outside the regional cap", "dev", func(f *file.File) {
			f.Board.Seats[4].OutsideRegionalCap = true
		}, "board.seats[4].outside_regional_cap: a liaison seat does not vote and never counts toward the regional cap"},
		{"bootstrap with several validators", "dev", func(f *file.File) {
			f.Validators = []file.Validator{
				{Moniker: "a", Community: "ops", ConsensusKey: ConsensusKey("a")},
				{Moniker: "b", Community: "dev", ConsensusKey: ConsensusKey("b")},
			}
		}, "bootstrap: bootstrap mode (no 1/3 power cap) is for a one-node trial chain, and the file lists 2 validators: set bootstrap: false"},
		{"bootstrap by params with several validators", "dev", func(f *file.File) {
			f.Bootstrap = false
			f.Params.Community = map[string]any{"bootstrap": true}
			f.Validators = []file.Validator{
				{Moniker: "a", Community: "ops", ConsensusKey: ConsensusKey("a")},
				{Moniker: "b", Community: "dev", ConsensusKey: ConsensusKey("b")},
				{Moniker: "c", Community: "fin", ConsensusKey: ConsensusKey("c")},
			}
		}, "params.community.bootstrap: bootstrap mode (no 1/3 power cap) is for a one-node trial chain, and the file lists 3 validators: set bootstrap: false"},
		{"appoints into an unknown community, itself, twice, with no seats", "dev", func(f *file.File) {
			f.Communities[7].Appoints = []file.Appointment{ // nomcom
				{Into: "gnso", Seats: 1}, {Into: "nomcom", Seats: 1}, {Into: "users", Seats: 1}, {Into: "users", NonVotingSeats: 2}, {Into: "dev"},
			}
		}, "communities[7].appoints[0].into: no community \"gnso\"\n" +
			"communities[7].appoints[1].into: a community cannot appoint into itself: it admits its own members\n" +
			"communities[7].appoints[3].into: \"users\" is already appoints[2]\n" +
			"communities[7].appoints[4]: no seats: give seats, non_voting_seats or both"},
		{"appointee beyond the allowance, without one, into its own community; a non-voting member with a weight", "dev", func(f *file.File) {
			f.Communities[7].Appoints = []file.Appointment{{Into: "users", Seats: 1}}
			f.Members[0].Memberships[0].AppointedBy = "nomcom" // dev-chair in dev
			f.Members[2].Memberships[0].AppointedBy = "ops"    // ops-chair in ops
			f.Members[6].Memberships[0].AppointedBy = "nomcom" // users-chair in users: the one seat
			f.Members[7].Memberships[0].AppointedBy = "nomcom" // users-member in users: one too many
			no := false
			f.Members[12].Memberships[0].Voting = &no // nomcom-chair
			f.Members[12].Memberships[0].Weight = 2
		}, "members[0].memberships[0].appointed_by: community \"nomcom\" appoints no members into \"dev\": add it to that community's appoints\n" +
			"members[2].memberships[0].appointed_by: a community does not appoint into itself: leave appointed_by out for the members it admits\n" +
			"members[7].memberships[0].appointed_by: community \"nomcom\" appoints more members into \"users\" than its seats (1)\n" +
			"members[12].memberships[0].weight: a non-voting member has no weight: leave weight out or set voting: true"},
	}
}

// BadRules break the alternatives and action rules of the icann example's
// GNSO rule (communities[2]).
func BadRules() []Bad {
	return []Bad{
		{"alternative naming a non-child house", "icann", func(f *file.File) {
			gnso := f.Communities[2].Rule
			gnso.Actions[0].AnyOf[1].Houses[0].Community = "aso"
			gnso.AnyOf = []file.Alternative{{Houses: []file.House{{Community: "gnso-rysg", Threshold: "0.5"}}}}
		}, "communities[2].rule.any_of[0].houses[0].community: community \"gnso-rysg\" is not a sub-community of \"gnso\"\n" +
			"communities[2].rule.actions[0].any_of[1].houses[0].community: community \"aso\" is not a sub-community of \"gnso\""},
		{"alternative threshold out of range", "icann", func(f *file.File) {
			f.Communities[2].Rule.Actions[0].AnyOf[2].Houses[1].Threshold = "1.25"
			f.Communities[2].Rule.Actions[0].Threshold = "0"
		}, "communities[2].rule.actions[0].threshold: \"0\" out of range (0, 1]\n" +
			"communities[2].rule.actions[0].any_of[2].houses[1].threshold: \"1.25\" out of range (0, 1]"},
		{"unknown message type", "icann", func(f *file.File) {
			f.Communities[2].Rule.Actions = append(f.Communities[2].Rule.Actions,
				file.ActionRule{MsgTypeURL: "/polity.proposals.v1.MsgSubmitProposal"},
				file.ActionRule{MsgTypeURL: "/polity.proposals.v1.MsgSubmitPolicy"},
				file.ActionRule{MsgTypeURL: "polity.community.v1.MsgAdmitMember"})
		}, "communities[2].rule.actions[1].msg_type_url: message type \"/polity.proposals.v1.MsgSubmitProposal\" is already actions[0]\n" +
			"communities[2].rule.actions[2].msg_type_url: unknown message type \"/polity.proposals.v1.MsgSubmitPolicy\": want a full type URL such as /polity.proposals.v1.MsgSubmitProposal\n" +
			"communities[2].rule.actions[3].msg_type_url: unknown message type \"polity.community.v1.MsgAdmitMember\": want a full type URL such as /polity.proposals.v1.MsgSubmitProposal"},
		{"an alternative without houses, and houses on the Board", "icann", func(f *file.File) {
			f.Communities[2].Rule.AnyOf = []file.Alternative{{}}
			f.Board.Rule = &file.Rule{AnyOf: []file.Alternative{{Houses: []file.House{{Community: "gnso", Threshold: "0.5"}}}}}
		}, "communities[2].rule.any_of[0].houses: an alternative names at least one house\nboard.rule.any_of[0].houses: the Board has no houses"},
	}
}
