package types

// HoldsPower reports whether a validator's power counts toward its
// community's share and the 1/3 cap: while active, and while suspended for a
// double-sign until its community's motion removes or replaces it.
func (v Validator) HoldsPower() bool {
	return v.Status == ValidatorActive || v.Status == ValidatorSuspended
}
