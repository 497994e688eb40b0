package file

import (
	etypes "github.com/polity-chain/polity/x/empowered/types"
)

// Checks on the whole constitution that no single part shows: a file can be
// well formed piece by piece and still switch off a check of the others.

// checkIndependence refuses officers who hold a Board seat: the ombudsman
// and the IRP panelists review the Board's own actions, so a director among
// them would judge their own case.
func (c *compiler) checkIndependence() {
	seats := map[string]int{}
	for i, s := range c.f.Board.Seats {
		if _, member := c.members[s.Holder]; member { // only seated holders (buildBoard)
			if _, dup := seats[s.Holder]; !dup {
				seats[s.Holder] = i
			}
		}
	}
	if o := c.f.Officers.Ombudsman; o != "" {
		if i, ok := seats[o]; ok {
			c.ps.add("officers.ombudsman", "%q holds board.seats[%d]: the ombudsman must be independent of the Board", o, i)
		}
	}
	for j, p := range c.f.Officers.Panelists {
		if i, ok := seats[p.Key]; ok {
			c.ps.add(at("officers.panelists", j, "key"), "%q holds board.seats[%d]: IRP panelists must be independent of the Board", p.Key, i)
		}
	}
}

// checkEmpoweredReach refuses a power whose support threshold exceeds the
// decisional participants: the Empowered Community could never use it, and
// for an approval power (a fundamental bylaw change, a panelist's
// confirmation) the Board could never act either.
func (c *compiler) checkEmpoweredReach() {
	participants := uint32(0)
	for _, fc := range c.f.Communities {
		if fc.DecisionalParticipant {
			participants++
		}
	}
	for i, r := range c.res.Empowered.Params.Rules {
		if r.MinSupport <= participants {
			continue
		}
		why := "the Empowered Community could never use it"
		if etypes.IsApproval(r.Power) {
			why = "the approval could never be given"
		}
		c.ps.add(at("params.empowered.rules", i, "min_support"), "%s needs %d decisional participants in support, the file has %d: %s",
			r.Power, r.MinSupport, participants, why)
	}
}

// checkBootstrap refuses bootstrap mode with more than one validator: it
// suspends the 1/3 power cap so that a one-node trial chain can start, and
// on a network of several validators it would let one community hold the
// power to halt or capture the chain. (A running network that lost
// validators switches it on through `polityd genesis recover`, which says
// so, not through a constitution.)
func (c *compiler) checkBootstrap() {
	n := len(c.f.Validators)
	if n <= 1 {
		return
	}
	path := ""
	switch {
	case c.f.Bootstrap:
		path = "bootstrap"
	case c.f.Params.Community["bootstrap"] == true:
		path = "params.community.bootstrap"
	default:
		return
	}
	c.ps.add(path, "bootstrap mode (no 1/3 power cap) is for a one-node trial chain, and the file lists %d validators: set bootstrap: false", n)
}
