package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a lexical token of an expression.
type tokKind int

const (
	tEOF   tokKind = iota
	tNum           // 12, 3.5, with an optional unit suffix
	tDate          // 2026-05-01
	tText          // "高新技术企业"
	tIdent         // sum, rd_expense_yuan
	tOp            // + - * / ( ) , >= <= > < == !=
)

// token is one token; pos is its byte offset in the source.
type token struct {
	kind tokKind
	text string
	unit string // for tNum: 元 万元 亿元 % 人 分 项 个 年 月 日, or ""
	gap  int    // spaces between the number and its unit
	pos  int
}

// units recognised after a number, longest first.
var units = []string{"万元", "亿元", "元", "%", "人", "分", "项", "个", "年", "月", "日"}

// lex cuts src into tokens.
func lex(src string) ([]token, error) {
	var out []token
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRuneInString(src[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isDigit(src[i]):
			t, err := lexNumber(src, i)
			if err != nil {
				return nil, err
			}
			out = append(out, t)
			i = t.pos + len(t.text) + t.gap + len(t.unit)
		case src[i] == '"':
			end := strings.IndexByte(src[i+1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("unterminated text at column %d", i+1)
			}
			out = append(out, token{kind: tText, text: src[i+1 : i+1+end], pos: i})
			i += end + 2
		case r == '_' || r < utf8.RuneSelf && unicode.IsLetter(r):
			j := i
			for j < len(src) && (src[j] == '_' || isDigit(src[j]) || isLower(src[j]) || src[j] >= 'A' && src[j] <= 'Z') {
				j++
			}
			out = append(out, token{kind: tIdent, text: src[i:j], pos: i})
			i = j
		default:
			op, ok := lexOp(src[i:])
			if !ok {
				return nil, fmt.Errorf("unexpected %q at column %d", r, i+1)
			}
			out = append(out, token{kind: tOp, text: canonOp(op), pos: i})
			i += len(op)
		}
	}
	return append(out, token{kind: tEOF, pos: len(src)}), nil
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
func isLower(b byte) bool { return b >= 'a' && b <= 'z' }

// lexNumber reads a date (YYYY-MM-DD) or a number with its unit at i.
func lexNumber(src string, i int) (token, error) {
	j := i
	for j < len(src) && isDigit(src[j]) {
		j++
	}
	if j-i == 4 && len(src) >= j+6 && src[j] == '-' && isDigit(src[j+1]) && isDigit(src[j+2]) &&
		src[j+3] == '-' && isDigit(src[j+4]) && isDigit(src[j+5]) {
		return token{kind: tDate, text: src[i : j+6], pos: i}, nil
	}
	if j < len(src) && src[j] == '.' {
		j++
		k := j
		for j < len(src) && isDigit(src[j]) {
			j++
		}
		if j == k {
			return token{}, fmt.Errorf("malformed number at column %d", i+1)
		}
	}
	t := token{kind: tNum, text: src[i:j], pos: i}
	rest := strings.TrimLeft(src[j:], " ") // "5000 万元" as well as "5000万元"
	for _, u := range units {
		if strings.HasPrefix(rest, u) {
			t.unit = u
			t.gap = len(src[j:]) - len(rest)
			break
		}
	}
	return t, nil
}

var ops = []string{">=", "<=", "==", "!=", "≥", "≤", "≠", ">", "<", "+", "-", "*", "/", "(", ")", ",", "×", "÷"}

func lexOp(s string) (string, bool) {
	for _, op := range ops {
		if strings.HasPrefix(s, op) {
			return op, true
		}
	}
	return "", false
}

// canonOp maps the typographic operators to the ASCII ones.
func canonOp(op string) string {
	switch op {
	case "≥":
		return ">="
	case "≤":
		return "<="
	case "≠":
		return "!="
	case "×":
		return "*"
	case "÷":
		return "/"
	}
	return op
}
