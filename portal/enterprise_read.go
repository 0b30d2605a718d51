package portal

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/profile"
)

// maxCertRows bounds the certification rows a form may post.
const maxCertRows = 20

// formRead is a posted form read into a profile: what could not be read is
// kept as entered, with a problem naming its field.
type formRead struct {
	e        huiqi.Enterprise
	entered  map[string]string
	problems []huiqi.ProfileProblem
}

func (f *formRead) fail(path, raw, msg string) {
	if raw != "" {
		f.entered[path] = raw
	}
	f.problems = append(f.problems, huiqi.ProfileProblem{Path: path, Msg: msg})
}

// readForm reads the posted form as of asOf. prev is the saved profile:
// its fiscal years the form does not show are kept.
func (fs formSpec) readForm(v url.Values, years []int, prev *huiqi.Enterprise, asOf huiqi.Date) formRead {
	f := formRead{entered: map[string]string{}}
	for _, q := range fs.Fields {
		f.readField(&f.e, q, strings.TrimSpace(v.Get(q.Path)))
	}
	f.readFinancials(fs.Money, v, years, prev)
	f.readCerts(v)
	for _, q := range append(append([]question(nil), fs.Decls...), fs.Stated...) {
		raw := v.Get(q.Path)
		b, ok := parseYesNo(raw)
		if !ok {
			f.fail(q.Path, raw, "请选择“是”或“否”")
		} else if b != nil {
			if f.e.Declarations == nil {
				f.e.Declarations = map[string]bool{}
			}
			f.e.Declarations[strings.TrimPrefix(q.Path, "declarations.")] = *b
		}
	}
	f.validate(asOf)
	return f
}

// readField reads one of the simple fields into e.
func (f *formRead) readField(e *huiqi.Enterprise, q question, raw string) {
	if raw == "" {
		return
	}
	switch q.Kind {
	case kindText:
		*textField(e, q.Path) = raw
	case kindRegion:
		if r, ok := parseRegion(raw); ok {
			e.RegionCode = r.Code
		} else {
			f.fail(q.Path, raw, "未找到该地区：请填写区县名称（如 成都市青羊区）或 6 位行政区划代码")
		}
	case kindIndustry:
		if i, ok := parseIndustry(raw); ok {
			e.IndustryCode = i.Code
		} else {
			f.fail(q.Path, raw, "未找到该行业：请填写行业代码（如 I6513）或行业小类的完整名称")
		}
	case kindDate:
		if d, ok := parseDate(raw); ok {
			e.RegisteredOn = d
		} else {
			f.fail(q.Path, raw, "日期格式应为 年-月-日，如 2019-03-08")
		}
	case kindInt:
		if n, ok := parseInt(raw); ok {
			*intField(e, q.Path) = &n
		} else {
			f.fail(q.Path, raw, "请填写整数"+unitWords(q.Unit))
		}
	case kindYesNo:
		if b, ok := parseYesNo(raw); ok {
			*boolField(e, q.Path) = b
		} else {
			f.fail(q.Path, raw, "请选择“是”或“否”")
		}
	}
}

func unitWords(unit string) string {
	if unit == "" {
		return ""
	}
	return "（单位：" + unit + "）"
}

// finPath is the form path of a fiscal year's figure.
func finPath(year int, key string) string { return fmt.Sprintf("financials[%d].%s", year, key) }

// readFinancials reads the years shown, newest first, and keeps the
// saved profile's other years.
func (f *formRead) readFinancials(qs []question, v url.Values, years []int, prev *huiqi.Enterprise) {
	for _, y := range years {
		fin := huiqi.Financials{Year: y}
		any := false
		for _, q := range qs {
			p := finPath(y, q.Path)
			raw := strings.TrimSpace(v.Get(p))
			if raw == "" {
				continue
			}
			n, ok := parseYuan(raw)
			if !ok {
				f.fail(p, raw, "请填写金额（元），如 5200000 或 520万")
				continue
			}
			*moneyField(&fin, q.Path) = &n
			any = true
		}
		if any {
			f.e.Financials = append(f.e.Financials, fin)
		}
	}
	if prev == nil {
		return
	}
	for _, fin := range prev.Financials {
		if !containsInt(years, fin.Year) {
			f.e.Financials = append(f.e.Financials, fin)
		}
	}
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// validate normalises the profile and adds what package profile finds,
// with fiscal years named by year as the form names them.
func (f *formRead) validate(asOf huiqi.Date) {
	profile.Normalize(&f.e)
	err := profile.ValidateAsOf(&f.e, asOf)
	ps, _ := err.(profile.Problems)
	for _, p := range ps {
		f.problems = append(f.problems, huiqi.ProfileProblem{Path: f.formPath(p.Path), Msg: p.Msg})
	}
}

// formPath turns financials[i] of a problem's path into financials[YEAR].
func (f *formRead) formPath(path string) string {
	rest, ok := strings.CutPrefix(path, "financials[")
	if !ok {
		return path
	}
	num, tail, ok := strings.Cut(rest, "]")
	i, err := strconv.Atoi(num)
	if !ok || err != nil || i < 0 || i >= len(f.e.Financials) {
		return path
	}
	return fmt.Sprintf("financials[%d]%s", f.e.Financials[i].Year, tail)
}
