package keeper

import (
	"context"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// GetSeat returns a seat or ErrSeatNotFound.
func (k *Keeper) GetSeat(ctx context.Context, id uint64) (types.BoardSeat, error) {
	s, err := k.Seats.Get(ctx, id)
	if err != nil {
		return s, notFound(err, types.ErrSeatNotFound, "seat %d", id)
	}
	return s, nil
}

// communitySeats returns a community's seats in id order; a community has at
// most 64 (two kinds, 32 each), so this is bounded.
func (k *Keeper) communitySeats(ctx context.Context, communityID string) ([]types.BoardSeat, error) {
	iter, err := k.Seats.Indexes.Community.MatchExact(ctx, communityID)
	if err != nil {
		return nil, err
	}
	ids, err := iter.PrimaryKeys()
	if err != nil {
		return nil, err
	}
	seats := make([]types.BoardSeat, 0, len(ids))
	for _, id := range ids {
		s, err := k.Seats.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		seats = append(seats, s)
	}
	return seats, nil
}

// reconcileSeats creates vacant seats or retires vacant ones so that the
// community's active seats match the new allocation. Occupied seats are never
// retired: the allocation change fails until they are vacated.
func (k *Keeper) reconcileSeats(ctx context.Context, communityID string, _, want types.SeatAllocation) error {
	seats, err := k.communitySeats(ctx, communityID)
	if err != nil {
		return err
	}
	for _, voting := range []bool{true, false} {
		target := want.LiaisonBoardSeats
		if voting {
			target = want.VotingBoardSeats
		}
		var active []types.BoardSeat
		for _, s := range seats {
			if !s.Retired && s.Voting == voting {
				active = append(active, s)
			}
		}
		for n := uint32(len(active)); n < target; n++ {
			if err := k.createSeat(ctx, communityID, voting); err != nil {
				return err
			}
		}
		// retire vacant seats, newest first, so long-standing seat ids stay stable
		excess := len(active) - int(target)
		for i := len(active) - 1; i >= 0 && excess > 0; i-- {
			if active[i].Holder != "" {
				continue
			}
			if err := k.retireSeat(ctx, active[i]); err != nil {
				return err
			}
			excess--
		}
		if excess > 0 {
			return types.ErrSeatOccupied.Wrapf("%s would keep fewer seats than it has directors; vacate %d seat(s) first", communityID, excess)
		}
	}
	return nil
}

func (k *Keeper) createSeat(ctx context.Context, communityID string, voting bool) error {
	id, err := k.SeatID.Next(ctx)
	if err != nil {
		return err
	}
	seat := types.BoardSeat{Id: id, AppointingCommunity: communityID, Voting: voting, Audit: newAudit(ctx)}
	if err := k.Seats.Set(ctx, id, seat); err != nil {
		return err
	}
	if voting {
		if err := k.addVotingSeats(ctx, 1); err != nil {
			return err
		}
	}
	return k.emit(ctx, &types.EventSeatCreated{SeatId: id, AppointingCommunity: communityID, Voting: voting})
}

func (k *Keeper) retireSeat(ctx context.Context, seat types.BoardSeat) error {
	if seat.Holder != "" {
		return types.ErrSeatOccupied.Wrapf("seat %d is held by %s; vacate it before reducing the allocation", seat.Id, seat.Holder)
	}
	seat.Retired = true
	touch(ctx, &seat.Audit)
	if err := k.Seats.Set(ctx, seat.Id, seat); err != nil {
		return err
	}
	if seat.Voting {
		if err := k.addVotingSeats(ctx, -1); err != nil {
			return err
		}
	}
	return k.emit(ctx, &types.EventSeatRetired{SeatId: seat.Id, AppointingCommunity: seat.AppointingCommunity})
}

func (k *Keeper) addVotingSeats(ctx context.Context, delta int) error {
	n, err := k.VotingSeats.Get(ctx)
	if err != nil && collutil.NotFoundOK(err) != nil {
		return err
	}
	if delta < 0 && n == 0 {
		return nil
	}
	return k.VotingSeats.Set(ctx, uint32(int(n)+delta))
}

// regionCount returns the number of voting directors from a region.
func (k *Keeper) regionCount(ctx context.Context, r types.Region) (uint32, error) {
	n, err := k.RegionCounts.Get(ctx, int32(r))
	if err != nil {
		return 0, collutil.NotFoundOK(err)
	}
	return n, nil
}

func (k *Keeper) addRegion(ctx context.Context, r types.Region, delta int) error {
	n, err := k.regionCount(ctx, r)
	if err != nil {
		return err
	}
	if delta < 0 && n == 0 {
		return nil
	}
	return k.RegionCounts.Set(ctx, int32(r), uint32(int(n)+delta))
}

// AllSeats lists every Board seat in id order; seats are bounded by the
// communities' allocations.
func (k *Keeper) AllSeats(ctx context.Context) ([]types.BoardSeat, error) {
	iter, err := k.Seats.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	return iter.Values()
}
