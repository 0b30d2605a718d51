package rules

import "fmt"

// checker types the expressions of one version: names resolve, units agree,
// lets do not refer to themselves.
type checker struct {
	v        *versionSpec
	visiting map[string]bool
}

var kindNames = map[kind]string{kNum: "number", kDate: "date", kBool: "yes/no", kText: "text", kDur: "duration"}

func (t typ) String() string {
	if t.kind == kNum {
		return unitNames[t.unit]
	}
	return kindNames[t.kind]
}

func (c *checker) typeOf(n node) (typ, error) {
	switch n := n.(type) {
	case *numLit:
		return typ{n.v.kind, n.v.unit}, nil
	case *dateLit:
		return typ{kind: kDate}, nil
	case *textLit:
		return typ{kind: kText}, nil
	case *boolLit:
		return typ{kind: kBool}, nil
	case *name:
		return c.nameType(n.id)
	case *neg:
		t, err := c.typeOf(n.x)
		if err == nil && t.kind != kNum {
			err = fmt.Errorf("cannot negate a %s", t)
		}
		return t, err
	case *binary:
		return c.binaryType(n)
	case *call:
		b, ok := builtins[n.fn]
		if !ok {
			return typ{}, fmt.Errorf("unknown function %q", n.fn)
		}
		t, err := b.check(c, n.args)
		if err != nil {
			return typ{}, fmt.Errorf("%s: %v", n.fn, err)
		}
		return t, nil
	}
	return typ{}, fmt.Errorf("unexpected expression")
}

func (c *checker) nameType(id string) (typ, error) {
	if id == "as_of" {
		return typ{kind: kDate}, nil
	}
	if f, ok := fields[id]; ok {
		return f.typ, nil
	}
	if _, ok := finFields[id]; ok {
		return typ{}, fmt.Errorf("%s is yearly: read it with last(%s), prior(%s, k) or sum(%s, n)", id, id, id, id)
	}
	l, ok := c.v.Let[id]
	if !ok {
		return typ{}, fmt.Errorf("unknown name %q", id)
	}
	if c.visiting[id] {
		return typ{}, fmt.Errorf("let %q refers to itself", id)
	}
	c.visiting[id] = true
	defer delete(c.visiting, id)
	return c.typeOf(l.Expr.n)
}

func (c *checker) binaryType(n *binary) (typ, error) {
	l, err := c.typeOf(n.l)
	if err != nil {
		return typ{}, err
	}
	r, err := c.typeOf(n.r)
	if err != nil {
		return typ{}, err
	}
	switch {
	case l.kind == kDate && r.kind == kDur && (n.op == "+" || n.op == "-"):
		return l, nil
	case isCompare(n.op) && l.kind == r.kind && l.kind != kNum:
		if l.kind != kDate && n.op != "==" && n.op != "!=" {
			return typ{}, fmt.Errorf("%s %s %s: only == and != compare %s", l, n.op, r, l)
		}
		return typ{kind: kBool}, nil
	case l.kind != kNum || r.kind != kNum:
		return typ{}, fmt.Errorf("%s %s %s: not defined", l, n.op, r)
	}
	u, err := resultUnit(n.op, l.unit, r.unit)
	if isCompare(n.op) {
		return typ{kind: kBool}, err
	}
	return typ{kNum, u}, err
}

// wantArgs checks the number of arguments.
func wantArgs(args []node, lo, hi int) error {
	if len(args) < lo || len(args) > hi {
		if lo == hi {
			return fmt.Errorf("want %d arguments, got %d", lo, len(args))
		}
		return fmt.Errorf("want %d to %d arguments, got %d", lo, hi, len(args))
	}
	return nil
}
