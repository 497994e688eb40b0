package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/address"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"

	"github.com/polity-chain/polity/app/constitution"
	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// codecs returns the account and consensus address codecs of the chain.
func codecs() (address.Codec, address.Codec) {
	keepertest.SetAddressConfig()
	return addresscodec.NewBech32Codec("polity"), addresscodec.NewBech32Codec("polityvalcons")
}

// withMotion adds an open motion of "dev" with one yes vote to a genesis.
func withMotion(gs *types.GenesisState) {
	proposer := keepertest.Addr("dev-chair").String()
	gs.Motions = append(gs.Motions, types.Motion{
		Id: 1, BodyId: "dev", Proposer: proposer, Title: "t", Status: types.MotionStatusVoting,
		Rule: constitution.CommunityRule(time.Hour), EligibleWeight: 2, Tally: types.Tally{Yes: 1},
		SubmitHeight: 1, SubmitTime: keepertest.GenesisTime, VotingEndTime: keepertest.GenesisTime.Add(time.Hour),
	})
	gs.Votes = append(gs.Votes, types.Vote{MotionId: 1, Voter: proposer, Option: types.OptionYes, Weight: 1})
	gs.NextMotionId = 2
}

// indexOf finds a record by a predicate, failing the test if it is absent.
func indexOf[T any](t *testing.T, list []T, match func(T) bool) int {
	t.Helper()
	for i, v := range list {
		if match(v) {
			return i
		}
	}
	require.FailNow(t, "record not found")
	return -1
}

func community(t *testing.T, gs *types.GenesisState, id string) *types.Community {
	return &gs.Communities[indexOf(t, gs.Communities, func(c types.Community) bool { return c.Id == id })]
}

func membership(t *testing.T, gs *types.GenesisState, id, who string) *types.Membership {
	a := keepertest.Addr(who).String()
	return &gs.Memberships[indexOf(t, gs.Memberships, func(m types.Membership) bool { return m.CommunityId == id && m.Address == a })]
}

func seatOf(t *testing.T, gs *types.GenesisState, who string) *types.BoardSeat {
	a := keepertest.Addr(who).String()
	return &gs.Seats[indexOf(t, gs.Seats, func(s types.BoardSeat) bool { return s.Holder == a })]
}

func member(t *testing.T, gs *types.GenesisState, who string) *types.Member {
	a := keepertest.Addr(who).String()
	return &gs.Members[indexOf(t, gs.Members, func(m types.Member) bool { return m.Address == a })]
}

// TestGenesisValidateAccepts checks the default genesis and the default
// constitution, with and without a motion, in both cap modes.
func TestGenesisValidateAccepts(t *testing.T) {
	ac, cc := codecs()
	require.NoError(t, types.DefaultGenesis().Validate(ac, cc))
	for _, bootstrap := range []bool{false, true} {
		gs := keepertest.Constitution(t, bootstrap)
		require.NoError(t, gs.Validate(ac, cc))
		withMotion(gs)
		require.NoError(t, gs.Validate(ac, cc))
	}
}

// TestGenesisKeepsRecordsUnderLoweredLimits checks that lowering a limit by
// governance binds new input only: records made under the old limits (long
// names, many communities, a region over the new cap, a third consecutive
// term, a high power) still validate, so the chain's own export stays valid.
func TestGenesisKeepsRecordsUnderLoweredLimits(t *testing.T) {
	ac, cc := codecs()
	gs := keepertest.Constitution(t, false)
	gs.Params.MaxNameLength = 5
	gs.Params.MaxCommunities = 3
	gs.Params.MaxValidatorPower = 1
	gs.Params.Board.MaxVotingDirectorsPerRegion = 1
	gs.Params.Board.MaxConsecutiveTerms = 1
	gs.Directors[0].ConsecutiveTerms, gs.Directors[0].TotalTerms = 3, 3
	require.NoError(t, gs.Validate(ac, cc))
}

// TestGenesisValidateRejects checks that Validate rejects everything
// InitGenesis would, each with ErrInvalidGenesis (or the params error).
func TestGenesisValidateRejects(t *testing.T) {
	ac, cc := codecs()
	secp, err := codectypes.NewAnyWithValue(secp256k1.GenPrivKeyFromSecret([]byte("s")).PubKey())
	require.NoError(t, err)
	tests := []struct {
		name   string
		edit   func(*types.GenesisState)
		reason string
	}{
		{"invalid params", func(gs *types.GenesisState) { gs.Params.MaxNameLength = 0 }, "max_name_length"},
		{"duplicate community", func(gs *types.GenesisState) { gs.Communities = append(gs.Communities, gs.Communities[0]) }, "listed twice"},
		{"reserved community id", func(gs *types.GenesisState) { community(t, gs, "dev").Id = "board" }, "reserved"},
		{"dangling parent", func(gs *types.GenesisState) { community(t, gs, "dev").ParentId = "nowhere" }, "parent nowhere not found"},
		{"parent cycle", func(gs *types.GenesisState) {
			community(t, gs, "dev").ParentId = "ops"
			community(t, gs, "ops").ParentId = "dev"
		}, "cycle"},
		{"self parent", func(gs *types.GenesisState) { community(t, gs, "dev").ParentId = "dev" }, "cycle"},
		{"bad community address", func(gs *types.GenesisState) { community(t, gs, "dev").Address = types.BodyAddress("ops").String() }, "not its body address"},
		{"bad body address", func(gs *types.GenesisState) { gs.Bodies[1].Address = types.BodyAddress("other").String() }, "not derived"},
		{"missing board body", func(gs *types.GenesisState) { gs.Bodies = gs.Bodies[1:] }, "board body is missing"},
		{"community without body", func(gs *types.GenesisState) { gs.Bodies = gs.Bodies[:len(gs.Bodies)-1] }, "has no body"},
		{"body without community", func(gs *types.GenesisState) {
			gs.Bodies = append(gs.Bodies, types.Body{Id: "ghost", Kind: types.BodyKindCommunity, Address: types.BodyAddress("ghost").String(), Rule: gs.Bodies[0].Rule})
		}, "no community"},
		{"house not a sub-community", func(gs *types.GenesisState) {
			gs.Bodies[1].Rule.Houses = []types.HouseRule{{CommunityId: "ops", Threshold: "0.5"}}
		}, "not one of its sub-communities"},
		{"bad rule", func(gs *types.GenesisState) { gs.Bodies[1].Rule.VotingPeriod = 0 }, "voting period"},
		{"membership in unknown community", func(gs *types.GenesisState) { membership(t, gs, "dev", "dev-chair").CommunityId = "nowhere" }, "community nowhere not found"},
		{"membership without member", func(gs *types.GenesisState) {
			membership(t, gs, "dev", "dev-chair").Address = keepertest.Addr("ghost").String()
		}, "no member record"},
		{"duplicate membership", func(gs *types.GenesisState) { gs.Memberships = append(gs.Memberships, gs.Memberships[0]) }, "listed twice"},
		{"unsorted roles", func(gs *types.GenesisState) {
			membership(t, gs, "dev", "dev-chair").Roles = []types.Role{types.RoleChair, types.RoleMember}
		}, "roles must be sorted"},
		{"zero weight", func(gs *types.GenesisState) { membership(t, gs, "dev", "dev-chair").Weight = 0 }, "weight"},
		{"two chairs", func(gs *types.GenesisState) {
			membership(t, gs, "dev", "dev-member").Roles = []types.Role{types.RoleMember, types.RoleChair, types.RoleNomComDelegate}
		}, "two chairs"},
		{"too many NomCom delegates", func(gs *types.GenesisState) {
			membership(t, gs, "dev", "dev-chair").Roles = []types.Role{types.RoleMember, types.RoleChair, types.RoleNomComDelegate}
		}, "NomCom delegates"},
		{"person representing two communities", func(gs *types.GenesisState) {
			membership(t, gs, "nomcom", "dev-member").Roles = []types.Role{types.RoleMember, types.RoleRepresentative}
		}, "represents both"},
		{"member with bad address", func(gs *types.GenesisState) { gs.Members[0].Address = "nope" }, "member nope"},
		{"duplicate member", func(gs *types.GenesisState) { gs.Members = append(gs.Members, gs.Members[0]) }, "listed twice"},
		{"member with unknown region", func(gs *types.GenesisState) { gs.Members[0].Region = types.Region(17) }, "region"},
		{"member attributes not sorted", func(gs *types.GenesisState) {
			gs.Members[0].Attributes = []types.MemberAttribute{{Key: "country", Value: "KE"}, {Key: "affiliation", Value: "x"}}
		}, "attributes must be sorted by key"},
		{"member attribute with a bad key", func(gs *types.GenesisState) {
			gs.Members[0].Attributes = []types.MemberAttribute{{Key: "Country", Value: "KE"}}
		}, `key "Country"`},
		{"seat count not matching allocation", func(gs *types.GenesisState) { community(t, gs, "dev").Seats.VotingBoardSeats = 2 }, "do not match its allocation"},
		{"seat id not below next", func(gs *types.GenesisState) { gs.NextSeatId = 5 }, "next_seat_id"},
		{"seat of unknown community", func(gs *types.GenesisState) { gs.Seats[0].AppointingCommunity = "nowhere" }, "community nowhere not found"},
		{"two seats held by one person", func(gs *types.GenesisState) {
			seatOf(t, gs, "director-ops").Holder = keepertest.Addr("director-dev").String()
		}, "already holds another seat"},
		{"retired seat held", func(gs *types.GenesisState) { seatOf(t, gs, "director-dev").Retired = true }, "retired but held"},
		{"term ends before it starts", func(gs *types.GenesisState) {
			s := seatOf(t, gs, "director-dev")
			s.TermEnd = s.TermStart
		}, "term must end after it starts"},
		{"voting director without region", func(gs *types.GenesisState) { member(t, gs, "director-dev").Region = types.RegionUnspecified }, "no region"},
		{"full board missing a region", func(gs *types.GenesisState) { member(t, gs, "director-nomcom-1").Region = types.RegionEurope }, "REGION_AFRICA"},
		{"holder without director record", func(gs *types.GenesisState) { gs.Directors = gs.Directors[1:] }, "no director record"},
		{"director consecutive terms above total", func(gs *types.GenesisState) { gs.Directors[0].ConsecutiveTerms = 2 }, "term counts"},
		{"power cap broken without bootstrap", func(gs *types.GenesisState) { gs.Validators[0].Power = 30 }, "1/3"},
		{"power above allocation", func(gs *types.GenesisState) { gs.Validators[0].Power = 12 }, "allocated share"},
		{"validator of unknown community", func(gs *types.GenesisState) { gs.Validators[0].CommunityId = "nowhere" }, "community nowhere not found"},
		{"validator with bad operator", func(gs *types.GenesisState) { gs.Validators[0].Operator = "nope" }, "operator"},
		{"validator without pubkey", func(gs *types.GenesisState) { gs.Validators[0].ConsensusPubkey = nil }, "missing"},
		{"validator with secp256k1 pubkey", func(gs *types.GenesisState) { gs.Validators[0].ConsensusPubkey = secp }, "want ed25519"},
		{"consensus address mismatch", func(gs *types.GenesisState) { gs.Validators[0].ConsensusAddress = gs.Validators[1].ConsensusAddress }, "does not match its key"},
		{"duplicate validator", func(gs *types.GenesisState) {
			gs.Validators = append(gs.Validators, gs.Validators[0])
			gs.Validators[len(gs.Validators)-1].Status = types.ValidatorRemoved
			gs.Validators[len(gs.Validators)-1].Power = 0
		}, "listed twice"},
		{"removed validator with power", func(gs *types.GenesisState) { gs.Validators[0].Status = types.ValidatorRemoved }, "removed with power"},
		{"validator without moniker", func(gs *types.GenesisState) { gs.Validators[0].Moniker = "" }, "moniker"},
		{"validator power zero", func(gs *types.GenesisState) { gs.Validators[0].Power = 0 }, "out of"},
		{"validator with unknown status", func(gs *types.GenesisState) { gs.Validators[0].Status = types.ValidatorStatusUnspecified }, "unknown status"},
		{"motion id equal to next id", func(gs *types.GenesisState) { withMotion(gs); gs.NextMotionId = 1 }, "next_motion_id"},
		{"motion id zero", func(gs *types.GenesisState) { withMotion(gs); gs.Motions[0].Id = 0 }, "next_motion_id"},
		{"motion of unknown body", func(gs *types.GenesisState) { withMotion(gs); gs.Motions[0].BodyId = "nowhere" }, "body nowhere not found"},
		{"motion with unknown status", func(gs *types.GenesisState) { withMotion(gs); gs.Motions[0].Status = types.MotionStatus(9) }, "unknown status"},
		{"motion with bad proposer", func(gs *types.GenesisState) { withMotion(gs); gs.Motions[0].Proposer = "x" }, "proposer"},
		{"motion updated before submission", func(gs *types.GenesisState) {
			withMotion(gs)
			gs.Motions[0].SubmitHeight = 3
			gs.Motions[0].UpdatedHeight = 2
		}, "below submit_height"},
		{"director record updated before creation", func(gs *types.GenesisState) {
			gs.Directors[0].Audit.CreatedHeight, gs.Directors[0].Audit.UpdatedHeight = 3, 2
		}, "below created_height"},
		{"motion house tallies not matching rule", func(gs *types.GenesisState) {
			withMotion(gs)
			gs.Motions[0].HouseTallies = []types.HouseTally{{CommunityId: "ops"}}
		}, "one house tally per house rule"},
		{"tally not matching votes", func(gs *types.GenesisState) { withMotion(gs); gs.Motions[0].Tally = types.Tally{Yes: 2} }, "does not match its votes"},
		{"vote on unknown motion", func(gs *types.GenesisState) { withMotion(gs); gs.Votes[0].MotionId = 9 }, "motion 9 not found"},
		{"double vote", func(gs *types.GenesisState) { withMotion(gs); gs.Votes = append(gs.Votes, gs.Votes[0]) }, "voted twice"},
		{"vote with unknown option", func(gs *types.GenesisState) { withMotion(gs); gs.Votes[0].Option = types.OptionUnspecified }, "unknown option"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gs := keepertest.Constitution(t, false)
			tc.edit(gs)
			err := gs.Validate(ac, cc)
			require.Error(t, err)
			if tc.name == "invalid params" {
				require.ErrorIs(t, err, types.ErrInvalidParams)
			} else {
				require.ErrorIs(t, err, types.ErrInvalidGenesis)
			}
			require.Contains(t, err.Error(), tc.reason)
		})
	}
}

// TestGenesisBootstrapSuspendsCap checks that the bootstrap flag, and only
// it, lets one community hold the power.
func TestGenesisBootstrapSuspendsCap(t *testing.T) {
	ac, cc := codecs()
	gs := keepertest.Constitution(t, true)
	gs.Validators = gs.Validators[:1]
	require.NoError(t, gs.Validate(ac, cc))
	gs.Params.Bootstrap = false
	require.ErrorIs(t, gs.Validate(ac, cc), types.ErrInvalidGenesis)
}
