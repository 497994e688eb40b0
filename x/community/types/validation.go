package types

import (
	"encoding/hex"
	"regexp"
	"slices"
)

// idPattern is the shape of community and body ids: short lower-case slugs that
// read well in URLs and CLI arguments.
var idPattern = regexp.MustCompile(`^[a-z][a-z0-9-]{1,31}$`)

// reservedIDs are body ids held back for the Board, the Empowered Community
// and the offices of x/proposals and x/review, so no community can take them.
var reservedIDs = []string{BoardBodyID, EmpoweredBodyID, "governance", "panel", "ombudsman"}

// ValidateID checks a community or body id.
func ValidateID(id string) error {
	if !idPattern.MatchString(id) {
		return ErrInvalidID.Wrapf("%q: want 2-32 characters of a-z, 0-9 and '-', starting with a letter", id)
	}
	return nil
}

// ValidateCommunityID checks an id for a new community, which may not be reserved.
func ValidateCommunityID(id string) error {
	if err := ValidateID(id); err != nil {
		return err
	}
	if slices.Contains(reservedIDs, id) {
		return ErrInvalidID.Wrapf("%q is reserved", id)
	}
	return nil
}

// ValidateText checks a free-text field against its limit; required fields may
// not be empty.
func ValidateText(field, value string, limit uint32, required bool) error {
	if required && value == "" {
		return ErrRequired.Wrap(field)
	}
	if uint64(len(value)) > uint64(limit) {
		return ErrTextTooLong.Wrapf("%s is %d bytes, limit %d", field, len(value), limit)
	}
	return nil
}

// Validate checks a document: a SHA-256 hex hash and a URI within the limit.
func (d Document) Validate(maxURI uint32) error {
	raw, err := hex.DecodeString(d.Hash)
	if err != nil || len(raw) != 32 || d.Hash != hex.EncodeToString(raw) {
		return ErrInvalidDocument.Wrapf("hash %q must be 64 lower-case hex characters (SHA-256)", d.Hash)
	}
	if d.Uri == "" {
		return ErrInvalidDocument.Wrap("uri is required")
	}
	if uint64(len(d.Uri)) > uint64(maxURI) {
		return ErrInvalidDocument.Wrapf("uri is %d bytes, limit %d", len(d.Uri), maxURI)
	}
	return nil
}

// NormalizeRoles validates roles and returns them sorted and unique, with
// ROLE_MEMBER always present.
func NormalizeRoles(roles []Role) ([]Role, error) {
	out := []Role{RoleMember}
	for _, r := range roles {
		if _, known := Role_name[int32(r)]; !known || r == RoleUnspecified {
			return nil, ErrInvalidRoles.Wrapf("unknown role %d", r)
		}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	slices.Sort(out)
	return out, nil
}

// RepresentativeRoles are the roles through which a person speaks for a
// community; a person may hold them for one community at a time.
var RepresentativeRoles = []Role{RoleChair, RoleRepresentative, RoleLiaison, RoleNomComDelegate}

// Represents reports whether the roles include a representative role.
func Represents(roles []Role) bool {
	for _, r := range roles {
		if slices.Contains(RepresentativeRoles, r) {
			return true
		}
	}
	return false
}

// ValidateKind checks a community kind.
func ValidateKind(kind CommunityKind) error {
	if _, ok := CommunityKind_name[int32(kind)]; !ok || kind == KindUnspecified {
		return ErrInvalidKind.Wrapf("%d", kind)
	}
	return nil
}

// ValidateRegion checks a region; unspecified is allowed only when optional.
func ValidateRegion(r Region, optional bool) error {
	if _, ok := Region_name[int32(r)]; !ok || (!optional && r == RegionUnspecified) {
		return ErrInvalidAttribute.Wrapf("region %d", r)
	}
	return nil
}

// ValidateStakeholderType checks a stakeholder type (unspecified allowed).
func ValidateStakeholderType(s StakeholderType) error {
	if _, ok := StakeholderType_name[int32(s)]; !ok {
		return ErrInvalidAttribute.Wrapf("stakeholder type %d", s)
	}
	return nil
}
