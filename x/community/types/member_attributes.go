package types

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Limits of a member's declared attributes. They are constants, not params,
// so that no params change can make genesis refuse attributes the chain once
// accepted.
const (
	MaxMemberAttributes     = 16
	MaxMemberAttributeValue = 256
)

// attributeKeyPattern: short snake_case keys that read well in files and
// queries.
var attributeKeyPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)

// NormalizeAttributes validates a member's declared attributes and returns
// them sorted by key. Keys are unique; values are non-empty UTF-8 text.
func NormalizeAttributes(attrs []MemberAttribute) ([]MemberAttribute, error) {
	if len(attrs) > MaxMemberAttributes {
		return nil, ErrInvalidAttribute.Wrapf("%d attributes, at most %d", len(attrs), MaxMemberAttributes)
	}
	out := slices.Clone(attrs)
	for _, a := range out {
		if !attributeKeyPattern.MatchString(a.Key) {
			return nil, ErrInvalidAttribute.Wrapf("key %q: want 1-32 characters of a-z, 0-9 and '_', starting with a letter", a.Key)
		}
		if a.Value == "" {
			return nil, ErrInvalidAttribute.Wrapf("%s has no value", a.Key)
		}
		if len(a.Value) > MaxMemberAttributeValue {
			return nil, ErrTextTooLong.Wrapf("attribute %s is %d bytes, limit %d", a.Key, len(a.Value), MaxMemberAttributeValue)
		}
		if !utf8.ValidString(a.Value) {
			return nil, ErrInvalidAttribute.Wrapf("%s is not UTF-8 text", a.Key)
		}
	}
	slices.SortFunc(out, func(a, b MemberAttribute) int { return strings.Compare(a.Key, b.Key) })
	for i := 1; i < len(out); i++ {
		if out[i].Key == out[i-1].Key {
			return nil, ErrInvalidAttribute.Wrapf("key %s given twice", out[i].Key)
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// validateStoredAttributes checks attributes as stored: valid and already
// sorted, as NormalizeAttributes leaves them.
func validateStoredAttributes(attrs []MemberAttribute) error {
	norm, err := NormalizeAttributes(attrs)
	if err != nil {
		return err
	}
	for i := range norm {
		if norm[i] != attrs[i] {
			return ErrInvalidAttribute.Wrap("attributes must be sorted by key")
		}
	}
	return nil
}
