package explorer

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"time"
)

// funcs help templates read generic JSON (maps, slices, json.Number).
var funcs = template.FuncMap{
	"trim":  trimEnum,
	"short": shortAddr,
	"when":  formatTime,
	"str":   func(v any) string { return str(v) },
	"num":   func(v any) int64 { return num(v) },
	"pct":   percent,
	"json": func(v any) string {
		bz, _ := json.MarshalIndent(v, "", "  ")
		return string(bz)
	},
	"join": func(v any) string {
		var out []string
		for _, x := range list(v) {
			out = append(out, str(x))
		}
		return strings.Join(out, ", ")
	},
	"list": list,
}

// trimEnum drops an enum's prefix: PROPOSAL_STATUS_VETOED -> VETOED.
func trimEnum(prefix string, v any) string { return strings.TrimPrefix(str(v), prefix) }

func shortAddr(v any) string {
	s := str(v)
	if len(s) <= 20 {
		return s
	}
	return s[:12] + "…" + s[len(s)-6:]
}

// formatTime shows an RFC 3339 time in UTC to the second; the zero time is "—".
func formatTime(v any) string {
	s := str(v)
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.Year() <= 1 {
		return "—"
	}
	return t.UTC().Format("2006-01-02 15:04:05 UTC")
}

// percent shows a decimal share (0.25) as a percentage.
func percent(v any) string {
	var f float64
	if _, err := fmt.Sscan(str(v), &f); err != nil {
		return str(v)
	}
	return fmt.Sprintf("%.1f%%", f*100)
}

func str(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	default:
		return fmt.Sprint(x)
	}
}

func num(v any) int64 {
	var n int64
	_, _ = fmt.Sscan(str(v), &n)
	return n
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}
