package file

import (
	"strings"
	"time"

	gogoproto "github.com/cosmos/gogoproto/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

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
		rule := c.rule(path+".rule", fc.Rule, constitution.CommunityRule(c.spec.VotingPeriod), fc.ID)
		gs.Bodies = append(gs.Bodies, ctypes.Body{Id: fc.ID, Kind: ctypes.BodyKindCommunity, Address: addr, Rule: rule, Audit: c.audit})
	}
	board := c.rule("board.rule", c.f.Board.Rule, constitution.BoardRule(c.spec.VotingPeriod), "")
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

// rule reads a decision rule, defaults from def; problems under path. Every
// house (in houses, any_of and the action rules) must be a direct
// sub-community of owner, the body's community ("" for the Board, which has
// no houses).
func (c *compiler) rule(path string, r *Rule, def ctypes.DecisionRule, owner string) ctypes.DecisionRule {
	if r == nil {
		return def
	}
	out := c.ruleFields(path, def, r.Threshold, r.Quorum, r.VotingPeriod, r.Basis)
	out.AbstainCounts = r.AbstainCounts
	c.fraction(path+".threshold", out.Threshold, false)
	c.fraction(path+".quorum", out.Quorum, true)
	out.Houses = c.houses(path+".houses", r.Houses, owner)
	out.AnyOf = c.alternatives(path+".any_of", r.AnyOf, owner)
	if len(r.Actions) > ctypes.MaxActionRules {
		c.ps.add(path+".actions", "%d action rules, at most %d", len(r.Actions), ctypes.MaxActionRules)
	}
	base := out
	base.Houses, base.AnyOf = nil, nil
	types := map[string]int{}
	for i, a := range r.Actions {
		ap := at(path+".actions", i, "")
		if j, dup := types[a.MsgTypeURL]; dup {
			c.ps.add(ap+".msg_type_url", "message type %q is already actions[%d]", a.MsgTypeURL, j)
		}
		types[a.MsgTypeURL] = i
		if !knownMsgType(a.MsgTypeURL) {
			c.ps.add(ap+".msg_type_url", "unknown message type %q: want a full type URL such as /polity.proposals.v1.MsgSubmitProposal", a.MsgTypeURL)
		}
		ar := c.ruleFields(ap, base, a.Threshold, a.Quorum, a.VotingPeriod, a.Basis)
		if a.AbstainCounts != nil {
			ar.AbstainCounts = *a.AbstainCounts
		}
		c.fraction(ap+".threshold", ar.Threshold, false)
		c.fraction(ap+".quorum", ar.Quorum, true)
		ar.Houses = c.houses(ap+".houses", a.Houses, owner)
		ar.AnyOf = c.alternatives(ap+".any_of", a.AnyOf, owner)
		out.Actions = append(out.Actions, ctypes.ActionRule{MsgTypeUrl: a.MsgTypeURL, Rule: ar})
	}
	if n := len(out.HouseIDs()); n > ctypes.MaxHouses {
		c.ps.add(path, "%d distinct houses across houses, any_of and actions, at most %d", n, ctypes.MaxHouses)
	}
	return out
}

// ruleFields overlays the scalar fields of a rule on def.
func (c *compiler) ruleFields(path string, def ctypes.DecisionRule, threshold, quorum, period, basis string) ctypes.DecisionRule {
	out := def
	if threshold != "" {
		out.Threshold = threshold
	}
	if quorum != "" {
		out.Quorum = quorum
	}
	if period != "" {
		if d, err := ParseDuration(period); err != nil {
			c.ps.add(path+".voting_period", "%v", err)
		} else if d <= 0 || d > 365*24*time.Hour {
			c.ps.add(path+".voting_period", "must be positive and at most a year")
		} else {
			out.VotingPeriod = d
		}
	}
	if basis != "" {
		b, ok := bases.parse(basis)
		if !ok {
			c.ps.add(path+".basis", "unknown basis %q: want one of %s", basis, bases.choices())
		}
		out.Basis = ctypes.ThresholdBasis(b)
	}
	return out
}

// alternatives reads a rule's any_of.
func (c *compiler) alternatives(path string, alts []Alternative, owner string) []ctypes.HouseCombination {
	if len(alts) > ctypes.MaxAlternatives {
		c.ps.add(path, "%d alternatives, at most %d", len(alts), ctypes.MaxAlternatives)
	}
	var out []ctypes.HouseCombination
	for i, alt := range alts {
		hp := at(path, i, "houses")
		if len(alt.Houses) == 0 {
			c.ps.add(hp, "an alternative names at least one house")
		}
		out = append(out, ctypes.HouseCombination{Houses: c.houses(hp, alt.Houses, owner)})
	}
	return out
}

// houses reads one list of house thresholds: each a distinct direct
// sub-community of owner with a threshold in (0, 1].
func (c *compiler) houses(path string, hs []House, owner string) []ctypes.HouseRule {
	if len(hs) == 0 {
		return nil
	}
	if owner == "" {
		c.ps.add(path, "the Board has no houses")
		return nil
	}
	if len(hs) > ctypes.MaxHouses {
		c.ps.add(path, "%d houses, at most %d", len(hs), ctypes.MaxHouses)
	}
	seen := map[string]int{}
	var out []ctypes.HouseRule
	for i, h := range hs {
		cp := at(path, i, "community")
		if j, dup := seen[h.Community]; dup {
			c.ps.add(cp, "community %q is already %s[%d]", h.Community, path[strings.LastIndex(path, ".")+1:], j)
		}
		seen[h.Community] = i
		if hi, ok := c.communities[h.Community]; !ok {
			c.ps.add(cp, "no community %q", h.Community)
		} else if c.f.Communities[hi].Parent != owner {
			c.ps.add(cp, "community %q is not a sub-community of %q", h.Community, owner)
		}
		c.fraction(at(path, i, "threshold"), h.Threshold, false)
		out = append(out, ctypes.HouseRule{CommunityId: h.Community, Threshold: h.Threshold})
	}
	return out
}

// knownMsgType reports whether a type URL names a registered message type
// (a proto message whose name starts with Msg).
func knownMsgType(url string) bool {
	name, ok := strings.CutPrefix(url, "/")
	if !ok || name == "" {
		return false
	}
	d, err := gogoproto.HybridResolver.FindDescriptorByName(protoreflect.FullName(name))
	if err != nil {
		return false
	}
	md, ok := d.(protoreflect.MessageDescriptor)
	return ok && strings.HasPrefix(string(md.Name()), "Msg")
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
