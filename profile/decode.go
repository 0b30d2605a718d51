package profile

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/huiqi-dev/huiqi"
)

var dateType = reflect.TypeFor[huiqi.Date]()

func reflectOf(e *huiqi.Enterprise) reflect.Value { return reflect.ValueOf(e).Elem() }

// decoder sets Go values from nodes by their JSON field names, collecting a
// problem for each value it cannot set.
type decoder struct {
	problems Problems
	more     int            // problems past maxProblems, not listed
	lines    map[string]int // the line of each path, for later problems
}

func (d *decoder) fail(n *node, path, format string, args ...any) {
	if len(d.problems) >= maxProblems {
		d.more++
		return
	}
	d.problems = append(d.problems, Problem{Line: n.line, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// all returns the problems, with a last one counting those not listed.
func (d *decoder) all() Problems {
	if d.more > 0 {
		return append(d.problems, Problem{Msg: fmt.Sprintf("还有 %d 个问题未列出", d.more)})
	}
	return d.problems
}

// value sets v from n; null leaves v at its zero value ("not given").
func (d *decoder) value(n *node, v reflect.Value, path string) {
	if d.lines != nil && n.line > 0 {
		d.lines[path] = n.line
	}
	if n.kind == kNull {
		v.SetZero()
		return
	}
	t := v.Type()
	switch {
	case t == dateType:
		d.date(n, v, path)
	case t.Kind() == reflect.Pointer:
		p := reflect.New(t.Elem())
		d.value(n, p.Elem(), path)
		v.Set(p)
	case t.Kind() == reflect.Struct:
		d.object(n, v, path)
	case t.Kind() == reflect.Slice:
		d.slice(n, v, path)
	case t.Kind() == reflect.Map:
		d.mapping(n, v, path)
	case t.Kind() == reflect.String:
		d.text(n, v, path)
	case t.Kind() == reflect.Bool:
		d.boolean(n, v, path)
	default: // the integer kinds
		d.integer(n, v, path)
	}
}

func (d *decoder) date(n *node, v reflect.Value, path string) {
	if n.kind != kString {
		d.fail(n, path, "应为日期字符串 YYYY-MM-DD，实际为%s %s", n.kind.what(), n.text)
		return
	}
	date, err := huiqi.ParseDate(n.text)
	if err != nil {
		d.fail(n, path, "日期 %q 无效，应为 YYYY-MM-DD 格式的真实日期", n.text)
		return
	}
	v.Set(reflect.ValueOf(date))
}

func (d *decoder) text(n *node, v reflect.Value, path string) {
	switch {
	case n.kind == kString, n.plain && n.kind != kObject && n.kind != kArray:
		v.SetString(n.text) // YAML: code: 510105 is the text 510105
	default:
		d.fail(n, path, "应为字符串，实际为%s%s（请加引号）", n.kind.what(), brief(n))
	}
}

func (d *decoder) boolean(n *node, v reflect.Value, path string) {
	if n.kind != kBool {
		d.fail(n, path, "应为 true 或 false，实际为%s%s", n.kind.what(), brief(n))
		return
	}
	v.SetBool(n.text == "true")
}

func (d *decoder) integer(n *node, v reflect.Value, path string) {
	if n.kind != kNumber {
		d.fail(n, path, "应为整数，实际为%s%s", n.kind.what(), brief(n))
		return
	}
	i, err := strconv.ParseInt(n.text, 10, v.Type().Bits())
	if err != nil {
		d.fail(n, path, "应为整数（不带小数点、单位或分隔符，金额以元计），实际为 %s", n.text)
		return
	}
	v.SetInt(i)
}

// brief shows a scalar's text after a kind, nothing for containers.
func brief(n *node) string {
	if n.kind == kObject || n.kind == kArray {
		return ""
	}
	return " " + strconv.Quote(n.text)
}

// join appends a field name to a path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// index appends an array index to a path.
func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// fieldCache holds fieldsOf's answer per struct type.
var fieldCache sync.Map // reflect.Type → map[string]int

// fieldsOf maps the JSON names of a struct type to field indexes.
func fieldsOf(t reflect.Type) map[string]int {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	defer fieldCache.Store(t, m)
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			m[name] = i
		}
	}
	return m
}
