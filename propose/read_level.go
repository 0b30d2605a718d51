package propose

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huiqi-dev/huiqi"
)

// levelTokens are the level words that can stand before a title, longest
// first: 国家、省、嘉兴市级科技企业孵化器.
var levelTokens = []struct{ word, level string }{
	{"区县级", huiqi.LevelDistrict}, {"国家级", huiqi.LevelNational}, {"省级", huiqi.LevelProvincial},
	{"市级", huiqi.LevelCity}, {"区级", huiqi.LevelDistrict}, {"县级", huiqi.LevelDistrict},
	{"国家", huiqi.LevelNational}, {"省", huiqi.LevelProvincial}, {"市", huiqi.LevelCity},
}

var listSeps = []string{"、", "和", "及", "与", "/"}

// levelsBefore reads the level words just before the title at end, in the
// order written, and where they start. A place name may precede 市级
// (嘉兴市级); 国家、省、市级 lists several levels.
func levelsBefore(text string, end int) ([]string, int) {
	var levels []string
	pos := end
	for _, mod := range []string{"科技", "重点", "人民政府", "政府"} { // 省级科技孵化器, 省级重点企业研究院, 浙江省人民政府质量奖
		if strings.HasSuffix(text[:pos], mod) {
			pos -= len(mod)
			break
		}
	}
	pos -= openQuote(text[:pos]) // 省级“隐形冠军”
	start := pos
	for {
		s := text[:pos]
		tok, ok := levelSuffix(s)
		if !ok {
			if pos == start {
				return levels, end
			}
			break
		}
		levels = append([]string{tok.level}, levels...)
		pos -= len(tok.word)
		if tok.level == huiqi.LevelCity || tok.level == huiqi.LevelProvincial {
			pos -= placeBefore(text[:pos])
		}
		from := pos
		for _, sep := range listSeps {
			if strings.HasSuffix(text[:pos], sep) {
				pos -= len(sep)
				break
			}
		}
		if pos == from {
			return levels, pos
		}
		if _, ok := levelSuffix(text[:pos]); !ok {
			return levels, from
		}
	}
	return levels, pos
}

func levelSuffix(s string) (struct{ word, level string }, bool) {
	for _, t := range levelTokens {
		if strings.HasSuffix(s, t.word) {
			if (t.word == "市" || t.word == "省") && strings.HasSuffix(s, "我"+t.word) {
				return t, false // 我市企业: the issuer, not a level
			}
			return t, true
		}
	}
	return struct{ word, level string }{}, false
}

// placeBefore is the byte length of a place name (2–3 Han characters)
// ending s, stopping at words that begin a clause (对, 的, 新, 为…).
func placeBefore(s string) int {
	n, runes := 0, 0
	for len(s) > 0 && runes < 3 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune("对的新为定获得批评入选和及与、年度当首次在于建", r) {
			break
		}
		n += size
		runes++
		s = s[:len(s)-size]
	}
	if runes < 2 {
		return 0
	}
	return n
}

// openQuote is the byte length of an opening quotation mark ending s.
func openQuote(s string) int {
	for _, q := range []string{"“", "\"", "「", "‘"} {
		if strings.HasSuffix(s, q) {
			return len(q)
		}
	}
	return 0
}
