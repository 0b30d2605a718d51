package profile

import (
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/industry"
	"github.com/huiqi-dev/huiqi/region"
)

// Normalize puts e in the form rules match on and returns warnings about
// what it could not: the name trimmed, the credit code in upper-case ASCII
// without spaces, known region and industry codes in their full form (51 → 510000,
// C3921 → 3921), certification names canonical (国家高新技术企业 → 高新技术企业)
// with the level a name states (省级孵化器 → 孵化器, provincial) when none is
// given, and levels written in Chinese as their constants (省级 → provincial). An unknown certification name is kept as given, with a warning.
// Codes that do not exist are left for Validate to report.
func Normalize(e *huiqi.Enterprise) Problems {
	var warn Problems
	e.Name = strings.TrimSpace(e.Name)
	e.CreditCode = narrowCode(e.CreditCode)
	if r, ok := region.Lookup(strings.TrimSpace(e.RegionCode)); ok {
		e.RegionCode = r.Code
	}
	if c, ok := industry.Normalize(e.IndustryCode); ok {
		e.IndustryCode = c
	}
	for i := range e.Certifications {
		c := &e.Certifications[i]
		path := index("certifications", i)
		c.Level = normalizeLevel(c.Level)
		name, level, known := NormalizeCertification(c.Name)
		switch {
		case !known && name != "":
			warn.add(path+".name", "资质名称 %q 不在已知列表中，规则可能无法识别（已知: %s）", name, strings.Join(CertificationNames(), "、"))
		case level != "" && c.Level != "" && level != c.Level:
			warn.add(path+".level", "名称 %q 表明级别为 %s，但 level 为 %s；保留 level", c.Name, level, c.Level)
		case level != "" && c.Level == "":
			c.Level = level
		}
		c.Name = name
	}
	return warn
}

// normalizeLevel maps a level written in Chinese or in capitals to its
// constant (省级 → provincial, National → national); others are kept for
// Validate to report.
func normalizeLevel(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, w := range levelWords {
		if s == w.word {
			return w.level
		}
	}
	return s
}

// narrowCode writes a code as typed or copied from a PDF in its ASCII form:
// full-width characters (９１４４…) narrowed, spaces dropped, upper case.
func narrowCode(s string) string {
	return strings.ToUpper(strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '\t' || r == '\u3000':
			return -1
		case r >= '！' && r <= '～':
			return r - '！' + '!'
		}
		return r
	}, s))
}
