package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"cosmossdk.io/collections"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// HasStanding reports whether an account holds a role on the chain: a
// membership in any community, a Board seat, or an active validator it
// operates. The permission ante decorator lets such accounts send any message
// (each handler still checks what their role allows); everyone else may only
// use the open door. Membership and seat are point reads; only an account
// with neither has its validators looked up.
func (k *Keeper) HasStanding(ctx context.Context, addr sdk.AccAddress) (bool, error) {
	if member, err := k.IsMember(ctx, addr); err != nil || member {
		return member, err
	}
	if seated, err := k.SeatHolders.Has(ctx, addr); err != nil || seated {
		return seated, err
	}
	ops, err := k.Validators.Indexes.Operator.MatchExact(ctx, addr)
	if err != nil {
		return false, err
	}
	keys, err := ops.PrimaryKeys()
	if err != nil {
		return false, err
	}
	for _, key := range keys {
		v, err := k.Validators.Get(ctx, key)
		if err != nil {
			return false, err
		}
		if v.HoldsPower() {
			return true, nil
		}
	}
	return false, nil
}

// OpenDoorMinFee is the least fee an account without standing must pay.
func (k *Keeper) OpenDoorMinFee(ctx context.Context) (sdk.Coins, error) {
	p, err := k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	return p.OpenDoorMinFee, nil
}

// BoardSeatOf returns the Board seat an account holds, if any.
func (k *Keeper) BoardSeatOf(ctx context.Context, addr sdk.AccAddress) (types.BoardSeat, bool, error) {
	id, err := k.SeatHolders.Get(ctx, addr)
	if err != nil {
		return types.BoardSeat{}, false, collutil.NotFoundOK(err)
	}
	seat, err := k.Seats.Get(ctx, id)
	return seat, err == nil, err
}

// NextCommunity returns the community after id in id order, wrapping around
// to the first; ok is false when there are no communities. It reads at most
// two entries.
func (k *Keeper) NextCommunity(ctx context.Context, after string) (string, bool, error) {
	// an untyped nil Ranger iterates everything; a nil *Range would not do
	var rng collections.Ranger[string]
	if after != "" {
		rng = new(collections.Range[string]).StartExclusive(after)
	}
	for _, r := range []collections.Ranger[string]{rng, nil} {
		iter, err := k.Communities.Iterate(ctx, r)
		if err != nil {
			return "", false, err
		}
		valid := iter.Valid()
		var id string
		if valid {
			id, err = iter.Key()
		}
		iter.Close()
		if err != nil {
			return "", false, err
		}
		if valid {
			return id, true, nil
		}
	}
	return "", false, nil
}

// DecisionalParticipants lists the communities flagged as decisional
// participants of the Empowered Community, in id order (at most
// max_communities are scanned).
func (k *Keeper) DecisionalParticipants(ctx context.Context) ([]types.Community, error) {
	iter, err := k.Communities.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	all, err := iter.Values()
	if err != nil {
		return nil, err
	}
	var out []types.Community
	for _, c := range all {
		if c.DecisionalParticipant {
			out = append(out, c)
		}
	}
	return out, nil
}

// HasRole reports whether an account holds a role in a community.
func (k *Keeper) HasRole(ctx context.Context, communityID string, addr sdk.AccAddress, role types.Role) (bool, error) {
	return k.RoleHolders.Has(ctx, collections.Join3(communityID, int32(role), addr))
}

// BoardQuorate reports whether at least half the voting seats are filled.
// Below that (after a recall, say) the Board is a caretaker: x/proposals then
// accepts only resolutions and technical proposals.
func (k *Keeper) BoardQuorate(ctx context.Context) (bool, error) {
	stats, err := k.GetBodyStats(ctx, types.BoardBodyID)
	if err != nil {
		return false, err
	}
	seats, err := k.VotingSeats.Get(ctx)
	if err := collutil.NotFoundOK(err); err != nil {
		return false, err
	}
	return stats.TotalWeight*2 >= uint64(seats), nil
}
