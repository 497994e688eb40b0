package file

import (
	ctypes "github.com/polity-chain/polity/x/community/types"
)

// buildBoard writes the seats in file order (seat ids from 1), the
// communities' seat allocations (their seats counted; ex-officio seats are
// the Board's, appointed by "board", and no community's), the directors'
// records in member order, and the chair. A seat outside the regional cap
// counts toward neither the cap nor the coverage, and its holder needs no
// region.
func (c *compiler) buildBoard() {
	gs := c.res.Community
	termEnd := c.env.GenesisTime.Add(gs.Params.Board.TermDuration)
	held := map[string]int{}
	regionCount := map[ctypes.Region]uint32{}
	voting, vacant := 0, 0
	for i, s := range c.f.Board.Seats {
		path := at("board.seats", i, "")
		id := gs.NextSeatId
		gs.NextSeatId++
		seat := ctypes.BoardSeat{
			Id: id, AppointingCommunity: s.AppointedBy, Voting: !s.Liaison, Audit: c.audit,
			ExOfficio: s.ExOfficio, OutsideRegionalCap: s.OutsideRegionalCap,
		}
		if !s.Liaison {
			voting++
		}
		if s.OutsideRegionalCap && s.Liaison {
			c.ps.add(path+".outside_regional_cap", "a liaison seat does not vote and never counts toward the regional cap")
		}
		switch {
		case s.ExOfficio:
			// the Board fills it by its own motion: no community's allocation
			seat.AppointingCommunity = ctypes.BoardBodyID
			if s.AppointedBy != "" && s.AppointedBy != ctypes.BoardBodyID {
				c.ps.add(path+".appointed_by", "%q: an ex-officio seat is filled by the Board itself; leave appointed_by empty (or %q)", s.AppointedBy, ctypes.BoardBodyID)
			}
		case s.AppointedBy == "":
			c.ps.add(path+".appointed_by", "empty: name the community that fills the seat, or set ex_officio: true")
		case s.AppointedBy == ctypes.BoardBodyID:
			c.ps.add(path+".appointed_by", "%q is the Board itself: set ex_officio: true for a seat the Board fills", s.AppointedBy)
		case c.community(path+".appointed_by", s.AppointedBy):
			alloc := &gs.Communities[c.indexOf(s.AppointedBy)].Seats
			if s.Liaison {
				alloc.LiaisonBoardSeats++
			} else {
				alloc.VotingBoardSeats++
			}
		}
		if s.Holder != "" {
			addr := c.key(path+".holder", s.Holder)
			m, isMember := c.members[s.Holder]
			switch {
			case addr == "":
			case !isMember:
				c.ps.add(path+".holder", "%q is not in members", s.Holder)
			default:
				if j, dup := held[s.Holder]; dup {
					c.ps.add(path+".holder", "%q already holds board.seats[%d]", s.Holder, j)
					break
				}
				held[s.Holder] = i
				if seat.CountsTowardRegions() {
					if m.Region == ctypes.RegionUnspecified {
						c.ps.add(path+".holder", "voting director %q has no region", s.Holder)
					}
					regionCount[m.Region]++
					if max := gs.Params.Board.MaxVotingDirectorsPerRegion; m.Region != ctypes.RegionUnspecified && regionCount[m.Region] > max {
						c.ps.add(path+".holder", "more than %d voting directors from %s (params.community.board.max_voting_directors_per_region)", max, regions.name(int32(m.Region)))
					}
				}
				seat.Holder, seat.TermStart, seat.TermEnd = addr, c.env.GenesisTime, termEnd
			}
		}
		if !s.Liaison && seat.Holder == "" {
			vacant++
		}
		gs.Seats = append(gs.Seats, seat)
	}
	if err := ctypes.CheckRegionalCoverage(voting > 0 && vacant == 0, func(r ctypes.Region) uint32 { return regionCount[r] }); err != nil {
		c.ps.add("board.seats", "%v", err)
	}
	// director records follow member order, as the Go constitution writes them
	for _, m := range c.f.Members {
		if _, ok := held[m.Key]; ok {
			gs.Directors = append(gs.Directors, ctypes.DirectorRecord{Address: c.members[m.Key].Address, ConsecutiveTerms: 1, TotalTerms: 1, LastTermEnd: termEnd, Audit: c.audit})
		}
	}
	if chair := c.f.Board.Chair; chair != "" {
		j, ok := held[chair]
		switch {
		case !ok:
			c.ps.add("board.chair", "%q holds no seat", chair)
		case c.f.Board.Seats[j].Liaison:
			c.ps.add("board.chair", "%q holds a liaison seat: the chair must be a voting director", chair)
		default:
			gs.BoardChair = c.members[chair].Address
		}
	}
}

// indexOf is the position of a community in the genesis list.
func (c *compiler) indexOf(id string) int {
	for i, com := range c.res.Community.Communities {
		if com.Id == id {
			return i
		}
	}
	return -1
}
