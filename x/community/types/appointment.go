package types

// MaxAppointments bounds how many communities one community appoints into,
// and MaxAppointmentSeats the seats of one allowance, so that the cap check
// of an appointment reads a bounded number of records.
const (
	MaxAppointments     = 16
	MaxAppointmentSeats = 64
)

// ValidateAppointments checks an appointer's allowances on their own: each
// names another community once, with at least one seat and no more than
// MaxAppointmentSeats of each kind. Whether the targets exist is the
// caller's to check against its store or genesis.
func ValidateAppointments(appointer string, appointments []Appointment) error {
	if len(appointments) > MaxAppointments {
		return ErrInvalidAppointment.Wrapf("%d allowances, at most %d", len(appointments), MaxAppointments)
	}
	seen := map[string]bool{}
	for _, a := range appointments {
		if err := ValidateCommunityID(a.IntoCommunityId); err != nil {
			return ErrInvalidAppointment.Wrapf("into: %v", err)
		}
		if a.IntoCommunityId == appointer {
			return ErrInvalidAppointment.Wrapf("%s cannot appoint into itself: it admits its own members", appointer)
		}
		if seen[a.IntoCommunityId] {
			return ErrInvalidAppointment.Wrapf("%s listed twice", a.IntoCommunityId)
		}
		seen[a.IntoCommunityId] = true
		if a.VotingSeats+a.NonVotingSeats == 0 {
			return ErrInvalidAppointment.Wrapf("into %s: no seats", a.IntoCommunityId)
		}
		if a.VotingSeats > MaxAppointmentSeats || a.NonVotingSeats > MaxAppointmentSeats {
			return ErrInvalidAppointment.Wrapf("into %s: at most %d seats of each kind", a.IntoCommunityId, MaxAppointmentSeats)
		}
	}
	return nil
}

// FindAppointment returns the allowance into a community (zero seats and
// ok=false when there is none).
func FindAppointment(appointments []Appointment, into string) (Appointment, bool) {
	for _, a := range appointments {
		if a.IntoCommunityId == into {
			return a, true
		}
	}
	return Appointment{IntoCommunityId: into}, false
}
