// Package constitution builds Polity's default constitution: the genesis of a
// local network, modelled on ICANN and on the study's stakeholder list
// (2.2.2.1). It is a small but complete institution: three supporting and four
// advisory communities, a nominating committee and a secretariat; five
// decisional participants; a seven-seat Board with three liaisons; and a named
// key for every role so that each flow can be tried at once.
package constitution

import (
	ctypes "github.com/polity-chain/polity/x/community/types"
)

// CommunitySpec describes one community of the constitution.
type CommunitySpec struct {
	ID, Name   string
	Kind       ctypes.CommunityKind
	Decisional bool
	Seats      ctypes.SeatAllocation
	// Privileged grants advice deference and the carve-out (ICANN: the GAC only).
	Privileged bool
}

// Communities are the default communities, in genesis order.
var Communities = []CommunitySpec{
	{"dev", "Developers and Engineers Supporting Community", ctypes.KindSupporting, true, seats(1, 0, 1, "0.25"), false},
	{"ops", "Node and Market Operators Supporting Community", ctypes.KindSupporting, true, seats(1, 0, 1, "0.25"), false},
	{"fin", "Financial Industry Supporting Community", ctypes.KindSupporting, true, seats(1, 0, 1, "0.25"), false},
	{"users", "Users Advisory Community (At-Large)", ctypes.KindAdvisory, true, seats(1, 0, 1, "0.25"), false},
	// the governments' community is the GAC-like one: its consensus advice has
	// deference and it is carved out of challenges to its implementation
	{"gov", "Governments and Regulators Advisory Community", ctypes.KindAdvisory, true, seats(0, 1, 0, "0.25"), true},
	{"security", "Security and Stability Advisory Community", ctypes.KindAdvisory, false, seats(0, 1, 0, "0"), false},
	{"standards", "Standards Liaison", ctypes.KindAdvisory, false, seats(0, 1, 0, "0"), false},
	{"nomcom", "Nominating Committee", ctypes.KindNominating, false, seats(3, 0, 0, "0"), false},
	{"secretariat", "Secretariat", ctypes.KindSecretariat, false, seats(0, 0, 0, "0.25"), false},
}

func seats(voting, liaison, delegates uint32, share string) ctypes.SeatAllocation {
	return ctypes.SeatAllocation{VotingBoardSeats: voting, LiaisonBoardSeats: liaison, NomcomDelegates: delegates, ValidatorPowerShare: share}
}

// Membership places a key in a community with roles.
type Membership struct {
	Community string
	Roles     []ctypes.Role
}

// Person is a named key of the constitution with what it holds.
type Person struct {
	Name        string
	Region      ctypes.Region
	Stakeholder ctypes.StakeholderType
	Memberships []Membership
	// Seat names the community whose seat the person fills ("" for none).
	Seat string
}

var (
	chair    = []ctypes.Role{ctypes.RoleChair}
	delegate = []ctypes.Role{ctypes.RoleNomComDelegate}
	member   = []ctypes.Role{ctypes.RoleMember}
)

// People are the default keys. Every community has a chair; each supporting
// community and the At-Large community designate a NomCom delegate, who also
// sits on the NomCom; the advisory chairs hold their community's Board liaison
// seat; directors are independent of the communities (they hold no
// membership) and cover all five regions, at most two from one region.
var People = []Person{
	{Name: "dev-chair", Region: ctypes.RegionEurope, Stakeholder: ctypes.StakeholderEngineer, Memberships: []Membership{{"dev", chair}}},
	{Name: "dev-member", Region: ctypes.RegionAsiaPacific, Stakeholder: ctypes.StakeholderEngineer, Memberships: []Membership{{"dev", delegate}, {"nomcom", member}}},
	{Name: "ops-chair", Region: ctypes.RegionNorthAmerica, Stakeholder: ctypes.StakeholderOperator, Memberships: []Membership{{"ops", chair}}},
	{Name: "ops-member", Region: ctypes.RegionAfrica, Stakeholder: ctypes.StakeholderOperator, Memberships: []Membership{{"ops", delegate}, {"nomcom", member}}},
	{Name: "fin-chair", Region: ctypes.RegionEurope, Stakeholder: ctypes.StakeholderFinancialInstitution, Memberships: []Membership{{"fin", chair}}},
	{Name: "fin-member", Region: ctypes.RegionLatinAmericaCaribbean, Stakeholder: ctypes.StakeholderIndustryAssociation, Memberships: []Membership{{"fin", delegate}, {"nomcom", member}}},
	{Name: "users-chair", Region: ctypes.RegionLatinAmericaCaribbean, Stakeholder: ctypes.StakeholderUser, Memberships: []Membership{{"users", chair}}},
	{Name: "users-member", Region: ctypes.RegionAfrica, Stakeholder: ctypes.StakeholderCivilSociety, Memberships: []Membership{{"users", delegate}, {"nomcom", member}}},
	{Name: "gov-chair", Region: ctypes.RegionEurope, Stakeholder: ctypes.StakeholderGovernment, Memberships: []Membership{{"gov", chair}}, Seat: "gov"},
	{Name: "gov-member", Region: ctypes.RegionAsiaPacific, Stakeholder: ctypes.StakeholderGovernment, Memberships: []Membership{{"gov", member}}},
	{Name: "security-chair", Region: ctypes.RegionNorthAmerica, Stakeholder: ctypes.StakeholderEngineer, Memberships: []Membership{{"security", chair}}, Seat: "security"},
	{Name: "standards-chair", Region: ctypes.RegionEurope, Stakeholder: ctypes.StakeholderStandardsBody, Memberships: []Membership{{"standards", chair}}, Seat: "standards"},
	{Name: "nomcom-chair", Region: ctypes.RegionNorthAmerica, Stakeholder: ctypes.StakeholderAcademia, Memberships: []Membership{{"nomcom", chair}}},
	{Name: "secretariat-chair", Region: ctypes.RegionEurope, Stakeholder: ctypes.StakeholderOperator, Memberships: []Membership{{"secretariat", chair}}},
	{Name: "director-dev", Region: ctypes.RegionEurope, Stakeholder: ctypes.StakeholderEngineer, Seat: "dev"},
	{Name: "director-ops", Region: ctypes.RegionNorthAmerica, Stakeholder: ctypes.StakeholderOperator, Seat: "ops"},
	{Name: "director-fin", Region: ctypes.RegionAsiaPacific, Stakeholder: ctypes.StakeholderFinancialInstitution, Seat: "fin"},
	{Name: "director-users", Region: ctypes.RegionLatinAmericaCaribbean, Stakeholder: ctypes.StakeholderUser, Seat: "users"},
	{Name: "director-nomcom-1", Region: ctypes.RegionAfrica, Stakeholder: ctypes.StakeholderAcademia, Seat: "nomcom"},
	{Name: "director-nomcom-2", Region: ctypes.RegionAsiaPacific, Stakeholder: ctypes.StakeholderCivilSociety, Seat: "nomcom"},
	{Name: "director-nomcom-3", Region: ctypes.RegionNorthAmerica, Stakeholder: ctypes.StakeholderIndustryAssociation, Seat: "nomcom"},
	// the standing panel of independent panelists (ICANN: at least seven) and
	// the ombudsman hold no membership; x/review gives them standing
	{Name: "panelist-1"}, {Name: "panelist-2"}, {Name: "panelist-3"}, {Name: "panelist-4"}, {Name: "panelist-5"},
	{Name: "panelist-6"}, {Name: "panelist-7"},
	{Name: "ombudsman"},
	// outsider holds no role: it can only use the open door.
	{Name: "outsider"},
}

// independent reports whether a key holds no membership or seat (panelists,
// the ombudsman, the outsider): the community constitution has no record of it.
func (p Person) independent() bool { return len(p.Memberships) == 0 && p.Seat == "" }

// KeyNames lists the names of the default keys in order.
func KeyNames() []string {
	names := make([]string, len(People))
	for i, p := range People {
		names[i] = p.Name
	}
	return names
}
