package types

import "fmt"

// CountsTowardRegions reports whether a seat's holder counts in the regional
// rules of the Board: the cap on voting directors per region and the
// coverage of every region once the Board is full. Liaisons never count; a
// voting seat outside the regional cap (ICANN's President and CEO: "the
// President excluded") counts toward neither, since both rules describe the
// directors the appointing bodies choose, not an office the Board fills.
func (s BoardSeat) CountsTowardRegions() bool {
	return s.Voting && !s.OutsideRegionalCap
}

// ValidateSeatShape checks the flags of a seat against each other: an
// ex-officio seat is appointed by the Board's own body and only it is; only
// a voting seat can be outside the regional cap (liaisons are never counted).
func ValidateSeatShape(s BoardSeat) error {
	switch {
	case s.ExOfficio && s.AppointingCommunity != BoardBodyID:
		return fmt.Errorf("seat %d is ex officio: its appointing body must be %q, not %q", s.Id, BoardBodyID, s.AppointingCommunity)
	case !s.ExOfficio && s.AppointingCommunity == BoardBodyID:
		return fmt.Errorf("seat %d is appointed by the Board itself but not ex officio", s.Id)
	case s.OutsideRegionalCap && !s.Voting:
		return fmt.Errorf("seat %d is a liaison seat: only voting seats can be outside the regional cap", s.Id)
	}
	return nil
}
