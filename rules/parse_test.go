package rules

import (
	"strings"
	"testing"
)

func TestParseExpr(t *testing.T) {
	tests := []struct{ in, want string }{
		{"tech_staff / employees >= 10%", "tech_staff / employees >= 10%"},
		{"a + b * c", "a + b * c"},
		{"(a + b) * c", "(a + b) * c"},
		{"a - (b - c)", "a - (b - c)"},
		{"(a - b) - c", "a - b - c"},
		{"sum(rd_expense_yuan, 3)≥5000万元", "sum(rd_expense_yuan, 3) >= 5000万元"},
		{"registered_on <= as_of - 1年", "registered_on <= as_of - 1年"},
		{`certified("高新技术企业", "national")`, `certified("高新技术企业", "national")`},
		{"x ≠ 2026-05-01", "x != 2026-05-01"},
		{"-3.5亿元 × 2", "-3.5亿元 * 2"},
	}
	for _, tt := range tests {
		n, err := parseExpr(tt.in)
		if err != nil {
			t.Errorf("parseExpr(%q): %v", tt.in, err)
			continue
		}
		if got := n.src(); got != tt.want {
			t.Errorf("parseExpr(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseExprPrecedence(t *testing.T) {
	n, err := parseExpr("(a + b) * c >= d - e / f")
	if err != nil {
		t.Fatal(err)
	}
	cmp := n.(*binary)
	if cmp.op != ">=" || cmp.l.(*binary).op != "*" || cmp.l.(*binary).l.(*binary).op != "+" {
		t.Errorf("left side parsed wrong: %#v", cmp.l)
	}
	if r := cmp.r.(*binary); r.op != "-" || r.r.(*binary).op != "/" {
		t.Errorf("right side parsed wrong: %#v", cmp.r)
	}
}

func TestParseExprErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "unexpected end"},
		{"a >=", "unexpected end"},
		{"a >= b >= c", "chained comparison"},
		{"(a + b", "missing )"},
		{`"open`, "unterminated text"},
		{"a # b", "unexpected '#'"},
		{"1.", "malformed number"},
		{"f(a b)", "want , or )"},
		{"2026-02-30", "invalid date"},
		{"1.5年", "duration must be a small whole number"},
		{"a b", `unexpected "b"`},
		{strings.Repeat("(", 60) + "a" + strings.Repeat(")", 60), "nested deeper than 50"},
		{strings.Repeat("-", 60) + "a", "nested deeper than 50"},
		{strings.Repeat("f(", 60) + "a" + strings.Repeat(")", 60), "nested deeper than 50"},
	}
	for _, tt := range tests {
		_, err := parseExpr(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseExpr(%q) = %v, want an error containing %q", tt.in, err, tt.want)
		}
	}
}

func TestLiteralUnits(t *testing.T) {
	tests := []struct {
		in   string
		num  string // the exact value
		unit unit
	}{
		{"5000万元", "50000000", uMoney},
		{"2亿元", "200000000", uMoney},
		{"3.5万元", "35000", uMoney},
		{"6%", "3/50", uRatio},
		{"0.06", "3/50", uPlain},
		{"10人", "10", uPeople},
		{"71分", "71", uScore},
		{"3项", "3", uCount},
	}
	for _, tt := range tests {
		n, err := parseExpr(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		v := n.(*numLit).v
		if v.lo.RatString() != tt.num || v.unit != tt.unit {
			t.Errorf("%s = %s %s, want %s %s", tt.in, v.lo.RatString(), unitNames[v.unit], tt.num, unitNames[tt.unit])
		}
	}
}
