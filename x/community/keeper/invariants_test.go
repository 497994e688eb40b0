package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/polity-chain/polity/testutil/keeper"
	"github.com/polity-chain/polity/x/community/keeper"
	"github.com/polity-chain/polity/x/community/types"
)

// invariantState is the constitution with a Board motion still voting that
// has one vote.
func invariantState(t *testing.T) (*keepertest.Fixture, uint64) {
	t.Helper()
	f := keepertest.NewConstitutionFixture(t)
	f.NextBlock(0)
	id := f.MustSubmitMotion(addr("director-dev"), types.BoardBodyID)
	f.NextBlock(0)
	f.MustVote(addr("director-ops"), id, types.OptionNo)
	require.Equal(t, types.MotionStatusVoting, f.Motion(id).Status)
	return f, id
}

// TestInvariantsHoldAndBreak checks that every invariant passes on valid
// state and that each fails once the state it audits is corrupted on purpose.
func TestInvariantsHoldAndBreak(t *testing.T) {
	cases := []struct {
		route   string
		corrupt func(*keepertest.Fixture, uint64)
	}{
		{"motion-tallies", func(f *keepertest.Fixture, id uint64) {
			m := f.Motion(id)
			m.Tally.Yes += 3
			require.NoError(t, f.Keeper.MotionTallies.Set(f.Ctx, id, types.MotionTally{Tally: m.Tally, HouseTallies: m.HouseTallies}))
		}},
		{"motion-tallies", func(f *keepertest.Fixture, id uint64) {
			m := f.Motion(id) // stored whole, as before version 3
			require.NoError(t, f.Keeper.Motions.Set(f.Ctx, id, m))
		}},
		{"motion-queue", func(f *keepertest.Fixture, id uint64) {
			require.NoError(t, f.Keeper.MotionQueue.Remove(f.Ctx, joinTime(f.Motion(id).VotingEndTime, id)))
		}},
		{"motion-queue", func(f *keepertest.Fixture, id uint64) {
			require.NoError(t, f.Keeper.MotionQueue.Set(f.Ctx, joinTime(f.Now(), 99)))
		}},
		{"power-cap", func(f *keepertest.Fixture, _ uint64) {
			require.NoError(t, f.Keeper.CommunityPower.Set(f.Ctx, "dev", 1000))
		}},
		{"power-cap", func(f *keepertest.Fixture, _ uint64) {
			// every counter agrees, but one community holds half the power
			p, err := f.Keeper.CommunityPower.Get(f.Ctx, "dev")
			require.NoError(t, err)
			total, err := f.Keeper.TotalPower.Get(f.Ctx)
			require.NoError(t, err)
			vals, err := f.Keeper.Validators.Iterate(f.Ctx, nil)
			require.NoError(t, err)
			kvs, err := vals.KeyValues()
			require.NoError(t, err)
			for _, kv := range kvs {
				if kv.Value.CommunityId == "dev" {
					kv.Value.Power += total
					require.NoError(t, f.Keeper.Validators.Set(f.Ctx, kv.Key, kv.Value))
				}
			}
			require.NoError(t, f.Keeper.CommunityPower.Set(f.Ctx, "dev", p+total))
			require.NoError(t, f.Keeper.TreePower.Set(f.Ctx, "dev", p+total))
			require.NoError(t, f.Keeper.TotalPower.Set(f.Ctx, 2*total))
		}},
		{"board-seats", func(f *keepertest.Fixture, _ uint64) {
			seat, err := f.Keeper.GetSeat(f.Ctx, 1)
			require.NoError(t, err)
			seat.Holder = ""
			require.NoError(t, f.Keeper.Seats.Set(f.Ctx, seat.Id, seat))
		}},
		{"board-seats", func(f *keepertest.Fixture, _ uint64) {
			require.NoError(t, f.Keeper.VotingSeats.Set(f.Ctx, 2))
		}},
		{"board-seats", func(f *keepertest.Fixture, _ uint64) {
			// a community's seat flagged ex officio: the Board would fill it
			seat, err := f.Keeper.GetSeat(f.Ctx, 1)
			require.NoError(t, err)
			seat.ExOfficio = true
			require.NoError(t, f.Keeper.Seats.Set(f.Ctx, seat.Id, seat))
		}},
		{"board-seats", func(f *keepertest.Fixture, _ uint64) {
			// a held voting seat moved outside the cap: region_counts disagree
			seat, err := f.Keeper.GetSeat(f.Ctx, 1)
			require.NoError(t, err)
			seat.OutsideRegionalCap = true
			require.NoError(t, f.Keeper.Seats.Set(f.Ctx, seat.Id, seat))
		}},
		{"board-seats", func(f *keepertest.Fixture, _ uint64) {
			// a sitting director whose record no longer counts the term
			seat, err := f.Keeper.GetSeat(f.Ctx, 1)
			require.NoError(t, err)
			holder := sdk.MustAccAddressFromBech32(seat.Holder)
			record, err := f.Keeper.Directors.Get(f.Ctx, holder)
			require.NoError(t, err)
			record.ConsecutiveTerms = record.TotalTerms + 1
			require.NoError(t, f.Keeper.Directors.Set(f.Ctx, holder, record))
		}},
		{"board-seats", func(f *keepertest.Fixture, _ uint64) {
			seat, err := f.Keeper.GetSeat(f.Ctx, 1)
			require.NoError(t, err)
			holder := sdk.MustAccAddressFromBech32(seat.Holder)
			record, err := f.Keeper.Directors.Get(f.Ctx, holder)
			require.NoError(t, err)
			record.LastTermEnd = seat.TermStart
			require.NoError(t, f.Keeper.Directors.Set(f.Ctx, holder, record))
		}},
		{"power-cap", func(f *keepertest.Fixture, _ uint64) {
			// suspended power on record with no suspended validator
			require.NoError(t, f.Keeper.SuspendedPower.Set(f.Ctx, 5))
		}},
		{"liveness", func(f *keepertest.Fixture, _ uint64) {
			// a record for an address that is not a validator
			stranger := keepertest.ConsKey("stranger").Address()
			require.NoError(t, f.Keeper.Liveness.Set(f.Ctx, stranger, types.Liveness{ConsensusAddress: keepertest.ConsAddr("stranger"), WindowStartHeight: 1}))
		}},
		{"liveness", func(f *keepertest.Fixture, _ uint64) {
			key := keepertest.ConsKey("dev-node").Address()
			require.NoError(t, f.Keeper.Liveness.Set(f.Ctx, key, types.Liveness{ConsensusAddress: keepertest.ConsAddr("dev-node"),
				WindowStartHeight: 1, MissedInWindow: 5, MissedTotal: 2, LastMissedHeight: 1}))
		}},
		{"membership-count", func(f *keepertest.Fixture, _ uint64) {
			require.NoError(t, f.Keeper.MembershipCount.Set(f.Ctx, keepertest.Addr("dev-chair"), 7))
		}},
		{"membership-count", func(f *keepertest.Fixture, _ uint64) {
			require.NoError(t, f.Keeper.MembershipCount.Remove(f.Ctx, keepertest.Addr("dev-chair")))
		}},
		{"membership-count", func(f *keepertest.Fixture, _ uint64) {
			require.NoError(t, f.Keeper.MembershipCount.Set(f.Ctx, keepertest.Addr("outsider"), 1))
		}},
		{"electorate", func(f *keepertest.Fixture, _ uint64) {
			stats, err := f.Keeper.GetBodyStats(f.Ctx, "dev")
			require.NoError(t, err)
			stats.TotalWeight++
			require.NoError(t, f.Keeper.BodyStats.Set(f.Ctx, "dev", stats))
		}},
		{"electorate", func(f *keepertest.Fixture, _ uint64) {
			ms, err := f.Keeper.Memberships.Get(f.Ctx, collections.Join("dev", keepertest.Addr("dev-chair")))
			require.NoError(t, err)
			ms.NonVoting = true // with its weight still 1
			require.NoError(t, f.Keeper.Memberships.Set(f.Ctx, collections.Join("dev", keepertest.Addr("dev-chair")), ms))
		}},
		{"electorate", func(f *keepertest.Fixture, _ uint64) {
			require.NoError(t, f.Keeper.Appointees.Set(f.Ctx, collections.Join3("nomcom", "dev", keepertest.Addr("dev-chair"))))
		}},
		{"electorate", func(f *keepertest.Fixture, _ uint64) {
			ms, err := f.Keeper.Memberships.Get(f.Ctx, collections.Join("dev", keepertest.Addr("dev-chair")))
			require.NoError(t, err)
			ms.AppointedBy = "nomcom" // no allowance, no index entry
			require.NoError(t, f.Keeper.Memberships.Set(f.Ctx, collections.Join("dev", keepertest.Addr("dev-chair")), ms))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.route, func(t *testing.T) {
			f, id := invariantState(t)
			keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))
			tc.corrupt(f, id)
			keepertest.RequireInvariantBreaks(t, f.Ctx, keeper.InvariantRoutes(f.Keeper), tc.route)
		})
	}
}

// TestHouseTallyInvariant checks that the tally invariant covers each house's
// tally: it holds after votes in both houses and breaks when one house's
// tally drifts from its votes or a vote claims a house its motion lacks.
func TestHouseTallyInvariant(t *testing.T) {
	corruptions := map[string]func(*keepertest.Fixture, uint64){
		"house tally drifts": func(f *keepertest.Fixture, id uint64) {
			m := f.Motion(id)
			m.HouseTallies[1].Tally.No++
			require.NoError(t, f.Keeper.MotionTallies.Set(f.Ctx, id, types.MotionTally{Tally: m.Tally, HouseTallies: m.HouseTallies}))
		},
		"vote in a foreign house": func(f *keepertest.Fixture, id uint64) {
			v, err := f.Keeper.Votes.Get(f.Ctx, collections.Join(id, addr("a")))
			require.NoError(t, err)
			v.Houses = append(v.Houses, "dev")
			require.NoError(t, f.Keeper.Votes.Set(f.Ctx, collections.Join(id, addr("a")), v))
		},
	}
	for _, name := range []string{"house tally drifts", "vote in a foreign house"} {
		t.Run(name, func(t *testing.T) {
			f := newHouses(t)
			id := f.MustSubmitMotion(addr("a"), "gnso")
			f.MustVote(addr("a"), id, types.OptionYes)
			f.MustVote(addr("c"), id, types.OptionNo)
			require.Equal(t, types.Tally{No: 1}, f.Motion(id).HouseTallies[1].Tally)
			keepertest.RequireInvariantsHold(t, f.Ctx, keeper.InvariantRoutes(f.Keeper))
			corruptions[name](f, id)
			keepertest.RequireInvariantBreaks(t, f.Ctx, keeper.InvariantRoutes(f.Keeper), "motion-tallies")
		})
	}
}
