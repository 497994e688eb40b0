package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/x/community/types"
)

// One community appointing members into another (ICANN: the NomCom into the
// GNSO, ccNSO and ALAC councils) is an allowance on the appointer's record
// (Community.appointments, set by the constitution or a ratified proposal)
// and a membership that names its appointer. The checks and balances:
//   - only the appointer's motion fills an allowance, never beyond its voting
//     and non-voting seats; a community with no allowance is refused;
//   - the target's own motion does not remove an appointee or change its
//     vote (MsgRemoveMember, MsgSetMemberVoting are refused): the appointer's
//     motion or a ratified proposal removes it (MsgRemoveAppointee), or the
//     appointee resigns;
//   - the target still admits, removes and elects roles for its own members,
//     and elects roles (a chair, say) among appointees as among anyone;
//   - an allowance cannot be lowered below, or its target dropped while, the
//     appointees it placed are in office.

// SetAppointments replaces what a community may appoint into others
// (governance authority, checked by the caller).
func (k *Keeper) SetAppointments(ctx context.Context, communityID string, appointments []types.Appointment) error {
	c, err := k.GetCommunity(ctx, communityID)
	if err != nil {
		return err
	}
	if err := types.ValidateAppointments(c.Id, appointments); err != nil {
		return err
	}
	for _, a := range appointments {
		if _, err := k.GetCommunity(ctx, a.IntoCommunityId); err != nil {
			return types.ErrInvalidAppointment.Wrapf("into %s: %v", a.IntoCommunityId, err)
		}
	}
	// appointees in office must fit what is left
	for _, old := range c.Appointments {
		next, _ := types.FindAppointment(appointments, old.IntoCommunityId)
		voting, nonVoting, err := k.appointees(ctx, c.Id, old.IntoCommunityId)
		if err != nil {
			return err
		}
		if uint32(len(voting)) > next.VotingSeats || uint32(len(nonVoting)) > next.NonVotingSeats {
			return types.ErrHasDependents.Wrapf("%s has %d voting and %d non-voting appointees in %s; the allowance would be %d and %d: remove them first",
				c.Id, len(voting), len(nonVoting), old.IntoCommunityId, next.VotingSeats, next.NonVotingSeats)
		}
	}
	c.Appointments = appointments
	touch(ctx, &c.Audit)
	if err := k.Communities.Set(ctx, c.Id, c); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventAppointmentsChanged{CommunityId: c.Id, Appointments: appointments})
}

// AppointMember places a member into another community by the appointer's
// motion, within its allowance.
func (k *Keeper) AppointMember(ctx context.Context, msg *types.MsgAppointMember) error {
	if err := k.requireBodyAuthority(msg.AppointerId, msg.Authority); err != nil {
		return err
	}
	appointer, err := k.GetCommunity(ctx, msg.AppointerId)
	if err != nil {
		return err
	}
	target, err := k.GetCommunity(ctx, msg.CommunityId)
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
	allowance, ok := types.FindAppointment(appointer.Appointments, target.Id)
	if !ok {
		return types.ErrNoAppointment.Wrapf("%s appoints no members into %s", appointer.Id, target.Id)
	}
	voting, nonVoting, err := k.appointees(ctx, appointer.Id, target.Id)
	if err != nil {
		return err
	}
	seats, filled, kind := allowance.VotingSeats, len(voting), "voting"
	if msg.NonVoting {
		seats, filled, kind = allowance.NonVotingSeats, len(nonVoting), "non-voting"
	}
	if uint32(filled) >= seats {
		return types.ErrLimitReached.Wrapf("%s has filled %d of its %d %s seats in %s", appointer.Id, filled, seats, kind, target.Id)
	}
	weight, err := memberWeight(msg.NonVoting, 0)
	if err != nil {
		return err
	}
	ms := types.Membership{
		CommunityId: target.Id, Address: msg.Address, Roles: roles, Weight: weight, NonVoting: msg.NonVoting, AppointedBy: appointer.Id,
	}
	return k.admit(ctx, target, addr, ms, msg.StakeholderType, msg.Region, msg.ProfileUri)
}

// RemoveAppointee removes a member the appointer placed, by the appointer's
// motion or a ratified proposal (the governance authority, checked by the
// caller when authority is not the appointer's body).
func (k *Keeper) RemoveAppointee(ctx context.Context, msg *types.MsgRemoveAppointee, governance bool) error {
	if !governance {
		if err := k.requireBodyAuthority(msg.AppointerId, msg.Authority); err != nil {
			return err
		}
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := types.ValidateText("reason", msg.Reason, params.MaxReasonLength, false); err != nil {
		return err
	}
	if _, err := k.GetCommunity(ctx, msg.AppointerId); err != nil {
		return err
	}
	return k.leave(ctx, msg.CommunityId, msg.Address, msg.Reason, false, func(ms types.Membership) error {
		if ms.AppointedBy != msg.AppointerId {
			return types.ErrNotMember.Wrapf("%s was not appointed into %s by %s", msg.Address, ms.CommunityId, msg.AppointerId)
		}
		return nil
	})
}

// appointees lists the members an appointer has in office in one community,
// voting and non-voting. The walk is bounded by the allowance's seats (the
// index holds no more than were appointed under it).
func (k *Keeper) appointees(ctx context.Context, appointer, target string) (voting, nonVoting []string, err error) {
	rng := collections.NewSuperPrefixedTripleRange[string, string, sdk.AccAddress](appointer, target)
	iter, err := k.Appointees.Iterate(ctx, rng)
	if err != nil {
		return nil, nil, err
	}
	keys, err := iter.Keys()
	if err != nil {
		return nil, nil, err
	}
	for _, key := range keys {
		ms, err := k.Memberships.Get(ctx, pairKey(target, key.K3()))
		if err != nil {
			return nil, nil, err
		}
		if ms.NonVoting {
			nonVoting = append(nonVoting, ms.Address)
		} else {
			voting = append(voting, ms.Address)
		}
	}
	return voting, nonVoting, nil
}
