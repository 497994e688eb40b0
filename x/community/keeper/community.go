package keeper

import (
	"context"

	"github.com/polity-chain/polity/x/community/types"
)

// GetCommunity returns a community or ErrCommunityNotFound.
func (k *Keeper) GetCommunity(ctx context.Context, id string) (types.Community, error) {
	c, err := k.Communities.Get(ctx, id)
	if err != nil {
		return c, notFound(err, types.ErrCommunityNotFound, "community %q", id)
	}
	return c, nil
}

// requireBodyAuthority checks that a decision is signed by the body itself,
// that is, that it comes from one of the body's passed motions.
// The address is derived from the id, so this needs no store read and runs
// before any other check.
func (k *Keeper) requireBodyAuthority(bodyID, authority string) error {
	if want := types.BodyAddress(bodyID).String(); authority != want {
		return types.ErrUnauthorized.Wrapf("only a motion of %s (signer %s) may do this, got %s", bodyID, want, authority)
	}
	return nil
}

// requireGovernance checks the governance (ratification) authority. Polity's
// modules compare with their keeper authority and deliberately ignore consensus
// AuthorityParams: bylaws change only through a ratified proposal.
func (k *Keeper) requireGovernance(authority string) error {
	if authority != k.auth.Governance {
		return types.ErrUnauthorized.Wrapf("only the governance authority %s may do this, got %s", k.auth.Governance, authority)
	}
	return nil
}

// CreateCommunity founds a community (id, name, kind, parent, charter and
// seats taken from c; its address and audit are set here) with its body
// under rule, and its Board seats. The msg server has checked the signer.
func (k *Keeper) CreateCommunity(ctx context.Context, c types.Community, rule types.DecisionRule) (types.Community, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return types.Community{}, err
	}
	c.Address, c.Audit = types.BodyAddress(c.Id).String(), newAudit(ctx)
	if err := types.ValidateCommunityID(c.Id); err != nil {
		return c, err
	}
	if err := types.ValidateCommunityFields(c, params); err != nil {
		return c, err
	}
	if has, err := k.Bodies.Has(ctx, c.Id); err != nil || has {
		return c, firstErr(err, types.ErrCommunityExists.Wrapf("%q", c.Id))
	}
	if c.ParentId != "" {
		if _, err := k.GetCommunity(ctx, c.ParentId); err != nil {
			return c, err
		}
	}
	if n, err := k.countCommunities(ctx); err != nil || n >= params.MaxCommunities {
		return c, firstErr(err, types.ErrLimitReached.Wrapf("max_communities is %d", params.MaxCommunities))
	}
	body := types.Body{Id: c.Id, Kind: types.BodyKindCommunity, Address: c.Address, Rule: rule, Audit: c.Audit}
	if err := k.validateRuleFor(ctx, body, rule); err != nil {
		return c, err
	}
	if err := k.Communities.Set(ctx, c.Id, c); err != nil {
		return c, err
	}
	if err := k.Bodies.Set(ctx, c.Id, body); err != nil {
		return c, err
	}
	if err := k.BodyStats.Set(ctx, c.Id, types.BodyStats{}); err != nil {
		return c, err
	}
	if err := k.emit(ctx, &types.EventCommunityCreated{CommunityId: c.Id, Kind: c.Kind, ParentId: c.ParentId, Address: c.Address}); err != nil {
		return c, err
	}
	return c, k.reconcileSeats(ctx, c.Id, types.SeatAllocation{}, c.Seats)
}

// countCommunities counts communities; bounded by max_communities.
func (k *Keeper) countCommunities(ctx context.Context) (uint32, error) {
	iter, err := k.Communities.Iterate(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer iter.Close()
	var n uint32
	for ; iter.Valid(); iter.Next() {
		n++
	}
	return n, nil
}

// UpdateCharter renames a community and replaces its charter document.
func (k *Keeper) UpdateCharter(ctx context.Context, id, name string, charter types.Document) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	c, err := k.GetCommunity(ctx, id)
	if err != nil {
		return err
	}
	c.Name, c.Charter = name, charter
	if err := types.ValidateCommunityFields(c, params); err != nil {
		return err
	}
	touch(ctx, &c.Audit)
	if err := k.Communities.Set(ctx, id, c); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventCommunityCharterUpdated{CommunityId: id, Name: name, CharterHash: charter.Hash})
}

// SetSeatAllocation changes what a community appoints. It creates or retires
// Board seats to match, and refuses allocations that existing holders, NomCom
// delegates or validator power already exceed.
func (k *Keeper) SetSeatAllocation(ctx context.Context, id string, seats types.SeatAllocation) error {
	if err := seats.Validate(); err != nil {
		return err
	}
	c, err := k.GetCommunity(ctx, id)
	if err != nil {
		return err
	}
	delegates, err := k.countRole(ctx, id, types.RoleNomComDelegate)
	if err != nil {
		return err
	}
	if delegates > seats.NomcomDelegates {
		return types.ErrRoleLimit.Wrapf("%s has %d NomCom delegates; change their roles first", id, delegates)
	}
	old := c.Seats
	c.Seats = seats
	if err := k.checkCommunityPower(ctx, c); err != nil {
		return err
	}
	touch(ctx, &c.Audit)
	if err := k.Communities.Set(ctx, id, c); err != nil {
		return err
	}
	if err := k.reconcileSeats(ctx, id, old, seats); err != nil {
		return err
	}
	// Retiring the last vacant voting seat fills the Board as surely as an
	// appointment does, so the regional coverage rule is checked here too;
	// otherwise the state would no longer pass genesis validation on export.
	if err := k.checkBoardCoverage(ctx); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventSeatAllocationChanged{CommunityId: id, Seats: seats})
}

// SetDecisional sets the decisional-participant flag.
func (k *Keeper) SetDecisional(ctx context.Context, id string, decisional bool) error {
	c, err := k.GetCommunity(ctx, id)
	if err != nil {
		return err
	}
	if !decisional && c.CarveOutEligible {
		return types.ErrInvalidPrivilege.Wrapf("%s is carve-out eligible: withdraw the carve-out before it stops being a decisional participant", id)
	}
	c.DecisionalParticipant = decisional
	touch(ctx, &c.Audit)
	if err := k.Communities.Set(ctx, id, c); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventDecisionalParticipantChanged{CommunityId: id, Decisional: decisional})
}

// SetPrivileges grants or withdraws named privileges. Both belong to advisory
// communities only (ICANN: the GAC); the carve-out also needs a decisional
// participant, whose part in Empowered Community actions it removes.
func (k *Keeper) SetPrivileges(ctx context.Context, id string, deference, carveOut bool) error {
	c, err := k.GetCommunity(ctx, id)
	if err != nil {
		return err
	}
	if err := types.CheckPrivileges(c.Kind, c.DecisionalParticipant, deference, carveOut); err != nil {
		return err
	}
	c.AdviceDeference, c.CarveOutEligible = deference, carveOut
	touch(ctx, &c.Audit)
	if err := k.Communities.Set(ctx, id, c); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventCommunityPrivilegesChanged{CommunityId: id, AdviceDeference: deference, CarveOutEligible: carveOut})
}

// firstErr returns err when set, otherwise fallback: for checks whose lookup can
// fail with a storage error or succeed with a rule violation.
func firstErr(err, fallback error) error {
	if err != nil {
		return err
	}
	return fallback
}
