package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// addMembership stores a new membership, counts it for its address and, for
// an appointee, indexes it under its appointer.
func (k *Keeper) addMembership(ctx context.Context, addr sdk.AccAddress, ms types.Membership) error {
	if err := k.Memberships.Set(ctx, pairKey(ms.CommunityId, addr), ms); err != nil {
		return err
	}
	if ms.AppointedBy != "" {
		if err := k.Appointees.Set(ctx, collections.Join3(ms.AppointedBy, ms.CommunityId, addr)); err != nil {
			return err
		}
	}
	return k.countMembership(ctx, addr)
}

// countMembership adds one to an address's membership count.
func (k *Keeper) countMembership(ctx context.Context, addr sdk.AccAddress) error {
	n, err := k.MembershipCount.Get(ctx, addr)
	if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	return k.MembershipCount.Set(ctx, addr, n+1)
}

// removeMembership deletes a membership and uncounts it (an address with
// none left has no count); an appointee leaves its appointer's index.
func (k *Keeper) removeMembership(ctx context.Context, ms types.Membership, addr sdk.AccAddress) error {
	if err := k.Memberships.Remove(ctx, pairKey(ms.CommunityId, addr)); err != nil {
		return err
	}
	if ms.AppointedBy != "" {
		if err := k.Appointees.Remove(ctx, collections.Join3(ms.AppointedBy, ms.CommunityId, addr)); err != nil {
			return err
		}
	}
	n, err := k.MembershipCount.Get(ctx, addr)
	if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	if n <= 1 {
		return k.MembershipCount.Remove(ctx, addr)
	}
	return k.MembershipCount.Set(ctx, addr, n-1)
}

// IsMember reports whether an account is a member of any community: one point
// read, as the permission check of every transaction needs.
func (k *Keeper) IsMember(ctx context.Context, addr sdk.AccAddress) (bool, error) {
	return k.MembershipCount.Has(ctx, addr)
}
