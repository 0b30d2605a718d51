package propose

import (
	"strings"
)

// industryWords name kinds of enterprise by their GB/T 4754-2017 industry,
// longest first: 软件和信息技术服务业 is division 65, 制造业 section C,
// 工业 the sections B, C and D.
var industryWords = []struct {
	word     string
	prefixes []string
	label    string
}{
	{"软件和信息技术服务业企业", []string{"65"}, "行业为软件和信息技术服务业"},
	{"软件和信息技术服务业", []string{"65"}, "行业为软件和信息技术服务业"},
	{"软件和信息服务业企业", []string{"65"}, "行业为软件和信息技术服务业"},
	{"制造业企业", []string{"C"}, "行业为制造业"},
	{"制造企业", []string{"C"}, "行业为制造业"},
	{"工业企业", []string{"B", "C", "D"}, "行业为工业（采矿业、制造业、电力热力燃气及水生产和供应业）"},
	{"建筑业企业", []string{"E"}, "行业为建筑业"},
	{"批发零售企业", []string{"F"}, "行业为批发和零售业"},
	{"批发和零售业企业", []string{"F"}, "行业为批发和零售业"},
	{"批发企业", []string{"51"}, "行业为批发业"},
	{"批发类企业", []string{"51"}, "行业为批发业"},
	{"零售企业", []string{"52"}, "行业为零售业"},
	{"零售类企业", []string{"52"}, "行业为零售业"},
	{"住宿餐饮企业", []string{"H"}, "行业为住宿和餐饮业"},
	{"住宿和餐饮业企业", []string{"H"}, "行业为住宿和餐饮业"},
	{"餐饮企业", []string{"62"}, "行业为餐饮业"},
	{"住宿企业", []string{"61"}, "行业为住宿业"},
}

// industries reads the kinds of enterprise a text names by industry:
// 工业企业, 制造业企业, 软件和信息技术服务业企业. A word an object word
// precedes (帮助工业企业) or that is part of a title read (规上工业企业,
// masked) is not read.
func (r *reader) industries(text string, mask []bool) []piece {
	var out []piece
	read := map[string]bool{}
	for _, w := range industryWords {
		for off := 0; ; {
			i := strings.Index(text[off:], w.word)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(w.word)
			off = e
			if masked(mask, s, e) || overlappingAny(out, s, e) || objectOf(text[:s]) || servedBy(text[:s]) || strings.HasSuffix(text[:s], "非") {
				continue
			}
			if read[w.label] {
				continue // read once
			}
			read[w.label] = true
			c := Cond{Kind: CondIndustry, Prefixes: w.prefixes, Label: w.label}
			out = append(out, piece{cond: c, start: s, end: e})
		}
	}
	return out
}

// masked reports whether any byte of [s, e) was read already.
func masked(mask []bool, s, e int) bool {
	for i := s; i < e; i++ {
		if mask[i] {
			return true
		}
	}
	return false
}

func overlappingAny(ps []piece, s, e int) bool {
	for _, p := range ps {
		if s < p.end && p.start < e {
			return true
		}
	}
	return false
}

// servedWords shortly before a kind of enterprise make it the one served
// or invested in, not the applicant: 面向工业企业, 为工业企业提供担保,
// 投资我市成立5年内的企业.
var servedWords = []string{"面向", "为", "向", "投资", "帮助", "服务于", "引导"}

// servedBy reports whether a served word stands within the four
// characters before.
func servedBy(before string) bool {
	rs := []rune(before)
	if len(rs) > 4 {
		before = string(rs[len(rs)-4:])
	}
	for _, w := range servedWords {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}
