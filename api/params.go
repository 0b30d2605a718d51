package api

import (
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/region"
)

// params reads query parameters and remembers the first problem, so a handler
// reads all it needs and checks once. Every problem names its parameter.
type params struct {
	v   url.Values
	err error
}

func (p *params) fail(name, format string, args ...any) {
	if p.err == nil {
		p.err = huiqi.Errorf(huiqi.EINVALID, "parameter %s: "+format, append([]any{name}, args...)...)
	}
}

// str returns the trimmed value of name; given more than once is an error.
func (p *params) str(name string) string {
	vs := p.v[name]
	if len(vs) > 1 {
		p.fail(name, "given %d times, want once", len(vs))
	}
	if len(vs) == 0 {
		return ""
	}
	return strings.TrimSpace(vs[0])
}

// text returns the trimmed value of name, at most max characters long.
func (p *params) text(name string, max int) string {
	s := p.str(name)
	if utf8.RuneCountInString(s) > max {
		p.fail(name, "longer than %d characters", max)
	}
	return s
}

// regionCode returns a six-digit GB/T 2260 code; anything else is an error.
func (p *params) regionCode(name string) string {
	code := p.str(name)
	if _, ok := region.Lookup(code); code != "" && (!ok || !sixDigits(code)) {
		p.fail(name, "%q is not a GB/T 2260 region code (six digits, e.g. 330100)", code)
	}
	return code
}

// int64In parses an integer in [lo, hi]; absent is def.
func (p *params) int64In(name string, def, lo, hi int64) int64 {
	s := p.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		p.fail(name, "%q is not a whole number", s)
		return def
	}
	if n < lo || n > hi {
		p.fail(name, "%d is out of range %d to %d", n, lo, hi)
		return def
	}
	return n
}

func (p *params) intIn(name string, def, lo, hi int) int {
	return int(p.int64In(name, int64(def), int64(lo), int64(hi)))
}

// oneOf returns the value if it is one of the allowed ones (or empty).
func (p *params) oneOf(name string, allowed ...string) string {
	s := p.str(name)
	if s == "" {
		return ""
	}
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	p.fail(name, "%q is not one of %s", s, strings.Join(allowed, ", "))
	return ""
}

// only rejects parameters other than the known ones: a typo (regoin=) would
// otherwise silently return everything.
func (p *params) only(known ...string) {
	for _, name := range slices.Sorted(maps.Keys(p.v)) {
		switch {
		case contains(known, name):
		case len(known) == 0:
			p.fail(name, "unknown parameter (this route takes none)")
		default:
			p.fail(name, "unknown parameter (known: %s)", strings.Join(known, ", "))
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
