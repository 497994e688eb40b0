package file

import (
	"strings"
	"time"

	"github.com/polity-chain/polity/app/constitution"
	ctypes "github.com/polity-chain/polity/x/community/types"
)

// buildCommunities writes the communities, their bodies and the Board body.
// Seat allocations are filled in by buildBoard.
func (c *compiler) buildCommunities() {
	gs := c.res.Community
	gs.Bodies = nil
	for i, fc := range c.f.Communities {
		if err := ctypes.ValidateCommunityID(fc.ID); err != nil {
			c.ps.add(at("communities", i, "id"), "%v", err)
			continue
		}
		if j, dup := c.communities[fc.ID]; dup {
			c.ps.add(at("communities", i, "id"), "duplicate community %q: already communities[%d]", fc.ID, j)
			continue
		}
		c.communities[fc.ID] = i
	}
	for i, fc := range c.f.Communities {
		if c.communities[fc.ID] != i {
			continue
		}
		path := at("communities", i, "")
		kind, ok := kinds.parse(fc.Kind)
		if !ok {
			c.ps.add(path+".kind", "unknown kind %q: want one of %s", fc.Kind, kinds.choices())
		}
		if fc.Parent != "" {
			if c.community(path+".parent", fc.Parent) {
				c.checkCycle(i)
			}
		}
		charter := constitution.CharterDocument(fc.ID)
		if fc.Charter != nil {
			charter = ctypes.Document{Hash: fc.Charter.Hash, Uri: fc.Charter.URI}
		}
		share := fc.ValidatorPowerShare
		if share == "" {
			share = "0"
		}
		addr := ctypes.BodyAddress(fc.ID).String()
		com := ctypes.Community{
			Id: fc.ID, Name: fc.Name, Kind: ctypes.CommunityKind(kind), ParentId: fc.Parent, Charter: charter,
			DecisionalParticipant: fc.DecisionalParticipant, AdviceDeference: fc.AdviceDeference, CarveOutEligible: fc.CarveOutEligible,
			Seats:   ctypes.SeatAllocation{NomcomDelegates: fc.NomcomDelegates, ValidatorPowerShare: share},
			Address: addr, Audit: c.audit,
		}
		if ok {
			if err := ctypes.ValidateCommunityFields(com, gs.Params.Ceilings()); err != nil {
				c.ps.add(path, "%v", err)
			}
		}
		com.Appointments = c.appointments(path, fc)
		gs.Communities = append(gs.Communities, com)
		rule := c.rule(path+".rule", fc.Rule, constitution.CommunityRule(c.spec.VotingPeriod))
		for j, h := range rule.Houses {
			hp := at(path+".rule.houses", j, "community")
			if hi, ok := c.communities[h.CommunityId]; !ok {
				c.ps.add(hp, "no community %q", h.CommunityId)
			} else if c.f.Communities[hi].Parent != fc.ID {
				c.ps.add(hp, "community %q is not a sub-community of %q", h.CommunityId, fc.ID)
			}
		}
		gs.Bodies = append(gs.Bodies, ctypes.Body{Id: fc.ID, Kind: ctypes.BodyKindCommunity, Address: addr, Rule: rule, Audit: c.audit})
	}
	board := c.rule("board.rule", c.f.Board.Rule, constitution.BoardRule(c.spec.VotingPeriod))
	if len(board.Houses) > 0 {
		c.ps.add("board.rule.houses", "the Board has no houses")
	}
	gs.Bodies = append([]ctypes.Body{ctypes.NewBoardBody(board)}, gs.Bodies...)
}

// appointments reads a community's appoints list: each entry names another
// community of the file once, with seats within bounds.
func (c *compiler) appointments(path string, fc Community) []ctypes.Appointment {
	if len(fc.Appoints) > ctypes.MaxAppointments {
		c.ps.add(path+".appoints", "%d entries, at most %d", len(fc.Appoints), ctypes.MaxAppointments)
	}
	var out []ctypes.Appointment
	seen := map[string]int{}
	for j, a := range fc.Appoints {
		ap := at(path+".appoints", j, "")
		switch j0, dup := seen[a.Into]; {
		case a.Into == fc.ID:
			c.ps.add(ap+".into", "a community cannot appoint into itself: it admits its own members")
			continue
		case dup:
			c.ps.add(ap+".into", "%q is already appoints[%d]", a.Into, j0)
			continue
		case !c.community(ap+".into", a.Into):
			continue
		}
		seen[a.Into] = j
		if a.Seats+a.NonVotingSeats == 0 {
			c.ps.add(ap, "no seats: give seats, non_voting_seats or both")
		}
		if a.Seats > ctypes.MaxAppointmentSeats {
			c.ps.add(ap+".seats", "%d seats, at most %d", a.Seats, ctypes.MaxAppointmentSeats)
		}
		if a.NonVotingSeats > ctypes.MaxAppointmentSeats {
			c.ps.add(ap+".non_voting_seats", "%d seats, at most %d", a.NonVotingSeats, ctypes.MaxAppointmentSeats)
		}
		out = append(out, ctypes.Appointment{IntoCommunityId: a.Into, VotingSeats: a.Seats, NonVotingSeats: a.NonVotingSeats})
	}
	return out
}

// checkCycle reports a parent chain from communities[i] that returns to it.
func (c *compiler) checkCycle(i int) {
	start := c.f.Communities[i].ID
	chain := []string{start}
	cur := c.f.Communities[i].Parent
	for steps := 0; cur != "" && steps <= len(c.f.Communities); steps++ {
		chain = append(chain, cur)
		if cur == start {
			c.ps.add(at("communities", i, "parent"), "cycle in the community tree: %s", strings.Join(chain, " -> "))
			return
		}
		j, ok := c.communities[cur]
		if !ok {
			return
		}
		cur = c.f.Communities[j].Parent
	}
}

// rule reads a decision rule, defaults from def; problems under path.
func (c *compiler) rule(path string, r *Rule, def ctypes.DecisionRule) ctypes.DecisionRule {
	if r == nil {
		return def
	}
	out := def
	if r.Threshold != "" {
		out.Threshold = r.Threshold
	}
	if r.Quorum != "" {
		out.Quorum = r.Quorum
	}
	if r.VotingPeriod != "" {
		if d, err := ParseDuration(r.VotingPeriod); err != nil {
			c.ps.add(path+".voting_period", "%v", err)
		} else if d <= 0 || d > 365*24*time.Hour {
			c.ps.add(path+".voting_period", "must be positive and at most a year")
		} else {
			out.VotingPeriod = d
		}
	}
	if r.Basis != "" {
		b, ok := bases.parse(r.Basis)
		if !ok {
			c.ps.add(path+".basis", "unknown basis %q: want one of %s", r.Basis, bases.choices())
		}
		out.Basis = ctypes.ThresholdBasis(b)
	}
	out.AbstainCounts = r.AbstainCounts
	c.fraction(path+".threshold", out.Threshold, false)
	c.fraction(path+".quorum", out.Quorum, true)
	if len(r.Houses) > ctypes.MaxHouses {
		c.ps.add(path+".houses", "%d houses, at most %d", len(r.Houses), ctypes.MaxHouses)
	}
	houses := map[string]int{}
	for i, h := range r.Houses {
		if j, dup := houses[h.Community]; dup {
			c.ps.add(at(path+".houses", i, "community"), "community %q is already houses[%d]", h.Community, j)
		}
		houses[h.Community] = i
		c.fraction(at(path+".houses", i, "threshold"), h.Threshold, false)
		out.Houses = append(out.Houses, ctypes.HouseRule{CommunityId: h.Community, Threshold: h.Threshold})
	}
	return out
}

// fraction checks a ratio in (0, 1], or [0, 1] when zero is allowed.
func (c *compiler) fraction(path, s string, zeroOK bool) {
	d, err := ctypes.ParseFraction("ratio", s)
	if err != nil || (!zeroOK && !d.IsPositive()) {
		lo := "(0"
		if zeroOK {
			lo = "[0"
		}
		c.ps.add(path, "%q out of range %s, 1]", s, lo)
	}
}
