package keeper

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/internal/invariantutil"
	"github.com/polity-chain/polity/x/community/types"
)

// BoardInvariant checks the Board against its rules: every community has
// exactly the seats of its allocation; a held seat has a member holder with a
// director record that counts the term (term limits), one seat per person
// (and the seat_holders index agrees), a term that ends after it starts and
// one seat_expiry entry at its end; voting directors have a region (unless
// their seat is outside the regional cap); an ex-officio seat is appointed
// by the Board ("board", no community allocation) and only it is;
// region_counts (seats counting toward regions) and voting_seats equal the
// seats;
// a full Board has a voting director from every region; the chair holds a
// voting seat.
//
//nolint:staticcheck // sdk.Invariant is the invariant shape
func BoardInvariant(k *Keeper) sdk.Invariant {
	return invariantutil.New(types.ModuleName, "board-seats", func(ctx sdk.Context) ([]string, error) {
		seats, err := collutil.Values(ctx, k.Seats.Iterate)
		if err != nil {
			return nil, err
		}
		var problems []string
		report := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
		allocated := map[string][2]uint32{}
		regions := map[int32]uint32{}
		expiry := map[uint64]int64{}
		holders := map[string]uint64{}
		voting, vacant := uint32(0), 0
		for _, s := range seats {
			if s.Retired {
				if s.Holder != "" {
					report("seat %d is retired but held by %s", s.Id, s.Holder)
				}
				continue
			}
			if err := types.ValidateSeatShape(s); err != nil {
				report("%v", err)
			}
			n := allocated[s.AppointingCommunity]
			if s.Voting {
				n[0]++
				voting++
			} else {
				n[1]++
			}
			allocated[s.AppointingCommunity] = n
			if s.Holder == "" {
				if s.Voting {
					vacant++
				}
				continue
			}
			if other, dup := holders[s.Holder]; dup {
				report("%s holds seats %d and %d", s.Holder, other, s.Id)
			}
			holders[s.Holder] = s.Id
			expiry[s.Id] = s.TermEnd.Unix()
			if !s.TermEnd.After(s.TermStart) {
				report("seat %d: term ends %s, not after its start %s", s.Id, s.TermEnd, s.TermStart)
			}
			region, err := k.checkHolder(ctx, s, report)
			if err != nil {
				return nil, err
			}
			if s.CountsTowardRegions() {
				regions[int32(region)]++
			}
		}
		if err := k.checkAllocations(ctx, allocated, report); err != nil {
			return nil, err
		}
		if err := k.checkBoardCounters(ctx, voting, vacant, regions, holders, report); err != nil {
			return nil, err
		}
		queue, err := invariantutil.Queue(ctx, "seat_expiry", k.SeatExpiry, expiry)
		return append(problems, queue...), err
	})
}

// checkHolder checks one held seat's holder and returns the holder's region.
func (k *Keeper) checkHolder(ctx sdk.Context, s types.BoardSeat, report func(string, ...any)) (types.Region, error) {
	addr, err := k.addressCodec.StringToBytes(s.Holder)
	if err != nil {
		report("seat %d: holder %q: %v", s.Id, s.Holder, err)
		return types.RegionUnspecified, nil
	}
	if err := k.checkTermRecord(ctx, s, addr, report); err != nil {
		return 0, err
	}
	if id, err := k.SeatHolders.Get(ctx, addr); collutil.NotFoundOK(err) != nil {
		return 0, err
	} else if err != nil || id != s.Id {
		report("seat %d: seat_holders[%s] is %d", s.Id, s.Holder, id)
	}
	m, err := k.Members.Get(ctx, addr)
	if err := collutil.NotFoundOK(err); err != nil {
		return 0, err
	}
	if s.CountsTowardRegions() && m.Region == types.RegionUnspecified {
		report("seat %d: voting director %s has no region", s.Id, s.Holder)
	}
	return m.Region, nil
}

// checkTermRecord checks the sitting director's service record, which the term
// limit is applied from: it exists, counts the current term (1 <= consecutive
// terms <= total terms) and ends no earlier than the seat's term. The limit
// itself is checked at appointment, against the rules of that time, so a later
// change of max_consecutive_terms does not make a sitting director invalid.
func (k *Keeper) checkTermRecord(ctx sdk.Context, s types.BoardSeat, addr sdk.AccAddress, report func(string, ...any)) error {
	record, err := k.Directors.Get(ctx, addr)
	if collutil.NotFoundOK(err) != nil {
		return err
	}
	if err != nil {
		report("seat %d: holder %s has no director record", s.Id, s.Holder)
		return nil
	}
	if record.ConsecutiveTerms < 1 || record.ConsecutiveTerms > record.TotalTerms {
		report("seat %d: director %s has %d consecutive of %d total terms", s.Id, s.Holder, record.ConsecutiveTerms, record.TotalTerms)
	}
	if record.LastTermEnd.Before(s.TermEnd) {
		report("seat %d: director %s's record ends %s, before the seat's term end %s", s.Id, s.Holder, record.LastTermEnd, s.TermEnd)
	}
	return nil
}

// checkAllocations compares the seats found per community with each
// community's allocation.
func (k *Keeper) checkAllocations(ctx sdk.Context, allocated map[string][2]uint32, report func(string, ...any)) error {
	communities, err := collutil.Values(ctx, k.Communities.Iterate)
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, c := range communities {
		known[c.Id] = true
		n := allocated[c.Id]
		if n[0] != c.Seats.VotingBoardSeats || n[1] != c.Seats.LiaisonBoardSeats {
			report("community %s: %d voting and %d liaison seats, allocation %d and %d",
				c.Id, n[0], n[1], c.Seats.VotingBoardSeats, c.Seats.LiaisonBoardSeats)
		}
	}
	for _, id := range invariantutil.SortedKeys(allocated) {
		if !known[id] && id != types.BoardBodyID { // ex-officio seats: no allocation
			report("seats appointed by missing community %s", id)
		}
	}
	return nil
}

// checkBoardCounters compares the counters kept as seats change with the
// seats, and checks regional coverage and the chair.
func (k *Keeper) checkBoardCounters(ctx sdk.Context, voting uint32, vacant int, regions map[int32]uint32,
	holders map[string]uint64, report func(string, ...any),
) error {
	stored, err := k.VotingSeats.Get(ctx)
	if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	if stored != voting {
		report("voting_seats is %d, %d voting seats not retired", stored, voting)
	}
	for _, r := range types.AllRegions() {
		n, err := k.regionCount(ctx, r)
		if err != nil {
			return err
		}
		if n != regions[int32(r)] {
			report("region_counts[%s] is %d, %d voting directors", r, n, regions[int32(r)])
		}
	}
	if err := types.CheckRegionalCoverage(voting > 0 && vacant == 0, func(r types.Region) uint32 { return regions[int32(r)] }); err != nil {
		report("%v", err)
	}
	chair, err := k.BoardChair.Get(ctx)
	if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	if chair != "" {
		if _, ok := holders[chair]; !ok {
			report("board chair %s holds no seat", chair)
		}
	}
	return nil
}
