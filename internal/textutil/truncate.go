// Package textutil holds text helpers shared by the modules.
package textutil

import "unicode/utf8"

// Truncate cuts s to at most n bytes without splitting a UTF-8 sequence, so
// that error text kept on a record stays bounded and valid.
func Truncate(s string, n int) string {
	if n < 0 {
		n = 0
	}
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
