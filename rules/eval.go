package rules

import (
	"math/big"
	"slices"

	"github.com/huiqi-dev/huiqi"
)

// evaluator evaluates expressions of one version for one enterprise, and
// gathers what they read: the facts known and the fields missing.
type evaluator struct {
	ent     *huiqi.Enterprise
	asOf    huiqi.Date
	v       *versionSpec
	region  string // the set's region
	quiet   bool   // verdict only: record neither facts nor missing fields
	missing []huiqi.Field
	facts   []huiqi.Fact
	notes   []string
}

// reset starts a new condition's record.
func (ev *evaluator) reset() { ev.missing, ev.facts, ev.notes = nil, nil, nil }

func (ev *evaluator) lastFY() int { return ev.asOf.Year - 1 }

func (ev *evaluator) miss(path, label string) {
	if ev.quiet {
		return
	}
	if !slices.ContainsFunc(ev.missing, func(f huiqi.Field) bool { return f.Path == path }) {
		ev.missing = append(ev.missing, huiqi.Field{Path: path, Label: label})
	}
}

func (ev *evaluator) fact(name, label string, v value) {
	if ev.quiet {
		return
	}
	if !slices.ContainsFunc(ev.facts, func(f huiqi.Fact) bool { return f.Name == name }) {
		ev.facts = append(ev.facts, huiqi.Fact{Name: name, Label: label, Value: format(v)})
	}
}

func (ev *evaluator) note(s string) {
	if !slices.Contains(ev.notes, s) {
		ev.notes = append(ev.notes, s)
	}
}

// eval returns n's value, or false when it is unknown. Both sides of an
// operation are evaluated even when one is unknown, so every missing field
// is named.
func (ev *evaluator) eval(n node) (value, bool) {
	switch n := n.(type) {
	case *numLit:
		return n.v, true
	case *dateLit:
		return n.v, true
	case *textLit:
		return value{kind: kText, s: n.s}, true
	case *boolLit:
		return value{kind: kBool, b: n.b}, true
	case *name:
		return ev.name(n.id)
	case *neg:
		v, ok := ev.eval(n.x)
		if ok {
			v.lo, v.hi = new(big.Rat).Neg(v.hi), new(big.Rat).Neg(v.lo)
		}
		return v, ok
	case *binary:
		return ev.binary(n)
	case *call:
		return builtins[n.fn].eval(ev, n.args)
	}
	return value{}, false
}

func (ev *evaluator) name(id string) (value, bool) {
	if id == "as_of" {
		return value{kind: kDate, date: ev.asOf}, true
	}
	if f, ok := fields[id]; ok {
		v, known := f.get(ev.ent)
		if !known {
			ev.miss(f.path, f.label)
		} else {
			ev.fact(f.path, f.label, v)
		}
		return v, known
	}
	l := ev.v.Let[id]
	v, ok := ev.eval(l.Expr.n)
	if ok {
		ev.fact(id, l.Label, v)
	}
	return v, ok
}

func (ev *evaluator) binary(n *binary) (value, bool) {
	l, lok := ev.eval(n.l)
	r, rok := ev.eval(n.r)
	if !lok || !rok {
		return value{}, false
	}
	switch {
	case l.kind == kDate && r.kind == kDur:
		sign := 1
		if n.op == "-" {
			sign = -1
		}
		return value{kind: kDate, date: addDur(l.date, r.dur, sign)}, true
	case isCompare(n.op):
		met, decided := compare(n.op, l, r)
		if !decided {
			ev.note("取决于评分区间（专家打分）")
		}
		return value{kind: kBool, b: met}, decided
	}
	v, ok, _ := arith(n.op, l, r)
	if !ok {
		ev.note("除数为零: " + n.r.src())
	}
	return v, ok
}

// compare decides l op r for values of the same kind. A zero date (a
// certification never held) satisfies no comparison.
func compare(op string, l, r value) (met, decided bool) {
	switch l.kind {
	case kNum:
		return compareNum(op, l, r)
	case kDate:
		if l.date.IsZero() || r.date.IsZero() {
			return false, true
		}
		return cmpHolds(op, dateCmp(l.date, r.date)), true
	case kBool:
		return (l.b == r.b) == (op == "=="), true
	}
	return (l.s == r.s) == (op == "=="), true
}

// cmpHolds tells whether op holds for an ordering c (-1, 0, 1).
func cmpHolds(op string, c int) bool {
	switch op {
	case ">=":
		return c >= 0
	case ">":
		return c > 0
	case "<=":
		return c <= 0
	case "<":
		return c < 0
	case "==":
		return c == 0
	}
	return c != 0
}
