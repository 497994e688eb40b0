package file

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"

	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/polity-chain/polity/app/constitution"
	ctypes "github.com/polity-chain/polity/x/community/types"
	ptypes "github.com/polity-chain/polity/x/proposals/types"
)

// FromGenesis describes a chain's state (an export) as a constitution file:
// its communities, bodies, members, Board, officers, active validators,
// every module parameter and the accounts these name, with their balances.
// Accounts become keys with their address (keys cannot be recovered from a
// chain), named by what they are on the chain (see FromGenesisNamed).
// Motions, proposals, cases and other history are not a constitution and
// are left out.
func FromGenesis(res constitution.Result) (*File, error) {
	return FromGenesisNamed(res, nil)
}

// FromGenesisNamed is FromGenesis with known key names by address (a
// keyring's): an account listed there keeps its name. Any other account is
// named by what it holds, so names are readable and stable from one export
// to the next: a Board seat by its id and appointing body
// (director-nomcom-seat-3, director-ex-officio-seat-16,
// liaison-gac-seat-17), else its weightiest role in its first community
// with that role (gnso-chair, gnso-rysg-representative, gac-liaison,
// alac-nomcom-delegate, then gnso-member), the ombudsman, panelist-N in
// panel order, <community>-operator for a validator operator. A name
// another account already has gets -2, -3.
func FromGenesisNamed(res constitution.Result, known map[string]string) (*File, error) {
	gs := res.Community
	f := &File{Bootstrap: gs.Params.Bootstrap}
	names := map[string]string{}    // address -> key name
	reserved := map[string]string{} // known name -> its address
	for addr, name := range known {
		reserved[name] = addr
	}
	balance := map[string]string{}
	for _, b := range res.Balances {
		balance[b.Address] = b.Coins.String()
	}
	taken := func(name, addr string) bool {
		other, ok := reserved[name]
		return f.hasKey(name) || (ok && other != addr)
	}
	key := func(addr, name string) string {
		if n, ok := names[addr]; ok {
			return n
		}
		if n, ok := known[addr]; ok {
			name = n
		} else {
			for i, base := 2, name; taken(name, addr); i++ {
				name = fmt.Sprintf("%s-%d", base, i)
			}
		}
		names[addr] = name
		bal := balance[addr]
		if bal == "" {
			bal = "0" + ctypes.FeeDenom
		}
		f.Keys = append(f.Keys, Key{Name: name, Address: addr, Balance: bal})
		return name
	}
	rules := map[string]ctypes.DecisionRule{}
	for _, b := range gs.Bodies {
		rules[b.Id] = b.Rule
	}
	for _, c := range gs.Communities {
		rule := exportRule(rules[c.Id])
		f.Communities = append(f.Communities, Community{
			ID: c.Id, Name: c.Name, Kind: kinds.name(int32(c.Kind)), Parent: c.ParentId,
			Charter:               &Document{URI: c.Charter.Uri, Hash: c.Charter.Hash},
			DecisionalParticipant: c.DecisionalParticipant, AdviceDeference: c.AdviceDeference, CarveOutEligible: c.CarveOutEligible,
			NomcomDelegates: c.Seats.NomcomDelegates, ValidatorPowerShare: c.Seats.ValidatorPowerShare, Rule: &rule,
			Appoints: exportAppointments(c.Appointments),
		})
	}
	board := exportRule(rules[ctypes.BoardBodyID])
	f.Board.Rule = &board
	memberships := map[string][]Membership{}
	roleName := map[string]string{} // address -> its weightiest role's name
	roleRank := map[string]int{}
	for _, ms := range gs.Memberships {
		var rs []string
		for _, r := range ms.Roles {
			if r != ctypes.RoleMember {
				rs = append(rs, roles.name(int32(r)))
			}
		}
		fm := Membership{Community: ms.CommunityId, Roles: rs, Weight: ms.Weight, AppointedBy: ms.AppointedBy}
		if ms.NonVoting {
			voting := false
			fm.Voting = &voting
		}
		memberships[ms.Address] = append(memberships[ms.Address], fm)
		if rank, name := roleOf(ms); rank > roleRank[ms.Address] || roleName[ms.Address] == "" {
			roleRank[ms.Address], roleName[ms.Address] = rank, name
		}
	}
	seatOf := map[string]ctypes.BoardSeat{}
	for _, s := range gs.Seats {
		if s.Holder != "" && !s.Retired {
			seatOf[s.Holder] = s
		}
	}
	for _, m := range gs.Members {
		name := "member"
		if s, ok := seatOf[m.Address]; ok {
			name = seatName(s)
		} else if n, ok := roleName[m.Address]; ok {
			name = n
		}
		region := ""
		if m.Region != ctypes.RegionUnspecified {
			region = regions.name(int32(m.Region))
		}
		f.Members = append(f.Members, Member{
			Key: key(m.Address, name), Stakeholder: stakeholders.name(int32(m.StakeholderType)), Region: region,
			ProfileURI: m.ProfileUri, Attributes: attributeMap(m.Attributes), Memberships: memberships[m.Address],
		})
	}
	for _, s := range gs.Seats {
		if s.Retired {
			continue
		}
		seat := Seat{AppointedBy: s.AppointingCommunity, Liaison: !s.Voting, ExOfficio: s.ExOfficio, OutsideRegionalCap: s.OutsideRegionalCap}
		if s.ExOfficio {
			seat.AppointedBy = "" // the Board's own: ex_officio says it
		}
		if s.Holder != "" {
			seat.Holder = names[s.Holder]
		}
		f.Board.Seats = append(f.Board.Seats, seat)
	}
	if gs.BoardChair != "" {
		f.Board.Chair = names[gs.BoardChair]
	}
	rv := res.Review
	if rv.Ombudsman != nil && rv.Ombudsman.Address != "" {
		f.Officers.Ombudsman = key(rv.Ombudsman.Address, "ombudsman")
	}
	for _, p := range rv.Panelists {
		if p.Active {
			name := fmt.Sprintf("panelist-%d", len(f.Officers.Panelists)+1)
			f.Officers.Panelists = append(f.Officers.Panelists, Panelist{Key: key(p.Address, name), Name: p.Name})
		}
	}
	for _, v := range gs.Validators {
		if v.Status != ctypes.ValidatorActive {
			continue
		}
		pk, ok := v.ConsensusPubkey.GetCachedValue().(cryptotypes.PubKey)
		if !ok {
			return nil, fmt.Errorf("validator %s: consensus key not unpacked", v.Moniker)
		}
		f.Validators = append(f.Validators, Validator{
			Moniker: v.Moniker, Community: v.CommunityId, ConsensusKey: base64.StdEncoding.EncodeToString(pk.Bytes()),
			Operator: key(v.Operator, v.CommunityId+"-operator"), Power: v.Power,
		})
	}
	for _, d := range res.Proposals.Documents {
		if d.Kind == ptypes.DocumentBylaws {
			f.Bylaws = &Document{URI: d.Document.Uri, Hash: d.Document.Hash} // the latest version wins
		}
	}
	var err error
	if f.Params.Community, err = exportParams(&gs.Params); err != nil {
		return nil, err
	}
	if f.Params.Proposals, err = exportParams(&res.Proposals.Params); err != nil {
		return nil, err
	}
	if f.Params.Review, err = exportParams(&res.Review.Params); err != nil {
		return nil, err
	}
	if f.Params.Empowered, err = exportParams(&res.Empowered.Params); err != nil {
		return nil, err
	}
	return f, nil
}

// seatName names a seat's holder by the seat: stable (seat ids never
// change) and readable.
func seatName(s ctypes.BoardSeat) string {
	switch {
	case s.ExOfficio:
		return fmt.Sprintf("director-ex-officio-seat-%d", s.Id)
	case s.Voting:
		return fmt.Sprintf("director-%s-seat-%d", s.AppointingCommunity, s.Id)
	default:
		return fmt.Sprintf("liaison-%s-seat-%d", s.AppointingCommunity, s.Id)
	}
}

// roleOf ranks a membership by its weightiest role (chair, representative,
// liaison, NomCom delegate, member) and names it after the community.
func roleOf(ms ctypes.Membership) (int, string) {
	for i, r := range []struct {
		role ctypes.Role
		name string
	}{
		{ctypes.RoleChair, "chair"}, {ctypes.RoleRepresentative, "representative"},
		{ctypes.RoleLiaison, "liaison"}, {ctypes.RoleNomComDelegate, "nomcom-delegate"},
	} {
		if slices.Contains(ms.Roles, r.role) {
			return 4 - i, ms.CommunityId + "-" + r.name
		}
	}
	return 0, ms.CommunityId + "-member"
}

func (f *File) hasKey(name string) bool {
	for _, k := range f.Keys {
		if k.Name == name {
			return true
		}
	}
	return false
}

func exportAppointments(as []ctypes.Appointment) []Appointment {
	var out []Appointment
	for _, a := range as {
		out = append(out, Appointment{Into: a.IntoCommunityId, Seats: a.VotingSeats, NonVotingSeats: a.NonVotingSeats})
	}
	return out
}

func exportRule(r ctypes.DecisionRule) Rule {
	out := Rule{Threshold: r.Threshold, Quorum: r.Quorum, VotingPeriod: FormatDuration(r.VotingPeriod), Basis: bases.name(int32(r.Basis)), AbstainCounts: r.AbstainCounts,
		Houses: exportHouses(r.Houses), AnyOf: exportAlternatives(r.AnyOf)}
	for _, a := range r.Actions {
		abstain := a.Rule.AbstainCounts
		out.Actions = append(out.Actions, ActionRule{
			MsgTypeURL: a.MsgTypeUrl, Threshold: a.Rule.Threshold, Quorum: a.Rule.Quorum, VotingPeriod: FormatDuration(a.Rule.VotingPeriod),
			Basis: bases.name(int32(a.Rule.Basis)), AbstainCounts: &abstain, Houses: exportHouses(a.Rule.Houses), AnyOf: exportAlternatives(a.Rule.AnyOf),
		})
	}
	return out
}

func exportHouses(hs []ctypes.HouseRule) []House {
	var out []House
	for _, h := range hs {
		out = append(out, House{Community: h.CommunityId, Threshold: h.Threshold})
	}
	return out
}

func exportAlternatives(alts []ctypes.HouseCombination) []Alternative {
	var out []Alternative
	for _, alt := range alts {
		out = append(out, Alternative{Houses: exportHouses(alt.Houses)})
	}
	return out
}

// exportParams writes params as the file's override object, durations human.
func exportParams(p proto.Message) (map[string]any, error) {
	raw, err := paramsCodec.MarshalJSON(p)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, err
	}
	return humanise(m).(map[string]any), nil
}

func humanise(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = humanise(e)
		}
	case []any:
		for i, e := range x {
			x[i] = humanise(e)
		}
	case string:
		if protoDuration.MatchString(x) {
			if d, err := ParseDuration(x); err == nil {
				return FormatDuration(d)
			}
		}
	}
	return v
}

// attributeMap is a member's attribute list as the file writes it.
func attributeMap(attrs []ctypes.MemberAttribute) map[string]string {
	if len(attrs) == 0 {
		return nil
	}
	out := make(map[string]string, len(attrs))
	for _, a := range attrs {
		out[a.Key] = a.Value
	}
	return out
}
