package rules

import (
	"fmt"
)

// parser reads tokens into a tree by precedence: comparison < + - < * /.
type parser struct {
	toks  []token
	i     int
	depth int // of parentheses, calls and unary minus
}

// parseExpr parses one expression; the error gives the column.
func parseExpr(src string) (node, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	n, err := p.compare()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, fmt.Errorf("unexpected %q at column %d", t.text, t.pos+1)
	}
	return n, nil
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token { t := p.toks[p.i]; p.i++; return t }

func (p *parser) isOp(ops ...string) (string, bool) {
	t := p.peek()
	if t.kind != tOp {
		return "", false
	}
	for _, op := range ops {
		if t.text == op {
			p.i++
			return op, true
		}
	}
	return "", false
}

func (p *parser) compare() (node, error) {
	l, err := p.sum()
	if err != nil {
		return nil, err
	}
	if op, ok := p.isOp(">=", "<=", ">", "<", "==", "!="); ok {
		r, err := p.sum()
		if err != nil {
			return nil, err
		}
		if t := p.peek(); t.kind == tOp && isCompare(t.text) {
			return nil, fmt.Errorf("chained comparison at column %d: use two checks under all", t.pos+1)
		}
		return &binary{op, l, r}, nil
	}
	return l, nil
}

func (p *parser) sum() (node, error) {
	return p.leftAssoc(p.product, "+", "-")
}

func (p *parser) product() (node, error) {
	return p.leftAssoc(p.unary, "*", "/")
}

func (p *parser) leftAssoc(operand func() (node, error), ops ...string) (node, error) {
	l, err := operand()
	if err != nil {
		return nil, err
	}
	for {
		op, ok := p.isOp(ops...)
		if !ok {
			return l, nil
		}
		r, err := operand()
		if err != nil {
			return nil, err
		}
		l = &binary{op, l, r}
	}
}

func (p *parser) unary() (node, error) {
	if p.depth++; p.depth > maxDepth {
		return nil, fmt.Errorf("expression nested deeper than %d", maxDepth)
	}
	defer func() { p.depth-- }()
	if _, ok := p.isOp("-"); ok {
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &neg{x}, nil
	}
	return p.primary()
}

func (p *parser) primary() (node, error) {
	t := p.next()
	switch t.kind {
	case tNum:
		v, err := numValue(t.text, t.unit)
		if err != nil {
			return nil, fmt.Errorf("%v at column %d", err, t.pos+1)
		}
		return &numLit{v, t.text + t.unit}, nil
	case tDate:
		v, err := dateValue(t.text)
		if err != nil {
			return nil, fmt.Errorf("%v at column %d", err, t.pos+1)
		}
		return &dateLit{v}, nil
	case tText:
		return &textLit{t.text}, nil
	case tIdent:
		return p.nameOrCall(t)
	case tOp:
		if t.text == "(" {
			n, err := p.compare()
			if err != nil {
				return nil, err
			}
			if _, ok := p.isOp(")"); !ok {
				return nil, fmt.Errorf("missing ) at column %d", p.peek().pos+1)
			}
			return n, nil
		}
	case tEOF:
		return nil, fmt.Errorf("unexpected end of expression")
	}
	return nil, fmt.Errorf("unexpected %q at column %d", t.text, t.pos+1)
}

func (p *parser) nameOrCall(t token) (node, error) {
	switch t.text {
	case "true", "false":
		return &boolLit{t.text == "true"}, nil
	}
	if _, ok := p.isOp("("); !ok {
		return &name{t.text}, nil
	}
	c := &call{fn: t.text}
	if _, ok := p.isOp(")"); ok {
		return c, nil
	}
	for {
		a, err := p.compare()
		if err != nil {
			return nil, err
		}
		c.args = append(c.args, a)
		if _, ok := p.isOp(")"); ok {
			return c, nil
		}
		if _, ok := p.isOp(","); !ok {
			return nil, fmt.Errorf("want , or ) at column %d", p.peek().pos+1)
		}
	}
}
