package rules

import (
	"fmt"
	"strings"
)

// node is an expression: a literal, a name, a call or an operation.
type node interface{ src() string }

type (
	numLit struct {
		v    value
		text string
	}
	dateLit struct{ v value }
	textLit struct{ s string }
	boolLit struct{ b bool }
	name    struct{ id string }
	call    struct {
		fn   string
		args []node
	}
	binary struct {
		op   string
		l, r node
	}
	neg struct{ x node }
)

func (n *numLit) src() string  { return n.text }
func (n *dateLit) src() string { return n.v.date.String() }
func (n *textLit) src() string { return `"` + n.s + `"` }
func (n *boolLit) src() string { return fmt.Sprint(n.b) }
func (n *name) src() string    { return n.id }
func (n *neg) src() string     { return "-" + n.x.src() }
func (n *binary) src() string {
	return paren(n.l, prec(n.op)) + " " + n.op + " " + paren(n.r, prec(n.op)+1)
}

// prec is an operator's binding: comparison 1, + - 2, * / 3.
func prec(op string) int {
	switch op {
	case "+", "-":
		return 2
	case "*", "/":
		return 3
	}
	return 1
}

// paren writes n, in parentheses when it binds less tightly than min.
func paren(n node, min int) string {
	if b, ok := n.(*binary); ok && prec(b.op) < min {
		return "(" + b.src() + ")"
	}
	return n.src()
}
func (n *call) src() string {
	args := make([]string, len(n.args))
	for i, a := range n.args {
		args[i] = a.src()
	}
	return n.fn + "(" + strings.Join(args, ", ") + ")"
}

// isCompare reports whether op is a comparison.
func isCompare(op string) bool {
	switch op {
	case ">=", "<=", ">", "<", "==", "!=":
		return true
	}
	return false
}
