package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/polity-chain/polity/internal/collutil"
	"github.com/polity-chain/polity/x/community/types"
)

// AppointDirector fills a vacant seat for one term, enforcing the Board bylaws:
// one seat per person, term limits, the regional cap and full-board coverage,
// and no director speaking for a community other than the appointing one.
// An ex-officio seat is filled by the Board's own motion (its appointing body
// is "board"), and by nothing else: no community, not governance.
func (k *Keeper) AppointDirector(ctx context.Context, msg *types.MsgAppointDirector) error {
	seat, err := k.GetSeat(ctx, msg.SeatId)
	if err != nil {
		return err
	}
	if err := k.requireSeatAppointer(seat, msg.Authority); err != nil {
		return err
	}
	addr, err := k.parseAddr("director", msg.Director)
	if err != nil {
		return err
	}
	if seat.Retired {
		return types.ErrSeatRetired.Wrapf("seat %d", seat.Id)
	}
	if seat.Holder != "" {
		return types.ErrSeatOccupied.Wrapf("seat %d is held by %s", seat.Id, seat.Holder)
	}
	if held, err := k.SeatHolders.Has(ctx, addr); err != nil || held {
		return firstErr(err, types.ErrOneSeatPerPerson.Wrapf("%s", msg.Director))
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	member, err := k.ensureMember(ctx, addr, msg.StakeholderType, msg.Region, "")
	if err != nil {
		return err
	}
	if other, err := k.Representing.Get(ctx, addr); err == nil && other != seat.AppointingCommunity {
		return types.ErrRepresentsOther.Wrapf("%s represents %s and cannot take a seat appointed by %s", msg.Director, other, seat.AppointingCommunity)
	} else if collutil.NotFoundOK(err) != nil {
		return err
	}
	now := sdk.UnwrapSDKContext(ctx).HeaderInfo().Time
	termEnd := now.Add(params.Board.TermDuration)
	record, err := k.nextTerm(ctx, addr, now, termEnd, params.Board)
	if err != nil {
		return err
	}
	// a seat outside the regional cap is outside the regional rules: its
	// holder needs no region and does not count (types.CountsTowardRegions)
	if seat.CountsTowardRegions() {
		if err := k.checkRegionRoom(ctx, member.Region, params.Board); err != nil {
			return err
		}
	}

	seat.Holder, seat.TermStart, seat.TermEnd = msg.Director, now, termEnd
	seat.AppointedHeight = sdk.UnwrapSDKContext(ctx).BlockHeight()
	touch(ctx, &seat.Audit)
	if err := k.occupySeat(ctx, seat, addr, member.Region); err != nil {
		return err
	}
	if err := k.storeDirector(ctx, addr, record); err != nil {
		return err
	}
	if err := k.checkBoardCoverage(ctx); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventDirectorAppointed{
		SeatId: seat.Id, Director: msg.Director, AppointingCommunity: seat.AppointingCommunity,
		Voting: seat.Voting, TermEnd: termEnd,
	})
}

// occupySeat writes an appointment: the seat, the holder index, the expiry
// queue, the region count and the Board electorate. The director's record is
// the caller's: an appointment stamps and saves it, while genesis import has
// already restored it exactly.
func (k *Keeper) occupySeat(ctx context.Context, seat types.BoardSeat, addr sdk.AccAddress, region types.Region) error {
	if err := k.Seats.Set(ctx, seat.Id, seat); err != nil {
		return err
	}
	if err := k.SeatHolders.Set(ctx, addr, seat.Id); err != nil {
		return err
	}
	if err := k.SeatExpiry.Set(ctx, expiryKey(seat)); err != nil {
		return err
	}
	weight := uint64(0)
	if seat.Voting {
		weight = 1
	}
	if seat.CountsTowardRegions() {
		if err := k.addRegion(ctx, region, 1); err != nil {
			return err
		}
	}
	return k.changeElectorate(ctx, types.BoardBodyID, weight, false)
}

// nextTerm applies the term limit: a term counts as consecutive unless the
// person has been off the Board for the cooling-off period.
func (k *Keeper) nextTerm(ctx context.Context, addr sdk.AccAddress, now, termEnd time.Time, rules types.BoardRules) (types.DirectorRecord, error) {
	record, err := k.Directors.Get(ctx, addr)
	if errors.Is(err, collections.ErrNotFound) {
		record.Audit = newAudit(ctx) // the person's first appointment
	} else if err != nil {
		return record, err
	}
	record.Address = addr.String()
	if record.TotalTerms > 0 && now.Sub(record.LastTermEnd) < rules.CoolingOffPeriod {
		record.ConsecutiveTerms++
	} else {
		record.ConsecutiveTerms = 1
	}
	if record.ConsecutiveTerms > rules.MaxConsecutiveTerms {
		return record, types.ErrTermLimit.Wrapf("%s has served %d consecutive terms (limit %d)", record.Address, record.ConsecutiveTerms-1, rules.MaxConsecutiveTerms)
	}
	record.TotalTerms++
	record.LastTermEnd = termEnd
	return record, nil
}

// checkRegionRoom enforces the cap on voting directors from one region; a
// voting director must have a region.
func (k *Keeper) checkRegionRoom(ctx context.Context, region types.Region, rules types.BoardRules) error {
	if region == types.RegionUnspecified {
		return types.ErrInvalidAttribute.Wrap("a voting director must have a region")
	}
	n, err := k.regionCount(ctx, region)
	if err != nil {
		return err
	}
	if n >= rules.MaxVotingDirectorsPerRegion {
		return types.ErrRegionalDiversity.Wrapf("%s already has %d voting directors (limit %d)", region, n, rules.MaxVotingDirectorsPerRegion)
	}
	return nil
}

// checkBoardCoverage enforces that once every voting seat is filled, each
// region has at least one voting director.
func (k *Keeper) checkBoardCoverage(ctx context.Context) error {
	stats, err := k.GetBodyStats(ctx, types.BoardBodyID)
	if err != nil {
		return err
	}
	seats, err := k.VotingSeats.Get(ctx)
	if err := collutil.NotFoundOK(err); err != nil {
		return err
	}
	full := seats > 0 && stats.TotalWeight >= uint64(seats)
	var lookupErr error
	err = types.CheckRegionalCoverage(full, func(r types.Region) uint32 {
		n, err := k.regionCount(ctx, r)
		if err != nil {
			lookupErr = err
		}
		return n
	})
	return firstErr(lookupErr, err)
}

// VacateSeat ends a director's term early, by the appointing community's
// motion, the governance authority or the Empowered Community.
func (k *Keeper) VacateSeat(ctx context.Context, msg *types.MsgVacateSeat) error {
	seat, err := k.GetSeat(ctx, msg.SeatId)
	if err != nil {
		return err
	}
	// Only the appointing community (by its motion, which needs 3/4 of its
	// members: motion_thresholds) or the Empowered Community (removal of a
	// NomCom director, recall) ends a term early; a director may resign. Not
	// governance: a Board majority's resolution must not unseat the directors
	// other bodies appointed. An ex-officio seat's appointing body is the
	// Board, so a Board motion removes its holder, and the recall still does.
	if msg.Authority != k.auth.Empowered {
		if err := k.requireSeatAppointer(seat, msg.Authority); err != nil {
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
	if seat.Holder == "" {
		return types.ErrSeatVacant.Wrapf("seat %d", seat.Id)
	}
	return k.vacate(ctx, seat, msg.Reason)
}

// vacate empties a held seat and undoes everything occupySeat wrote.
func (k *Keeper) vacate(ctx context.Context, seat types.BoardSeat, reason string) error {
	holder := seat.Holder
	addr, err := k.parseAddr("holder", holder)
	if err != nil {
		return err
	}
	if err := k.SeatExpiry.Remove(ctx, expiryKey(seat)); err != nil {
		return err
	}
	if err := k.SeatHolders.Remove(ctx, addr); err != nil {
		return err
	}
	now := sdk.UnwrapSDKContext(ctx).HeaderInfo().Time
	if record, err := k.Directors.Get(ctx, addr); err == nil && now.Before(record.LastTermEnd) {
		record.LastTermEnd = now
		if err := k.storeDirector(ctx, addr, record); err != nil {
			return err
		}
	} else if collutil.NotFoundOK(err) != nil {
		return err
	}
	weight := uint64(0)
	if seat.Voting {
		weight = 1
	}
	if seat.CountsTowardRegions() {
		member, err := k.Members.Get(ctx, addr)
		if err != nil {
			return err
		}
		if err := k.addRegion(ctx, member.Region, -1); err != nil {
			return err
		}
	}
	if err := k.changeElectorate(ctx, types.BoardBodyID, weight, true); err != nil {
		return err
	}
	if err := k.releaseChair(ctx, holder); err != nil {
		return err
	}
	seat.Holder = ""
	touch(ctx, &seat.Audit)
	if err := k.Seats.Set(ctx, seat.Id, seat); err != nil {
		return err
	}
	return k.emit(ctx, &types.EventSeatVacated{SeatId: seat.Id, FormerHolder: holder, AppointingCommunity: seat.AppointingCommunity, Reason: reason})
}

// requireSeatAppointer checks that authority is the body that fills the
// seat: the appointing community's motion, or for an ex-officio seat the
// Board's own motion (the Board body's address, which only a passed Board
// motion signs as). Genesis validation and the board invariant keep the
// flag and the appointing body ("board") in agreement.
func (k *Keeper) requireSeatAppointer(seat types.BoardSeat, authority string) error {
	if seat.ExOfficio && authority != k.auth.Board {
		return types.ErrUnauthorized.Wrapf("seat %d is ex officio: only a motion of the Board (signer %s) fills or empties it, got %s", seat.Id, k.auth.Board, authority)
	}
	return k.requireBodyAuthority(seat.AppointingCommunity, authority)
}

func expiryKey(seat types.BoardSeat) collutil.QueueKey {
	return collutil.At(seat.TermEnd, seat.Id)
}
