package types

import (
	"fmt"

	"cosmossdk.io/core/address"

	"github.com/polity-chain/polity/internal/addrutil"
)

// DefaultGenesis has the default params and nothing else.
func DefaultGenesis() *GenesisState {
	return &GenesisState{
		Params: DefaultParams(), NextIrpId: 1, NextReconsiderationId: 1, NextComplaintId: 1, NextReviewId: 1, NextEmergencyId: 1,
	}
}

// Validate rejects duplicate or dangling records and sequences behind them.
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
	addrs := map[string]bool{}
	for _, p := range gs.Parties {
		if _, err := addrutil.Parse(ac, p.Address); err != nil || addrs["party|"+p.Address] {
			return fmt.Errorf("party %s: bad or duplicate address", p.Address)
		}
		addrs["party|"+p.Address] = true
	}
	for _, p := range gs.Panelists {
		if _, err := addrutil.Parse(ac, p.Address); err != nil || addrs["panelist|"+p.Address] {
			return fmt.Errorf("panelist %s: bad or duplicate address", p.Address)
		}
		addrs["panelist|"+p.Address] = true
	}
	irps := map[uint64]bool{}
	for _, c := range gs.Irps {
		if c.Id == 0 || c.Id >= gs.NextIrpId || irps[c.Id] {
			return fmt.Errorf("irp %d: id duplicated or not below next_irp_id", c.Id)
		}
		irps[c.Id] = true
		if _, ok := IRPStatus_name[int32(c.Status)]; !ok || c.Status == IRPUnspecified {
			return fmt.Errorf("irp %d: invalid status", c.Id)
		}
		if _, err := addrutil.Parse(ac, c.Claimant); err != nil {
			return fmt.Errorf("irp %d: claimant: %w", c.Id, err)
		}
		if len(c.Panel) > 3 {
			return fmt.Errorf("irp %d: more than three panelists", c.Id)
		}
		if err := checkStamp("irp", c.Id, c.FiledHeight, c.UpdatedHeight); err != nil {
			return err
		}
	}
	declared := map[string]bool{}
	for _, d := range gs.Declarations {
		if !irps[d.IrpId] {
			return fmt.Errorf("declaration of %s: irp %d not found", d.Panelist, d.IrpId)
		}
		key := fmt.Sprintf("%d|%s", d.IrpId, d.Panelist)
		if _, err := addrutil.Parse(ac, d.Panelist); err != nil || declared[key] {
			return fmt.Errorf("declaration of %s on irp %d: bad or duplicate panelist", d.Panelist, d.IrpId)
		}
		declared[key] = true
	}
	if err := checkIDs("reconsideration", len(gs.Reconsiderations), gs.NextReconsiderationId, func(i int) uint64 { return gs.Reconsiderations[i].Id }); err != nil {
		return err
	}
	if err := checkIDs("complaint", len(gs.Complaints), gs.NextComplaintId, func(i int) uint64 { return gs.Complaints[i].Id }); err != nil {
		return err
	}
	if err := checkIDs("review", len(gs.Reviews), gs.NextReviewId, func(i int) uint64 { return gs.Reviews[i].Id }); err != nil {
		return err
	}
	if err := checkIDs("emergency", len(gs.Emergencies), gs.NextEmergencyId, func(i int) uint64 { return gs.Emergencies[i].Id }); err != nil {
		return err
	}
	if err := gs.checkStamps(); err != nil {
		return err
	}
	reviews := map[uint64]bool{}
	for _, r := range gs.Reviews {
		reviews[r.Id] = true
	}
	recs := map[[2]uint64]bool{}
	for _, r := range gs.Recommendations {
		key := [2]uint64{r.ReviewId, uint64(r.Index)}
		if !reviews[r.ReviewId] || r.Index >= MaxRecommendations || recs[key] {
			return fmt.Errorf("recommendation %d/%d: review not found, index too large or duplicated", r.ReviewId, r.Index)
		}
		recs[key] = true
		if r.UpdatedHeight != 0 && r.UpdatedHeight < r.CreatedHeight {
			return fmt.Errorf("recommendation %d/%d: updated_height %d below created_height %d", r.ReviewId, r.Index, r.UpdatedHeight, r.CreatedHeight)
		}
	}
	if gs.Ombudsman != nil {
		if _, err := addrutil.Parse(ac, gs.Ombudsman.Address); err != nil {
			return fmt.Errorf("ombudsman: %w", err)
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
