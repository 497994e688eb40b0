// Package heightutil moves the block heights stored in module records onto a
// new chain's numbering, for a zero-height export.
package heightutil

import (
	"fmt"
	"reflect"
	"strings"
)

// Heights stored in Polity's records are of two kinds, told apart by field
// name. A mark records when something happened; zero means "at genesis",
// which is itself a point on the old chain and moves with the rest. A
// sentinel records when something may or did happen later; zero means "not
// yet" and must stay zero. Every int64 field named *Height (or []int64
// *Heights) in a rebased value must be listed in exactly one set: Rebase
// refuses a name it does not know, so a new field cannot be moved wrongly.
var (
	marks = set("Height", "CreatedHeight", "AppointedHeight", "SubmitHeight",
		"OpenedHeight", "FiledHeight", "TakenHeight", "WindowStartHeight",
		"EvidenceHeight", "RecordedHeight", "ReleasedHeight")
	sentinels = set("UpdatedHeight", "DecidedHeight", "ClosedHeight", "DeclaredHeight",
		"ResponseHeight", "BoardDecidedHeight", "BoardVoteStartHeight",
		"SeedHeight", "SeedHeights", "ExecutedHeight", "QueuedHeight",
		"LastMissedHeight", "DownSinceHeight", "VotingSinceHeight")
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// Rebase subtracts offset from every stored height in *v (a pointer to a
// genesis struct), walking nested structs, pointers and slices. Marks move
// always; sentinels move unless zero. A chain exported after block L is
// rebased by L+1: everything that happened on it lands at a negative height,
// the new chain's blocks are positive, and the order of any two records is
// kept (a member admitted before a motion still precedes it).
func Rebase(v any, offset int64) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("heightutil: Rebase needs a non-nil pointer, got %T", v)
	}
	return walk(rv.Elem(), offset, rv.Elem().Type().String())
}

func walk(v reflect.Value, offset int64, path string) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return walk(v.Elem(), offset, path)
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if err := walk(v.Index(i), offset, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if err := field(v.Field(i), f.Name, offset, path+"."+f.Name); err != nil {
				return err
			}
		}
	}
	return nil
}

func field(v reflect.Value, name string, offset int64, path string) error {
	isHeight := v.Kind() == reflect.Int64 && strings.HasSuffix(name, "Height")
	isHeights := v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Int64 && strings.HasSuffix(name, "Heights")
	if !isHeight && !isHeights {
		return walk(v, offset, path)
	}
	mark := marks[name]
	if !mark && !sentinels[name] {
		return fmt.Errorf("heightutil: %s is neither a mark nor a sentinel height", path)
	}
	move := func(h reflect.Value) {
		if mark || h.Int() != 0 {
			h.SetInt(h.Int() - offset)
		}
	}
	if isHeight {
		move(v)
		return nil
	}
	for i := 0; i < v.Len(); i++ {
		move(v.Index(i))
	}
	return nil
}

// CheckFields reports every height field reachable from v's type that is
// neither a mark nor a sentinel, so a test can catch a new field before a
// zero-height export meets it.
func CheckFields(v any) []string {
	var unknown []string
	seen := map[reflect.Type]bool{}
	var visit func(t reflect.Type, path string)
	visit = func(t reflect.Type, path string) {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			visit(t.Elem(), path)
		case reflect.Struct:
			if seen[t] {
				return
			}
			seen[t] = true
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				if !f.IsExported() {
					continue
				}
				isHeight := f.Type.Kind() == reflect.Int64 && strings.HasSuffix(f.Name, "Height")
				isHeights := f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Int64 && strings.HasSuffix(f.Name, "Heights")
				if (isHeight || isHeights) && !marks[f.Name] && !sentinels[f.Name] {
					unknown = append(unknown, path+"."+f.Name)
				}
				visit(f.Type, path+"."+f.Name)
			}
		}
	}
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	visit(t, t.String())
	return unknown
}
