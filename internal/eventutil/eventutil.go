// Package eventutil emits Polity's events: each typed protobuf event, plus a
// plain companion event that CometBFT's tx_search can match.
//
// The SDK renders typed-event attributes as JSON, so string values arrive quoted
// ("\"dev\"") and a query such as community.body_id='dev' never matches. The
// companion event, of type "polity.<module>", repeats the scalar fields with
// plain values and adds action=<snake_case event name>, for example
//
//	tx_search "polity.community.action='motion_submitted' AND polity.community.body_id='dev'"
package eventutil

import (
	"context"
	"encoding/json"
	"strings"
	"unicode"

	"cosmossdk.io/core/event"
	"github.com/cosmos/gogoproto/proto"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Emit emits the typed event and its plain companion of type "polity.<module>".
// The typed event is rendered once (to JSON, as the SDK's EmitTypedEvent does)
// and both events are built from that rendering: rendering is most of an
// event's cost, and every vote emits one.
func Emit(ctx context.Context, svc event.Service, module string, ev proto.Message) error {
	typed, err := sdk.TypedEventToEvent(ev)
	if err != nil {
		return err
	}
	em := svc.EventManager(ctx)
	attrs := make([]event.Attribute, len(typed.Attributes))
	for i, a := range typed.Attributes {
		attrs[i] = event.Attribute{Key: a.Key, Value: a.Value}
	}
	if err := em.EmitKV(ctx, typed.Type, attrs...); err != nil {
		return err
	}
	return em.EmitKV(ctx, "polity."+module, plainOf(typed)...)
}

// PlainAttributes returns action=<name> followed by the event's scalar fields
// (and lists of scalars, comma-joined) with unquoted values, in the SDK's
// sorted key order. Nested messages are left to the typed event.
func PlainAttributes(ev proto.Message) ([]event.Attribute, error) {
	typed, err := sdk.TypedEventToEvent(ev)
	if err != nil {
		return nil, err
	}
	return plainOf(typed), nil
}

// plainOf builds the plain attributes from a rendered typed event.
func plainOf(typed sdk.Event) []event.Attribute {
	attrs := make([]event.Attribute, 1, len(typed.Attributes)+1)
	attrs[0] = event.Attribute{Key: "action", Value: ActionName(typed.Type)}
	for _, a := range typed.Attributes {
		if v, ok := plainValue(json.RawMessage(a.Value)); ok {
			attrs = append(attrs, event.Attribute{Key: a.Key, Value: v})
		}
	}
	return attrs
}

// ActionName turns "polity.community.v1.EventMotionSubmitted" into
// "motion_submitted", keeping acronyms whole: "EventIRPFiled" is "irp_filed".
func ActionName(typeURL string) string {
	name := []rune(strings.TrimPrefix(typeURL[strings.LastIndex(typeURL, ".")+1:], "Event"))
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) {
			// a word starts at an upper-case letter after a lower-case one, or
			// at the last capital of an acronym followed by a lower-case letter
			if i > 0 && (unicode.IsLower(name[i-1]) || (i+1 < len(name) && unicode.IsLower(name[i+1]) && unicode.IsUpper(name[i-1]))) {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// plainValue unquotes a JSON scalar, or comma-joins a list of scalars; it
// reports false for objects and lists of objects. The first byte says which
// JSON kind the value is, so each is decoded once.
func plainValue(raw json.RawMessage) (string, bool) {
	if len(raw) == 0 {
		return "", true
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", false
		}
		return s, true
	case '[':
		var list []json.RawMessage
		if err := json.Unmarshal(raw, &list); err != nil {
			return "", false
		}
		parts := make([]string, 0, len(list))
		for _, item := range list {
			v, ok := plainValue(item)
			if !ok {
				return "", false
			}
			parts = append(parts, v)
		}
		return strings.Join(parts, ","), true
	case '{':
		return "", false
	}
	// numbers, booleans and null are already plain
	return string(raw), true
}
