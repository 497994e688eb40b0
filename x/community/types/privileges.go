package types

// CheckPrivileges checks that a community may hold the named privileges:
// advice deference and carve-out eligibility belong to advisory communities
// (their advice is what they concern), and the carve-out to a decisional
// participant (it removes one from Empowered Community actions).
func CheckPrivileges(kind CommunityKind, decisional, deference, carveOut bool) error {
	if (deference || carveOut) && kind != KindAdvisory {
		return ErrInvalidPrivilege.Wrapf("a %s community gives no advice: advice deference and the carve-out are for advisory communities", kind)
	}
	if carveOut && !decisional {
		return ErrInvalidPrivilege.Wrap("the carve-out applies to decisional participants only")
	}
	return nil
}
