package types

import (
	"fmt"
	"slices"

	"cosmossdk.io/core/address"

	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"

	"github.com/polity-chain/polity/internal/addrutil"
)

// DefaultGenesis is an empty constitution: default params and the Board's body.
// A chain needs at least one validator, which `polityd genesis constitution`
// (or add-validator) writes; InitGenesis says so if none is there.
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params:       DefaultParams(),
		Bodies:       []Body{NewBoardBody(DefaultBoardRule())},
		NextMotionId: 1,
		NextSeatId:   1,
	}
}

// NewBoardBody returns the Board's body with the given rule.
func NewBoardBody(rule DecisionRule) Body {
	return Body{Id: BoardBodyID, Kind: BodyKindBoard, Address: BodyAddress(BoardBodyID).String(), Rule: rule}
}

// genesisIndex holds lookups built once while validating, so each check is a
// map lookup rather than a scan. Maps are only read by key, never ranged.
type genesisIndex struct {
	communities map[string]Community
	roots       map[string]string // community -> top-level community of its tree
	members     map[string]Member
	memberships map[string]bool // community|address
	motions     map[uint64]Motion
}

// Validate rejects everything InitGenesis would: bad params, duplicate or
// dangling ids, broken role, seat, diversity and power rules, tallies that do
// not match the votes, and sequences behind the records.
func (gs GenesisState) Validate(ac, cc address.Codec) error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	idx := genesisIndex{
		communities: map[string]Community{},
		roots:       map[string]string{},
		members:     map[string]Member{},
		memberships: map[string]bool{},
		motions:     map[uint64]Motion{},
	}
	checks := []func(address.Codec, address.Codec, *genesisIndex) error{
		gs.validateCommunities, gs.validateBodies, gs.validateMembers, gs.validateMemberships,
		gs.validateSeats, gs.validateValidators, gs.validateLiveness, gs.validateMisbehaviours, gs.validateMotions, gs.validateVotes,
	}
	for _, check := range checks {
		if err := check(ac, cc, &idx); err != nil {
			return ErrInvalidGenesis.Wrap(err.Error())
		}
	}
	return nil
}

func (gs GenesisState) validateCommunities(_, _ address.Codec, idx *genesisIndex) error {
	limits := gs.Params.Ceilings()
	if len(gs.Communities) > int(limits.MaxCommunities) {
		return fmt.Errorf("%d communities, at most %d", len(gs.Communities), limits.MaxCommunities)
	}
	for _, c := range gs.Communities {
		if err := ValidateCommunityID(c.Id); err != nil {
			return err
		}
		if _, dup := idx.communities[c.Id]; dup {
			return fmt.Errorf("community %s listed twice", c.Id)
		}
		if err := ValidateCommunityFields(c, limits); err != nil {
			return fmt.Errorf("community %s: %w", c.Id, err)
		}
		if c.Address != BodyAddress(c.Id).String() {
			return fmt.Errorf("community %s: address %s is not its body address %s", c.Id, c.Address, BodyAddress(c.Id))
		}
		idx.communities[c.Id] = c
	}
	// Parents must exist and the parent chain must end: walking up more steps
	// than there are communities means a cycle.
	for _, c := range gs.Communities {
		cur, steps := c, 0
		for cur.ParentId != "" {
			parent, ok := idx.communities[cur.ParentId]
			if !ok {
				return fmt.Errorf("community %s: parent %s not found", cur.Id, cur.ParentId)
			}
			if steps++; steps > len(gs.Communities) {
				return fmt.Errorf("community %s: parent chain has a cycle", c.Id)
			}
			cur = parent
		}
		idx.roots[c.Id] = cur.Id
	}
	for _, c := range gs.Communities {
		if err := ValidateAppointments(c.Id, c.Appointments); err != nil {
			return fmt.Errorf("community %s: %w", c.Id, err)
		}
		for _, a := range c.Appointments {
			if _, ok := idx.communities[a.IntoCommunityId]; !ok {
				return fmt.Errorf("community %s: appoints into %s, which is not found", c.Id, a.IntoCommunityId)
			}
		}
	}
	return nil
}

// ValidateCommunityFields checks what a community carries, for genesis and for
// MsgCreateCommunity alike.
func ValidateCommunityFields(c Community, p Params) error {
	if err := ValidateText("name", c.Name, p.MaxNameLength, true); err != nil {
		return err
	}
	if err := ValidateKind(c.Kind); err != nil {
		return err
	}
	if err := c.Charter.Validate(p.MaxUriLength); err != nil {
		return err
	}
	if err := CheckPrivileges(c.Kind, c.DecisionalParticipant, c.AdviceDeference, c.CarveOutEligible); err != nil {
		return err
	}
	return c.Seats.Validate()
}

func (gs GenesisState) validateBodies(_, _ address.Codec, idx *genesisIndex) error {
	seen := map[string]bool{}
	for _, b := range gs.Bodies {
		if seen[b.Id] {
			return fmt.Errorf("body %s listed twice", b.Id)
		}
		seen[b.Id] = true
		if b.Address != BodyAddress(b.Id).String() {
			return fmt.Errorf("body %s: address is not derived from its id", b.Id)
		}
		if err := b.Rule.Validate(); err != nil {
			return fmt.Errorf("body %s: %w", b.Id, err)
		}
		switch b.Kind {
		case BodyKindBoard:
			if b.Id != BoardBodyID || len(b.Rule.HouseIDs()) > 0 {
				return fmt.Errorf("the board body must have id %q and no houses", BoardBodyID)
			}
		case BodyKindCommunity:
			if _, ok := idx.communities[b.Id]; !ok {
				return fmt.Errorf("body %s: no community with that id", b.Id)
			}
			for _, h := range b.Rule.HouseIDs() {
				if child, ok := idx.communities[h]; !ok || child.ParentId != b.Id {
					return fmt.Errorf("body %s: house %s is not one of its sub-communities", b.Id, h)
				}
			}
		default:
			return fmt.Errorf("body %s: unknown kind %d", b.Id, b.Kind)
		}
	}
	if !seen[BoardBodyID] {
		return fmt.Errorf("the board body is missing")
	}
	for _, c := range gs.Communities {
		if !seen[c.Id] {
			return fmt.Errorf("community %s has no body", c.Id)
		}
	}
	return nil
}

func (gs GenesisState) validateMembers(ac, _ address.Codec, idx *genesisIndex) error {
	for _, m := range gs.Members {
		if _, err := addrutil.Parse(ac, m.Address); err != nil {
			return fmt.Errorf("member %s: %w", m.Address, err)
		}
		if _, dup := idx.members[m.Address]; dup {
			return fmt.Errorf("member %s listed twice", m.Address)
		}
		if err := ValidateRegion(m.Region, true); err != nil {
			return err
		}
		if err := ValidateStakeholderType(m.StakeholderType); err != nil {
			return err
		}
		if err := ValidateText("profile_uri", m.ProfileUri, gs.Params.Ceilings().MaxUriLength, false); err != nil {
			return err
		}
		if err := validateStoredAttributes(m.Attributes); err != nil {
			return fmt.Errorf("member %s: %w", m.Address, err)
		}
		idx.members[m.Address] = m
	}
	return nil
}

func (gs GenesisState) validateMemberships(_, _ address.Codec, idx *genesisIndex) error {
	chairs := map[string]bool{}
	delegates := map[string]uint32{}
	represents := map[string]string{}
	appointed := map[string]uint32{} // appointer|target|non-voting -> appointees
	for _, ms := range gs.Memberships {
		c, ok := idx.communities[ms.CommunityId]
		if !ok {
			return fmt.Errorf("membership of %s: community %s not found", ms.Address, ms.CommunityId)
		}
		if _, ok := idx.members[ms.Address]; !ok {
			return fmt.Errorf("membership of %s in %s: no member record", ms.Address, ms.CommunityId)
		}
		key := ms.CommunityId + "|" + ms.Address
		if idx.memberships[key] {
			return fmt.Errorf("membership of %s in %s listed twice", ms.Address, ms.CommunityId)
		}
		idx.memberships[key] = true
		roles, err := NormalizeRoles(ms.Roles)
		if err != nil || !slices.Equal(roles, ms.Roles) {
			return fmt.Errorf("membership of %s in %s: roles must be sorted, unique and include ROLE_MEMBER", ms.Address, ms.CommunityId)
		}
		if ms.NonVoting != (ms.Weight == 0) {
			return fmt.Errorf("membership of %s in %s: weight must be positive, and zero exactly for a non-voting member", ms.Address, ms.CommunityId)
		}
		if err := checkAppointee(ms, idx, appointed); err != nil {
			return fmt.Errorf("membership of %s in %s: %w", ms.Address, ms.CommunityId, err)
		}
		if slices.Contains(ms.Roles, RoleChair) {
			if chairs[ms.CommunityId] {
				return fmt.Errorf("community %s has two chairs", ms.CommunityId)
			}
			chairs[ms.CommunityId] = true
		}
		if slices.Contains(ms.Roles, RoleNomComDelegate) {
			if delegates[ms.CommunityId]++; delegates[ms.CommunityId] > c.Seats.NomcomDelegates {
				return fmt.Errorf("community %s designates more NomCom delegates than its allocation", ms.CommunityId)
			}
		}
		if Represents(ms.Roles) {
			if other, ok := represents[ms.Address]; ok && other != ms.CommunityId {
				return fmt.Errorf("%s represents both %s and %s", ms.Address, other, ms.CommunityId)
			}
			represents[ms.Address] = ms.CommunityId
		}
	}
	return nil
}

// checkAppointee checks a membership that names its appointer: the
// appointer holds an allowance into the community with a seat of the
// membership's kind left.
func checkAppointee(ms Membership, idx *genesisIndex, appointed map[string]uint32) error {
	if ms.AppointedBy == "" {
		return nil
	}
	appointer, ok := idx.communities[ms.AppointedBy]
	if !ok {
		return fmt.Errorf("appointed by %s, which is not found", ms.AppointedBy)
	}
	a, ok := FindAppointment(appointer.Appointments, ms.CommunityId)
	if !ok {
		return fmt.Errorf("appointed by %s, which appoints no members into %s", ms.AppointedBy, ms.CommunityId)
	}
	seats := a.VotingSeats
	if ms.NonVoting {
		seats = a.NonVotingSeats
	}
	key := fmt.Sprintf("%s|%s|%t", ms.AppointedBy, ms.CommunityId, ms.NonVoting)
	if appointed[key]++; appointed[key] > seats {
		return fmt.Errorf("%s appoints more members into %s than its allowance (%d voting, %d non-voting)",
			ms.AppointedBy, ms.CommunityId, a.VotingSeats, a.NonVotingSeats)
	}
	return nil
}

func (gs GenesisState) validateSeats(_, _ address.Codec, idx *genesisIndex) error {
	seen := map[uint64]bool{}
	holders := map[string]bool{}
	allocated := map[string][2]uint32{} // voting, liaison seats found per community
	regions := map[Region]uint32{}
	votingSeats, vacantVoting := 0, 0
	for _, s := range gs.Seats {
		if s.Id == 0 || s.Id >= gs.NextSeatId || seen[s.Id] {
			return fmt.Errorf("seat %d: id duplicated or not below next_seat_id %d", s.Id, gs.NextSeatId)
		}
		seen[s.Id] = true
		if err := ValidateSeatShape(s); err != nil {
			return err
		}
		// an ex-officio seat is the Board's own: no community allocates it
		if _, ok := idx.communities[s.AppointingCommunity]; !ok && !s.ExOfficio {
			return fmt.Errorf("seat %d: community %s not found", s.Id, s.AppointingCommunity)
		}
		if s.Retired {
			if s.Holder != "" {
				return fmt.Errorf("seat %d is retired but held", s.Id)
			}
			continue
		}
		counts := allocated[s.AppointingCommunity]
		if s.Voting {
			counts[0]++
			votingSeats++
		} else {
			counts[1]++
		}
		allocated[s.AppointingCommunity] = counts
		if s.Holder == "" {
			if s.Voting {
				vacantVoting++
			}
			continue
		}
		m, ok := idx.members[s.Holder]
		if !ok {
			return fmt.Errorf("seat %d: holder %s has no member record", s.Id, s.Holder)
		}
		if holders[s.Holder] {
			return fmt.Errorf("seat %d: %s already holds another seat", s.Id, s.Holder)
		}
		holders[s.Holder] = true
		if !s.TermEnd.After(s.TermStart) {
			return fmt.Errorf("seat %d: term must end after it starts", s.Id)
		}
		if s.CountsTowardRegions() {
			if m.Region == RegionUnspecified {
				return fmt.Errorf("seat %d: voting director %s has no region", s.Id, s.Holder)
			}
			// The regional cap binds appointments; a Board formed under an
			// older, higher cap stays valid, so genesis only counts here.
			regions[m.Region]++
		}
	}
	for _, c := range gs.Communities {
		counts := allocated[c.Id]
		if counts[0] != c.Seats.VotingBoardSeats || counts[1] != c.Seats.LiaisonBoardSeats {
			return fmt.Errorf("community %s: seats in genesis (%d voting, %d liaison) do not match its allocation (%d, %d)",
				c.Id, counts[0], counts[1], c.Seats.VotingBoardSeats, c.Seats.LiaisonBoardSeats)
		}
	}
	if err := CheckRegionalCoverage(votingSeats > 0 && vacantVoting == 0, func(r Region) uint32 { return regions[r] }); err != nil {
		return err
	}
	directors := map[string]bool{}
	for _, d := range gs.Directors {
		if directors[d.Address] {
			return fmt.Errorf("director record %s listed twice", d.Address)
		}
		directors[d.Address] = true
		if d.ConsecutiveTerms > d.TotalTerms {
			return fmt.Errorf("director record %s: term counts out of range", d.Address)
		}
		if d.Audit.UpdatedHeight != 0 && d.Audit.UpdatedHeight < d.Audit.CreatedHeight {
			return fmt.Errorf("director record %s: updated_height %d below created_height %d", d.Address, d.Audit.UpdatedHeight, d.Audit.CreatedHeight)
		}
	}
	chairSeated := gs.BoardChair == ""
	for _, s := range gs.Seats {
		if s.Holder != "" && !directors[s.Holder] {
			return fmt.Errorf("seat %d: holder %s has no director record", s.Id, s.Holder)
		}
		if s.Holder == gs.BoardChair && s.Voting && !s.Retired {
			chairSeated = true
		}
	}
	if !chairSeated {
		return fmt.Errorf("board chair %s holds no voting seat", gs.BoardChair)
	}
	return nil
}

// CheckRegionalCoverage enforces that a full Board has a voting director from
// every region.
func CheckRegionalCoverage(boardFull bool, count func(Region) uint32) error {
	if !boardFull {
		return nil
	}
	for _, r := range AllRegions() {
		if count(r) == 0 {
			return ErrRegionalDiversity.Wrapf("the board is full but has no voting director from %s", r)
		}
	}
	return nil
}

// AllRegions lists the regions in a fixed order.
func AllRegions() []Region {
	return []Region{RegionAfrica, RegionAsiaPacific, RegionEurope, RegionLatinAmericaCaribbean, RegionNorthAmerica}
}

func (gs GenesisState) validateValidators(ac, cc address.Codec, idx *genesisIndex) error {
	keys := map[string]string{}      // consensus address -> community
	operators := map[string]string{} // operator -> community
	power := map[string]int64{}
	trees := map[string]int64{} // top-level community -> its tree's power
	var total int64
	for _, v := range gs.Validators {
		if _, ok := idx.communities[v.CommunityId]; !ok {
			return fmt.Errorf("validator %s: community %s not found", v.Moniker, v.CommunityId)
		}
		if _, err := addrutil.Parse(ac, v.Operator); err != nil {
			return fmt.Errorf("validator %s: operator: %w", v.Moniker, err)
		}
		// A nil Any must be checked first: GetCachedValue would dereference it.
		if v.ConsensusPubkey == nil {
			return fmt.Errorf("validator %s: consensus pubkey is missing", v.Moniker)
		}
		pk, ok := v.ConsensusPubkey.GetCachedValue().(cryptotypes.PubKey)
		if !ok {
			return fmt.Errorf("validator %s: consensus pubkey is missing or not unpacked", v.Moniker)
		}
		if err := ValidateConsensusKey(pk); err != nil {
			return fmt.Errorf("validator %s: %w", v.Moniker, err)
		}
		addr, err := cc.BytesToString(pk.Address())
		if err != nil || addr != v.ConsensusAddress {
			return fmt.Errorf("validator %s: consensus address %s does not match its key", v.Moniker, v.ConsensusAddress)
		}
		if err := checkValidatorIdentity(keys, operators, v); err != nil {
			return err
		}
		limits := gs.Params.Ceilings()
		if err := ValidateText("moniker", v.Moniker, limits.MaxNameLength, true); err != nil {
			return err
		}
		switch v.Status {
		case ValidatorActive, ValidatorSuspended:
			if v.Power <= 0 || v.Power > limits.MaxValidatorPower {
				return fmt.Errorf("validator %s: power %d out of [1, %d]", v.Moniker, v.Power, limits.MaxValidatorPower)
			}
			power[v.CommunityId] += v.Power
			trees[idx.roots[v.CommunityId]] += v.Power
			total += v.Power
		case ValidatorRemoved:
			if v.Power != 0 {
				return fmt.Errorf("validator %s: removed with power %d, want 0", v.Moniker, v.Power)
			}
		default:
			return fmt.Errorf("validator %s: unknown status %d", v.Moniker, v.Status)
		}
	}
	for _, c := range gs.Communities {
		if err := CheckPowerShare(gs.Params.Bootstrap, c, power[c.Id], total); err != nil {
			return err
		}
		if c.ParentId == "" {
			if err := CheckTreePower(gs.Params.Bootstrap, c.Id, trees[c.Id], total); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkValidatorIdentity keeps each consensus key and each operator within
// one community, whatever the records' status (as AdmitValidator does), and
// each key listed once.
func checkValidatorIdentity(keys, operators map[string]string, v Validator) error {
	if other, ok := keys[v.ConsensusAddress]; ok {
		if other != v.CommunityId {
			return ErrConsensusKeyTaken.Wrapf("validator %s: consensus key %s is used by validators of both %s and %s",
				v.Moniker, v.ConsensusAddress, other, v.CommunityId)
		}
		return fmt.Errorf("validator %s listed twice", v.ConsensusAddress)
	}
	keys[v.ConsensusAddress] = v.CommunityId
	if other, ok := operators[v.Operator]; ok && other != v.CommunityId {
		return ErrOperatorTaken.Wrapf("validator %s: operator %s runs validators of both %s and %s",
			v.Moniker, v.Operator, other, v.CommunityId)
	}
	operators[v.Operator] = v.CommunityId
	return nil
}

func (gs GenesisState) validateMotions(ac, _ address.Codec, idx *genesisIndex) error {
	bodies := map[string]bool{}
	for _, b := range gs.Bodies {
		bodies[b.Id] = true
	}
	for _, m := range gs.Motions {
		if m.Id == 0 || m.Id >= gs.NextMotionId {
			return fmt.Errorf("motion %d: id not below next_motion_id %d", m.Id, gs.NextMotionId)
		}
		if _, dup := idx.motions[m.Id]; dup {
			return fmt.Errorf("motion %d listed twice", m.Id)
		}
		if !bodies[m.BodyId] {
			return fmt.Errorf("motion %d: body %s not found", m.Id, m.BodyId)
		}
		if _, err := addrutil.Parse(ac, m.Proposer); err != nil {
			return fmt.Errorf("motion %d: proposer: %w", m.Id, err)
		}
		if _, ok := MotionStatus_name[int32(m.Status)]; !ok || m.Status == MotionStatusUnspecified {
			return fmt.Errorf("motion %d: unknown status %d", m.Id, m.Status)
		}
		if m.Status == MotionStatusQueued && m.ExecutedHeight != 0 {
			return fmt.Errorf("motion %d: queued but executed_height %d set", m.Id, m.ExecutedHeight)
		}
		if err := m.Rule.ValidateMotionRule(); err != nil {
			return fmt.Errorf("motion %d: %w", m.Id, err)
		}
		if houses := m.Rule.HouseIDs(); len(m.HouseTallies) != len(houses) {
			return fmt.Errorf("motion %d: one house tally per house rule expected (every house its rule names)", m.Id)
		}
		// An update height of zero is accepted: motions written before the
		// field existed carry none until their next change.
		if m.UpdatedHeight != 0 && m.UpdatedHeight < m.SubmitHeight {
			return fmt.Errorf("motion %d: updated_height %d below submit_height %d", m.Id, m.UpdatedHeight, m.SubmitHeight)
		}
		idx.motions[m.Id] = m
	}
	return nil
}

func (gs GenesisState) validateVotes(ac, _ address.Codec, idx *genesisIndex) error {
	seen := map[string]bool{}
	tallies := map[uint64]Tally{}
	for _, v := range gs.Votes {
		if _, ok := idx.motions[v.MotionId]; !ok {
			return fmt.Errorf("vote of %s: motion %d not found", v.Voter, v.MotionId)
		}
		if _, err := addrutil.Parse(ac, v.Voter); err != nil {
			return fmt.Errorf("vote on motion %d: voter: %w", v.MotionId, err)
		}
		key := fmt.Sprintf("%d|%s", v.MotionId, v.Voter)
		if seen[key] {
			return fmt.Errorf("%s voted twice on motion %d", v.Voter, v.MotionId)
		}
		seen[key] = true
		if v.Option < OptionYes || v.Option > OptionAbstain {
			return fmt.Errorf("vote of %s on motion %d: unknown option %d", v.Voter, v.MotionId, v.Option)
		}
		tallies[v.MotionId] = tallies[v.MotionId].Add(v.Option, v.Weight)
	}
	for _, m := range gs.Motions {
		if tallies[m.Id] != m.Tally {
			return fmt.Errorf("motion %d: tally %v does not match its votes %v", m.Id, m.Tally, tallies[m.Id])
		}
	}
	return nil
}
