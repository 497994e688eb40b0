package file

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

const day = 24 * time.Hour

// maxDuration bounds every duration a file may state (a century): beyond it
// a window means "never", which no rule should, and the arithmetic overflows.
const maxDuration = 100 * 365 * day

// ParseDuration reads a human duration: Go's form ("30s", "36h", "1h30m")
// or whole or fractional days and weeks ("21d", "1.5d", "2w").
func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	for suffix, unit := range map[string]time.Duration{"d": day, "w": 7 * day} {
		if num, ok := strings.CutSuffix(s, suffix); ok {
			f, err := strconv.ParseFloat(num, 64)
			if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 {
				return 0, fmt.Errorf("bad duration %q: want e.g. 30s, 36h, 21d", s)
			}
			if f*float64(unit) > float64(maxDuration) {
				return 0, fmt.Errorf("duration %q is longer than a century", s)
			}
			return time.Duration(f * float64(unit)), nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("bad duration %q: want e.g. 30s, 36h, 21d", s)
	}
	if d > maxDuration {
		return 0, fmt.Errorf("duration %q is longer than a century", s)
	}
	return d, nil
}

// FormatDuration writes d in the largest unit that states it exactly.
func FormatDuration(d time.Duration) string {
	switch {
	case d == 0:
		return "0s"
	case d%day == 0:
		return fmt.Sprintf("%dd", d/day)
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	case d%time.Second == 0:
		return fmt.Sprintf("%ds", d/time.Second)
	}
	return d.String()
}
