package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// maxMemberWeight bounds one member's weight so tallies cannot overflow.
const maxMemberWeight = 1_000_000

// AdmitMember admits an account to a community by the community's motion.
func (k *Keeper) AdmitMember(ctx context.Context, msg *types.MsgAdmitMember) error {
	if err := k.requireBodyAuthority(msg.CommunityId, msg.Authority); err != nil {
		return err
	}
	c, err := k.GetCommunity(ctx, msg.CommunityId)
	if err != nil {
		return err
	}
	addr, err := k.parseAddr("address", msg.Address)
	if err != nil {
		return err
	}
	roles, err := types.NormalizeRoles(msg.Roles)
	if err != nil {
		return err
	}
	weight, err := memberWeight(msg.NonVoting, msg.Weight)
	if err != nil {
		return err
	}
	ms := types.Membership{CommunityId: c.Id, Address: msg.Address, Roles: roles, Weight: weight, NonVoting: msg.NonVoting}
	return k.admit(ctx, c, addr, ms, msg.StakeholderType, msg.Region, msg.ProfileUri)
}

// memberWeight is the weight a membership carries: 1 by default, 0 for a
// non-voting member (who may not be given a weight).
func memberWeight(nonVoting bool, weight uint64) (uint64, error) {
	if nonVoting {
		if weight != 0 {
			return 0, types.ErrInvalidAttribute.Wrapf("a non-voting member has no weight, got %d", weight)
		}
		return 0, nil
	}
	if weight == 0 {
		weight = 1
	}
	if weight > maxMemberWeight {
		return 0, types.ErrInvalidAttribute.Wrapf("weight %d above %d", weight, maxMemberWeight)
	}
	return weight, nil
}

// admit writes a new membership (admitted or appointed): the member record,
// its roles, the membership and the community's electorate.
func (k *Keeper) admit(ctx context.Context, c types.Community, addr sdk.AccAddress, ms types.Membership, st types.StakeholderType, region types.Region, profile string) error {
	if has, err := k.Memberships.Has(ctx, pairKey(c.Id, addr)); err != nil || has {
		return firstErr(err, types.ErrAlreadyMember.Wrapf("%s in %s", ms.Address, c.Id))
	}
	if _, err := k.ensureMember(ctx, addr, st, region, profile); err != nil {
		return err
	}
	if err := k.applyRoles(ctx, c, addr, nil, ms.Roles); err != nil {
		return err
	}
	ms.Audit = newAudit(ctx)
	if err := k.addMembership(ctx, addr, ms); err != nil {
		return err
	}
	if err := k.changeElectorate(ctx, c.Id, ms.Weight, false); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventMemberAdmitted{
		CommunityId: c.Id, Address: ms.Address, Roles: ms.Roles, Weight: ms.Weight, NonVoting: ms.NonVoting, AppointedBy: ms.AppointedBy,
	})
}

// SetMemberVoting makes a member voting or non-voting, or changes its
// weight, by the community's motion. An appointee's vote belongs to the seat
// its appointer filled, so the community cannot take it away. The new
// weight counts only on motions submitted after this block: motions already
// open keep the eligible weight they were submitted with.
func (k *Keeper) SetMemberVoting(ctx context.Context, msg *types.MsgSetMemberVoting) error {
	if err := k.requireBodyAuthority(msg.CommunityId, msg.Authority); err != nil {
		return err
	}
	c, err := k.GetCommunity(ctx, msg.CommunityId)
	if err != nil {
		return err
	}
	addr, err := k.parseAddr("address", msg.Address)
	if err != nil {
		return err
	}
	weight, err := memberWeight(msg.NonVoting, msg.Weight)
	if err != nil {
		return err
	}
	ms, err := k.Memberships.Get(ctx, pairKey(c.Id, addr))
	if err != nil {
		return notFound(err, types.ErrNotMember, "%s is not a member of %s", msg.Address, c.Id)
	}
	if ms.AppointedBy != "" {
		return types.ErrAppointedMember.Wrapf("%s was appointed into %s by %s", msg.Address, c.Id, ms.AppointedBy)
	}
	if ms.NonVoting == msg.NonVoting && ms.Weight == weight {
		return types.ErrInvalidAttribute.Wrapf("%s already has weight %d in %s", msg.Address, weight, c.Id)
	}
	previous := ms.Weight
	if err := k.changeWeight(ctx, c.Id, previous, weight); err != nil {
		return err
	}
	ms.Weight, ms.NonVoting = weight, msg.NonVoting
	ms.VotingSinceHeight = sdk.UnwrapSDKContext(ctx).BlockHeight()
	touch(ctx, &ms.Audit)
	if err := k.Memberships.Set(ctx, pairKey(c.Id, addr), ms); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventMemberVotingChanged{
		CommunityId: c.Id, Address: msg.Address, NonVoting: ms.NonVoting, Weight: weight, PreviousWeight: previous,
	})
}

// RemoveMember removes a member by the community's motion.
func (k *Keeper) RemoveMember(ctx context.Context, msg *types.MsgRemoveMember) error {
	if err := k.requireBodyAuthority(msg.CommunityId, msg.Authority); err != nil {
		return err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := types.ValidateText("reason", msg.Reason, params.MaxReasonLength, false); err != nil {
		return err
	}
	return k.leave(ctx, msg.CommunityId, msg.Address, msg.Reason, false, func(ms types.Membership) error {
		if ms.AppointedBy != "" {
			return types.ErrAppointedMember.Wrapf("%s was appointed into %s by %s: only %s's motion or a ratified proposal removes it",
				msg.Address, ms.CommunityId, ms.AppointedBy, ms.AppointedBy)
		}
		return nil
	})
}

// Resign lets a member leave a community on their own.
func (k *Keeper) Resign(ctx context.Context, msg *types.MsgResign) error {
	return k.leave(ctx, msg.CommunityId, msg.Member, "resigned", true, nil)
}

// leave ends a membership: roles are released, the electorate shrinks, and the
// member record (the person's profile) stays. allowed, when given, may refuse
// the membership found.
func (k *Keeper) leave(ctx context.Context, communityID, address, reason string, resigned bool, allowed func(types.Membership) error) error {
	c, err := k.GetCommunity(ctx, communityID)
	if err != nil {
		return err
	}
	addr, err := k.parseAddr("address", address)
	if err != nil {
		return err
	}
	ms, err := k.Memberships.Get(ctx, pairKey(c.Id, addr))
	if err != nil {
		return notFound(err, types.ErrNotMember, "%s is not a member of %s", address, c.Id)
	}
	if allowed != nil {
		if err := allowed(ms); err != nil {
			return err
		}
	}
	if err := k.applyRoles(ctx, c, addr, ms.Roles, nil); err != nil {
		return err
	}
	if err := k.removeMembership(ctx, ms, addr); err != nil {
		return err
	}
	if err := k.changeElectorate(ctx, c.Id, ms.Weight, true); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventMemberRemoved{CommunityId: c.Id, Address: address, Reason: reason, Resigned: resigned})
}

// SetMemberRoles replaces a member's roles by the community's motion: this is
// how chairs, representatives, liaisons and NomCom delegates are elected.
func (k *Keeper) SetMemberRoles(ctx context.Context, msg *types.MsgSetMemberRoles) error {
	if err := k.requireBodyAuthority(msg.CommunityId, msg.Authority); err != nil {
		return err
	}
	c, err := k.GetCommunity(ctx, msg.CommunityId)
	if err != nil {
		return err
	}
	addr, err := k.parseAddr("address", msg.Address)
	if err != nil {
		return err
	}
	roles, err := types.NormalizeRoles(msg.Roles)
	if err != nil {
		return err
	}
	ms, err := k.Memberships.Get(ctx, pairKey(c.Id, addr))
	if err != nil {
		return notFound(err, types.ErrNotMember, "%s is not a member of %s", msg.Address, c.Id)
	}
	if err := k.applyRoles(ctx, c, addr, ms.Roles, roles); err != nil {
		return err
	}
	ms.Roles = roles
	touch(ctx, &ms.Audit)
	if err := k.Memberships.Set(ctx, pairKey(c.Id, addr), ms); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventMemberRolesChanged{CommunityId: c.Id, Address: msg.Address, Roles: roles})
}

// UpdateProfile lets a member replace their own profile: URI and declared
// attributes.
func (k *Keeper) UpdateProfile(ctx context.Context, msg *types.MsgUpdateProfile) error {
	addr, err := k.parseAddr("member", msg.Member)
	if err != nil {
		return err
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := types.ValidateText("profile_uri", msg.ProfileUri, params.MaxUriLength, false); err != nil {
		return err
	}
	attrs, err := types.NormalizeAttributes(msg.Attributes)
	if err != nil {
		return err
	}
	m, err := k.Members.Get(ctx, addr)
	if err != nil {
		return notFound(err, types.ErrMemberNotFound, "%s", msg.Member)
	}
	m.ProfileUri, m.Attributes = msg.ProfileUri, attrs
	touch(ctx, &m.Audit)
	if err := k.Members.Set(ctx, addr, m); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventMemberProfileUpdated{Address: msg.Member, ProfileUri: msg.ProfileUri, Attributes: attrs})
}

// ensureMember returns the member record, creating it with the given
// attributes. For an existing member, given attributes must match what is on
// record (or fill a blank): one person has one region and stakeholder type.
func (k *Keeper) ensureMember(ctx context.Context, addr sdk.AccAddress, st types.StakeholderType, region types.Region, profile string) (types.Member, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return types.Member{}, err
	}
	if err := types.ValidateStakeholderType(st); err != nil {
		return types.Member{}, err
	}
	if err := types.ValidateRegion(region, true); err != nil {
		return types.Member{}, err
	}
	if err := types.ValidateText("profile_uri", profile, params.MaxUriLength, false); err != nil {
		return types.Member{}, err
	}
	m, err := k.Members.Get(ctx, addr)
	if err := collutil.NotFoundOK(err); err != nil {
		return m, err
	}
	if m.Address == "" {
		m = types.Member{Address: addr.String(), StakeholderType: st, Region: region, ProfileUri: profile, Audit: newAudit(ctx)}
		return m, k.Members.Set(ctx, addr, m)
	}
	changed := false
	if st != types.StakeholderUnspecified && st != m.StakeholderType {
		if m.StakeholderType != types.StakeholderUnspecified {
			return m, types.ErrAttributeConflict.Wrapf("%s is on record as %s, not %s", m.Address, m.StakeholderType, st)
		}
		m.StakeholderType, changed = st, true
	}
	if region != types.RegionUnspecified && region != m.Region {
		if m.Region != types.RegionUnspecified {
			return m, types.ErrAttributeConflict.Wrapf("%s is on record in %s, not %s", m.Address, m.Region, region)
		}
		m.Region, changed = region, true
	}
	if !changed {
		return m, nil
	}
	touch(ctx, &m.Audit)
	return m, k.Members.Set(ctx, addr, m)
}
