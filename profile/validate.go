package profile

import (
	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/industry"
	"github.com/huiqi-dev/huiqi/region"
)

// earliestYear is the first year a registration date or fiscal year may
// fall in: older dates are typing slips, not old enterprises.
const earliestYear = 1900

// Validate checks what can be wrong with a profile on its own and returns
// every problem at once as Problems (code huiqi.EINVALID), or nil. Missing
// fields are never a problem. Dates are not compared with today: see
// ValidateAsOf.
func Validate(e *huiqi.Enterprise) error { return ValidateAsOf(e, huiqi.Date{}) }

// ValidateAsOf is Validate that also rejects dates after asOf: a
// registration, a fiscal year or a certification granted later than the day
// the profile describes. A zero asOf checks no date against a day.
func ValidateAsOf(e *huiqi.Enterprise, asOf huiqi.Date) error {
	v := &validator{e: e, asOf: asOf}
	v.identity()
	v.counts()
	v.financials()
	v.certifications()
	for key := range e.Declarations {
		if key == "" {
			v.ps.add("declarations", "声明编号为空")
		}
	}
	return v.ps.err()
}

// validator collects the problems of one profile.
type validator struct {
	e    *huiqi.Enterprise
	asOf huiqi.Date
	ps   Problems
}

// identity checks the codes and the registration date.
func (v *validator) identity() {
	e := v.e
	if e.CreditCode != "" {
		if err := CheckCreditCode(e.CreditCode); err != nil {
			v.ps.add("credit_code", "%s", err)
		}
	}
	if _, ok := region.Lookup(e.RegionCode); e.RegionCode != "" && !ok {
		v.ps.add("region_code", "行政区划代码 %q 不存在（应为 GB/T 2260 的 6 位代码，如 330106）", e.RegionCode)
	}
	if _, ok := industry.Lookup(e.IndustryCode); e.IndustryCode != "" && !ok {
		v.ps.add("industry_code", "行业代码 %q 不存在（应为 GB/T 4754-2017 的门类字母或 2–4 位代码，如 6513）", e.IndustryCode)
	}
	v.date("registered_on", "成立日期", e.RegisteredOn)
}

// date checks that d is a real date, not absurdly old, and not after asOf.
func (v *validator) date(path, what string, d huiqi.Date) {
	switch {
	case d.IsZero():
	case !d.Valid():
		v.ps.add(path, "%s %04d-%02d-%02d 不是真实的日期", what, d.Year, d.Month, d.Day)
	case d.Year < earliestYear:
		v.ps.add(path, "%s %s 早于 %d 年，不合理", what, d, earliestYear)
	case v.later(d):
		v.ps.add(path, "%s %s 晚于核查日期 %s", what, d, v.asOf)
	}
}

// later reports whether d is after the as-of date, when there is one.
func (v *validator) later(d huiqi.Date) bool {
	return !v.asOf.IsZero() && before(v.asOf, d)
}

// before reports whether a is an earlier day than b.
func before(a, b huiqi.Date) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}

// counts checks the head counts, IP counts, incidents and score.
func (v *validator) counts() {
	e := v.e
	v.nonNegative("employees", e.Employees)
	v.nonNegative("tech_staff", e.TechStaff)
	if e.Employees != nil && e.TechStaff != nil && *e.TechStaff > *e.Employees {
		v.ps.add("tech_staff", "科技人员数 %d 多于职工总数 employees %d", *e.TechStaff, *e.Employees)
	}
	if e.IP != nil {
		v.nonNegative("ip.class1", e.IP.Class1)
		v.nonNegative("ip.class2", e.IP.Class2)
	}
	v.nonNegative("incidents_last_year", e.IncidentsLastYear)
	if s := e.InnovationScore; s != nil && (*s < 0 || *s > 100) {
		v.ps.add("innovation_score", "创新能力评分 %d 应在 0–100 之间", *s)
	}
}

func (v *validator) nonNegative(path string, n *int) {
	if n != nil && *n < 0 {
		v.ps.add(path, "不能为负数（%d）", *n)
	}
}
