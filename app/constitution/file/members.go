package file

import (
	"maps"
	"slices"

	ctypes "github.com/polity-chain/polity/x/community/types"
)

// buildMembers writes the member records and memberships.
func (c *compiler) buildMembers() {
	gs := c.res.Community
	appointed := map[string]uint32{} // appointer|into|non-voting -> appointees
	for i, m := range c.f.Members {
		path := at("members", i, "")
		addr := c.key(path+".key", m.Key)
		if addr == "" {
			continue
		}
		if _, dup := c.members[m.Key]; dup {
			c.ps.add(path+".key", "%q is listed twice", m.Key)
			continue
		}
		st, ok := stakeholders.parse(m.Stakeholder)
		if !ok {
			c.ps.add(path+".stakeholder", "unknown stakeholder type %q: want one of %s", m.Stakeholder, stakeholders.choices())
		}
		var region int32
		if m.Region != "" {
			if region, ok = regions.parse(m.Region); !ok {
				c.ps.add(path+".region", "unknown region %q: want one of %s", m.Region, regions.choices())
			}
		}
		rec := ctypes.Member{Address: addr, StakeholderType: ctypes.StakeholderType(st), Region: ctypes.Region(region), ProfileUri: m.ProfileURI, Audit: c.audit,
			Attributes: c.memberAttributes(path+".attributes", m.Attributes)}
		c.members[m.Key] = rec
		gs.Members = append(gs.Members, rec)
		seen := map[string]bool{}
		for j, ms := range m.Memberships {
			mp := at(path+".memberships", j, "")
			if !c.community(mp+".community", ms.Community) {
				continue
			}
			if seen[ms.Community] {
				c.ps.add(mp+".community", "already a member of %q", ms.Community)
				continue
			}
			seen[ms.Community] = true
			var rs []ctypes.Role
			for k, r := range ms.Roles {
				v, ok := roles.parse(r)
				if !ok {
					c.ps.add(at(mp+".roles", k, ""), "unknown role %q: want one of %s", r, roles.choices())
					continue
				}
				rs = append(rs, ctypes.Role(v))
			}
			rs, err := ctypes.NormalizeRoles(rs)
			if err != nil {
				c.ps.add(mp+".roles", "%v", err)
			}
			nonVoting := ms.Voting != nil && !*ms.Voting
			weight := ms.Weight
			switch {
			case nonVoting && weight != 0:
				c.ps.add(mp+".weight", "a non-voting member has no weight: leave weight out or set voting: true")
			case weight == 0 && !nonVoting:
				weight = 1
			}
			if ms.AppointedBy != "" {
				c.checkAppointee(mp, ms, nonVoting, appointed)
			}
			gs.Memberships = append(gs.Memberships, ctypes.Membership{
				CommunityId: ms.Community, Address: addr, Roles: rs, Weight: weight, NonVoting: nonVoting, AppointedBy: ms.AppointedBy, Audit: c.audit,
			})
		}
	}
	c.checkRoles()
}

// checkAppointee checks a membership that names its appointer: the
// appointer appoints into the membership's community and has a seat of its
// kind left.
func (c *compiler) checkAppointee(mp string, ms Membership, nonVoting bool, appointed map[string]uint32) {
	path := mp + ".appointed_by"
	if ms.AppointedBy == ms.Community {
		c.ps.add(path, "a community does not appoint into itself: leave appointed_by out for the members it admits")
		return
	}
	if !c.community(path, ms.AppointedBy) {
		return
	}
	var allowance *Appointment
	for j := range c.f.Communities[c.communities[ms.AppointedBy]].Appoints {
		if a := &c.f.Communities[c.communities[ms.AppointedBy]].Appoints[j]; a.Into == ms.Community {
			allowance = a
			break
		}
	}
	if allowance == nil {
		c.ps.add(path, "community %q appoints no members into %q: add it to that community's appoints", ms.AppointedBy, ms.Community)
		return
	}
	seats, kind := allowance.Seats, "seats"
	if nonVoting {
		seats, kind = allowance.NonVotingSeats, "non_voting_seats"
	}
	key := ms.AppointedBy + "|" + ms.Community + "|" + kind
	if appointed[key]++; appointed[key] > seats {
		c.ps.add(path, "community %q appoints more members into %q than its %s (%d)", ms.AppointedBy, ms.Community, kind, seats)
	}
}

// checkRoles reports a second chair and NomCom delegates beyond a
// community's allocation, at the membership that breaks the rule.
func (c *compiler) checkRoles() {
	chairs := map[string]string{}
	delegates := map[string]uint32{}
	for i, m := range c.f.Members {
		for j, ms := range m.Memberships {
			ci, ok := c.communities[ms.Community]
			if !ok {
				continue
			}
			for _, r := range ms.Roles {
				switch v, _ := roles.parse(r); ctypes.Role(v) {
				case ctypes.RoleChair:
					if other, dup := chairs[ms.Community]; dup {
						c.ps.add(at(at("members", i, "memberships"), j, "roles"), "community %q already has a chair (%s)", ms.Community, other)
					}
					chairs[ms.Community] = m.Key
				case ctypes.RoleNomComDelegate:
					delegates[ms.Community]++
					if max := c.f.Communities[ci].NomcomDelegates; delegates[ms.Community] > max {
						c.ps.add(at(at("members", i, "memberships"), j, "roles"), "community %q designates more NomCom delegates than its nomcom_delegates (%d)", ms.Community, max)
					}
				}
			}
		}
	}
}

// chairOf is the key chairing a community ("" for none).
func (c *compiler) chairOf(community string) string {
	for _, m := range c.f.Members {
		for _, ms := range m.Memberships {
			if ms.Community != community {
				continue
			}
			for _, r := range ms.Roles {
				if v, _ := roles.parse(r); ctypes.Role(v) == ctypes.RoleChair {
					return m.Key
				}
			}
		}
	}
	return ""
}

// memberAttributes turns a member's attribute map into the sorted list the
// chain stores, reporting a bad key or value at its own path.
func (c *compiler) memberAttributes(path string, attrs map[string]string) []ctypes.MemberAttribute {
	keys := slices.Sorted(maps.Keys(attrs))
	if len(keys) > ctypes.MaxMemberAttributes {
		c.ps.add(path, "%d attributes, at most %d", len(keys), ctypes.MaxMemberAttributes)
		return nil
	}
	var out []ctypes.MemberAttribute
	for _, k := range keys {
		a := ctypes.MemberAttribute{Key: k, Value: attrs[k]}
		if _, err := ctypes.NormalizeAttributes([]ctypes.MemberAttribute{a}); err != nil {
			c.ps.add(path+"."+k, "%v", err)
			continue
		}
		out = append(out, a)
	}
	return out
}
