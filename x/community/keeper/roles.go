package keeper

import (
	"context"
	"slices"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// applyRoles moves a member from old to new roles in a community, enforcing the
// role rules: one chair per community, NomCom delegates within the allocation,
// and a person representing at most one community (a director counts as
// representing the community that appointed them).
func (k *Keeper) applyRoles(ctx context.Context, c types.Community, addr sdk.AccAddress, old, new []types.Role) error {
	for _, r := range new {
		if slices.Contains(old, r) {
			continue
		}
		switch r {
		case types.RoleChair:
			if n, err := k.countRole(ctx, c.Id, r); err != nil || n > 0 {
				return firstErr(err, types.ErrRoleTaken.Wrapf("%s already has a chair; elect the new chair and release the old in one motion", c.Id))
			}
		case types.RoleNomComDelegate:
			if n, err := k.countRole(ctx, c.Id, r); err != nil || n >= c.Seats.NomcomDelegates {
				return firstErr(err, types.ErrRoleLimit.Wrapf("%s may designate %d NomCom delegates", c.Id, c.Seats.NomcomDelegates))
			}
		}
		if err := k.RoleHolders.Set(ctx, collections.Join3(c.Id, int32(r), addr)); err != nil {
			return err
		}
	}
	for _, r := range old {
		if !slices.Contains(new, r) {
			if err := k.RoleHolders.Remove(ctx, collections.Join3(c.Id, int32(r), addr)); err != nil {
				return err
			}
		}
	}
	return k.updateRepresentation(ctx, c.Id, addr, types.Represents(new))
}

// updateRepresentation records or releases the community a person speaks for.
func (k *Keeper) updateRepresentation(ctx context.Context, communityID string, addr sdk.AccAddress, represents bool) error {
	current, err := k.Representing.Get(ctx, addr)
	if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	if !represents {
		if current == communityID {
			return k.Representing.Remove(ctx, addr)
		}
		return nil
	}
	if current != "" && current != communityID {
		return types.ErrRepresentsOther.Wrapf("%s already represents %s", addr, current)
	}
	if seatID, err := k.SeatHolders.Get(ctx, addr); err == nil {
		seat, err := k.Seats.Get(ctx, seatID)
		if err != nil {
			return err
		}
		if seat.AppointingCommunity != communityID {
			return types.ErrRepresentsOther.Wrapf("%s holds board seat %d appointed by %s", addr, seat.Id, seat.AppointingCommunity)
		}
	} else if collutil.NotFoundOK(err) != nil {
		return err
	}
	return k.Representing.Set(ctx, addr, communityID)
}

// countRole counts the holders of a role in a community. It is only used for
// roles whose holders are capped (chair, NomCom delegates), so it is bounded.
func (k *Keeper) countRole(ctx context.Context, communityID string, role types.Role) (uint32, error) {
	rng := collections.NewSuperPrefixedTripleRange[string, int32, sdk.AccAddress](communityID, int32(role))
	iter, err := k.RoleHolders.Iterate(ctx, rng)
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
