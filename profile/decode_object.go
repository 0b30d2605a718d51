package profile

import (
	"reflect"
	"sort"
	"unicode/utf8"
)

// object sets the struct v from the object n; each unknown key is a
// problem that names it and, when one is close, the field meant.
func (d *decoder) object(n *node, v reflect.Value, path string) {
	if n.kind != kObject {
		d.fail(n, path, "应为对象（字段: 值），实际为%s%s", n.kind.what(), brief(n))
		return
	}
	fields := fieldsOf(v.Type())
	for i, key := range n.keys {
		f, ok := fields[key]
		if !ok {
			d.fail(n.fields[i], join(path, shorten(key)), "未知字段%s", suggest(key, fields))
			continue
		}
		d.value(n.fields[i], v.Field(f), join(path, key))
	}
}

func (d *decoder) slice(n *node, v reflect.Value, path string) {
	if n.kind != kArray {
		d.fail(n, path, "应为数组（列表），实际为%s%s", n.kind.what(), brief(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.items), len(n.items))
	for i, item := range n.items {
		d.value(item, s.Index(i), index(path, i))
	}
	v.Set(s)
}

// mapping sets a map with string keys (Declarations) from an object.
func (d *decoder) mapping(n *node, v reflect.Value, path string) {
	if n.kind != kObject {
		d.fail(n, path, "应为对象（名称: 值），实际为%s%s", n.kind.what(), brief(n))
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.keys))
	for i, key := range n.keys {
		e := reflect.New(v.Type().Elem()).Elem()
		d.value(n.fields[i], e, join(path, key))
		m.SetMapIndex(reflect.ValueOf(key), e)
	}
	v.Set(m)
}

// suggest names the known field closest to key, when one is close enough to
// be a slip ("nmae" for "name"), and the list of fields otherwise.
func suggest(key string, fields map[string]int) string {
	best, dist := "", 3
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
		if len(key) > 2*len(name) {
			continue // too far to be a slip; and distance costs len(key)×len(name)
		}
		if d := distance(key, name); d < dist || (d == dist && name < best) {
			best, dist = name, d
		}
	}
	if best != "" && dist <= 2 {
		return "（是否应为 " + best + "？）"
	}
	sort.Strings(names)
	s := "（可用字段: "
	for i, name := range names {
		if i > 0 {
			s += ", "
		}
		s += name
	}
	return s + "）"
}

// distance is the Levenshtein distance between a and b, in bytes (field
// names are ASCII).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// shorten cuts a key to 40 bytes for messages, at a character boundary.
func shorten(key string) string {
	if len(key) <= 40 {
		return key
	}
	cut := 40
	for cut > 0 && !utf8.RuneStart(key[cut]) {
		cut--
	}
	return key[:cut] + "…"
}
