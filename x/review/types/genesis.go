package types

import (
	"errors"
	"fmt"
	"math"

	"cosmossdk.io/core/address"

	"github.com/polity-chain/polity/internal/addrutil"
	communitytypes "github.com/polity-chain/polity/x/community/types"
)

// DefaultGenesis has the default params and nothing else.
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params: DefaultParams(), NextIrpId: 1, NextReconsiderationId: 1, NextComplaintId: 1, NextReviewId: 1, NextEmergencyId: 1,
	}
}

// Validate rejects everything InitGenesis would, and every record the keeper
// could never have produced: bad params, bad addresses or enum values,
// duplicate ids, dangling references, sequences behind their records, and
// records whose fields do not fit their status. References to other modules
// (proposal ids, community ids) are not checked here.
func (gs GenesisState) Validate(ac address.Codec) error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if err := gs.validate(ac); err != nil {
		return ErrInvalidGenesis.Wrap(err.Error())
	}
	return nil
}

func (gs GenesisState) validate(ac address.Codec) error {
	if err := gs.checkParties(ac); err != nil {
		return err
	}
	panelists, err := gs.checkPanelists(ac)
	if err != nil {
		return err
	}
	ids := []struct {
		what string
		n    int
		next uint64
		id   func(int) uint64
	}{
		{"irp", len(gs.Irps), gs.NextIrpId, func(i int) uint64 { return gs.Irps[i].Id }},
		{"reconsideration", len(gs.Reconsiderations), gs.NextReconsiderationId, func(i int) uint64 { return gs.Reconsiderations[i].Id }},
		{"complaint", len(gs.Complaints), gs.NextComplaintId, func(i int) uint64 { return gs.Complaints[i].Id }},
		{"review", len(gs.Reviews), gs.NextReviewId, func(i int) uint64 { return gs.Reviews[i].Id }},
		{"emergency", len(gs.Emergencies), gs.NextEmergencyId, func(i int) uint64 { return gs.Emergencies[i].Id }},
	}
	for _, s := range ids {
		if err := checkIDs(s.what, s.n, s.next, s.id); err != nil {
			return err
		}
	}
	if err := gs.checkStamps(); err != nil {
		return err
	}
	if err := gs.checkIRPs(ac, panelists); err != nil {
		return err
	}
	if err := gs.checkDeclarations(ac); err != nil {
		return err
	}
	if err := gs.checkReconsiderations(ac); err != nil {
		return err
	}
	if err := gs.checkComplaints(ac); err != nil {
		return err
	}
	reviews, err := gs.checkReviews(ac)
	if err != nil {
		return err
	}
	if err := gs.checkRecommendations(reviews); err != nil {
		return err
	}
	if err := gs.checkEmergencies(ac, reviews); err != nil {
		return err
	}
	if err := gs.checkSchedule(); err != nil {
		return err
	}
	if gs.Ombudsman != nil {
		if _, err := addrutil.Parse(ac, gs.Ombudsman.Address); err != nil {
			return fmt.Errorf("ombudsman: %w", err)
		}
	}
	return nil
}

// checkParties checks the registered parties: keyed by address, so one record
// per address; the secretariat registers each with a name and a profile.
func (gs GenesisState) checkParties(ac address.Codec) error {
	seen := map[string]bool{}
	for _, p := range gs.Parties {
		if _, err := addrutil.Parse(ac, p.Address); err != nil || seen[p.Address] {
			return fmt.Errorf("party %s: bad or duplicate address", p.Address)
		}
		seen[p.Address] = true
		if p.Name == "" {
			return fmt.Errorf("party %s: no name", p.Address)
		}
		if err := checkDoc("profile", p.Profile); err != nil {
			return fmt.Errorf("party %s: %w", p.Address, err)
		}
		if err := checkAudit(p.Audit); err != nil {
			return fmt.Errorf("party %s: %w", p.Address, err)
		}
	}
	return nil
}

// checkPanelists checks the standing panel (keyed by address; a retired
// panelist stays on record, inactive) and returns its addresses, which
// every case's picks and panel must come from.
func (gs GenesisState) checkPanelists(ac address.Codec) (map[string]bool, error) {
	seen := map[string]bool{}
	for _, p := range gs.Panelists {
		if _, err := addrutil.Parse(ac, p.Address); err != nil || seen[p.Address] {
			return nil, fmt.Errorf("panelist %s: bad or duplicate address", p.Address)
		}
		seen[p.Address] = true
		if p.Name == "" {
			return nil, fmt.Errorf("panelist %s: no name", p.Address)
		}
		if err := checkAudit(p.Audit); err != nil {
			return nil, fmt.Errorf("panelist %s: %w", p.Address, err)
		}
	}
	return seen, nil
}

// checkSchedule checks the periodic review schedule. It is stored keyed by
// review type, so a second entry for a type would silently replace the first.
func (gs GenesisState) checkSchedule() error {
	seen := map[ReviewType]bool{}
	for _, s := range gs.Schedule {
		if !known(ReviewType_name, int32(s.Type)) {
			return fmt.Errorf("schedule: invalid review type %d", s.Type)
		}
		if seen[s.Type] {
			return fmt.Errorf("schedule: %s listed twice", s.Type)
		}
		seen[s.Type] = true
	}
	// community_reviews are keyed by community, so a second entry would
	// silently replace the first
	communities := map[string]bool{}
	for _, cr := range gs.CommunityReviews {
		if err := communitytypes.ValidateID(cr.CommunityId); err != nil {
			return fmt.Errorf("community_reviews: %w", err)
		}
		if communities[cr.CommunityId] {
			return fmt.Errorf("community_reviews: %s listed twice", cr.CommunityId)
		}
		communities[cr.CommunityId] = true
		if cr.Due.Unix() <= 0 {
			return fmt.Errorf("community_reviews: %s has no due time", cr.CommunityId)
		}
	}
	if gs.CommunityReviewCursor != "" {
		if err := communitytypes.ValidateID(gs.CommunityReviewCursor); err != nil {
			return fmt.Errorf("community_review_cursor: %w", err)
		}
	}
	return nil
}

// checkIDs checks that n records have unique ids in [1, next).
func checkIDs(what string, n int, next uint64, id func(int) uint64) error {
	seen := map[uint64]bool{}
	for i := 0; i < n; i++ {
		v := id(i)
		if v == 0 || v >= next || seen[v] {
			return fmt.Errorf("%s %d: id duplicated or not below its sequence %d", what, v, next)
		}
		seen[v] = true
	}
	return nil
}

// checkStamps checks the update heights of the records checkIDs covers.
func (gs GenesisState) checkStamps() error {
	for _, c := range gs.Irps {
		if err := checkStamp("irp", c.Id, c.FiledHeight, c.UpdatedHeight); err != nil {
			return err
		}
	}
	for _, r := range gs.Reconsiderations {
		if err := checkStamp("reconsideration", r.Id, r.FiledHeight, r.UpdatedHeight); err != nil {
			return err
		}
	}
	for _, c := range gs.Complaints {
		if err := checkStamp("complaint", c.Id, c.FiledHeight, c.UpdatedHeight); err != nil {
			return err
		}
	}
	for _, r := range gs.Reviews {
		if err := checkStamp("review", r.Id, r.OpenedHeight, r.UpdatedHeight); err != nil {
			return err
		}
	}
	for _, e := range gs.Emergencies {
		if err := checkStamp("emergency", e.Id, e.TakenHeight, e.UpdatedHeight); err != nil {
			return err
		}
	}
	return nil
}

// checkStamp checks that a record was not updated before it was created. An
// update height of zero is accepted: records written before the field existed
// carry none until their next change.
func checkStamp(what string, id uint64, created, updated int64) error {
	if updated != 0 && updated < created {
		return fmt.Errorf("%s %d: updated_height %d below its creation height %d", what, id, updated, created)
	}
	return nil
}

// checkAudit is checkStamp for records keyed by address.
func checkAudit(a communitytypes.Audit) error {
	if a.UpdatedHeight != 0 && a.UpdatedHeight < a.CreatedHeight {
		return fmt.Errorf("audit updated_height %d below created_height %d", a.UpdatedHeight, a.CreatedHeight)
	}
	return nil
}

// known reports whether v is a defined, specified value of an enum (given by
// its generated _name map); zero is every enum's UNSPECIFIED value.
func known(names map[int32]string, v int32) bool {
	_, ok := names[v]
	return ok && v != 0
}

// anyURI is the URI limit documents are checked against: none. The limit is a
// param, and a document stored under a higher one stays valid when it is
// lowered.
const anyURI = math.MaxUint32

// checkDoc checks a document the keeper required (a hash and a URI).
func checkDoc(field string, d communitytypes.Document) error {
	if err := d.Validate(anyURI); err != nil {
		return fmt.Errorf("%s: %w", field, err)
	}
	return nil
}

// checkOptionalDoc checks a document that may be absent.
func checkOptionalDoc(field string, d communitytypes.Document) error {
	if isEmptyDoc(d) {
		return nil
	}
	return checkDoc(field, d)
}

// docIff checks a document that is recorded exactly when want holds: valid
// then, empty otherwise.
func docIff(field string, d communitytypes.Document, want bool) error {
	if want {
		return checkDoc(field, d)
	}
	if !isEmptyDoc(d) {
		return errors.New(field + " recorded before its time")
	}
	return nil
}

func isEmptyDoc(d communitytypes.Document) bool { return d.Hash == "" && d.Uri == "" }
