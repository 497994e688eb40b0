package types

import (
	"strconv"
	"strings"
)

// MaxHoldSourceLength bounds a hold's source name.
const MaxHoldSourceLength = 64

// HoldSource names the hold of one case or action, e.g. HoldSource("irp", 3)
// is "irp/3".
func HoldSource(kind string, id uint64) string {
	return kind + "/" + strconv.FormatUint(id, 10)
}

// ValidateHoldSource checks that a source reads "<kind>/<id>": a lower-case
// kind and a positive decimal id, at most MaxHoldSourceLength bytes.
func ValidateHoldSource(s string) error {
	if s == "" {
		return ErrInvalidHoldSource.Wrap("a hold needs its source, e.g. irp/3")
	}
	if len(s) > MaxHoldSourceLength {
		return ErrInvalidHoldSource.Wrapf("%d bytes, limit %d", len(s), MaxHoldSourceLength)
	}
	kind, id, ok := strings.Cut(s, "/")
	if !ok || kind == "" || strings.Trim(kind, "abcdefghijklmnopqrstuvwxyz_") != "" {
		return ErrInvalidHoldSource.Wrapf("%q: want <kind>/<id>, e.g. irp/3", s)
	}
	if n, err := strconv.ParseUint(id, 10, 64); err != nil || n == 0 || strconv.FormatUint(n, 10) != id {
		return ErrInvalidHoldSource.Wrapf("%q: the id must be a positive number", s)
	}
	return nil
}
