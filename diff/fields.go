package diff

import (
	"math"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

func metadata(old, new *huiqi.Policy) []FieldChange {
	var l fieldList
	l.add("title", old.Title, new.Title)
	l.add("doc_number", old.DocNumber, new.DocNumber)
	l.add("doc_type", old.DocType, new.DocType)
	l.add("issuers", strings.Join(old.Issuers, "、"), strings.Join(new.Issuers, "、"))
	l.add("region", region(old.Region), region(new.Region))
	l.add("draft", strconv.FormatBool(old.Draft), strconv.FormatBool(new.Draft))
	l.add("issued_on", old.IssuedOn.String(), new.IssuedOn.String())
	l.add("published_on", old.PublishedOn.String(), new.PublishedOn.String())
	l.add("effective_on", old.EffectiveOn.String(), new.EffectiveOn.String())
	l.add("expires_on", old.ExpiresOn.String(), new.ExpiresOn.String())
	return l
}

func region(r *huiqi.Region) string {
	if r == nil {
		return ""
	}
	return r.Code + " " + r.Name
}

var measureKeys = []func(*huiqi.Measure) string{
	func(m *huiqi.Measure) string { return m.ClausePath + "\x00" + yuan(m.AmountYuan) },
	func(m *huiqi.Measure) string { return m.Text },
	func(m *huiqi.Measure) string { return m.ClausePath + "\x00" + string(m.Kind) + "\x00" + m.Beneficiary },
}

func measureFields(a, b *huiqi.Measure) []FieldChange {
	var l fieldList
	l.add("clause", a.ClausePath, b.ClausePath)
	l.add("kind", string(a.Kind), string(b.Kind))
	l.add("beneficiary", a.Beneficiary, b.Beneficiary)
	l.add("amount", amount(a), amount(b))
	l.add("cap", yuan(a.CapYuan)+" "+a.CapPeriod, yuan(b.CapYuan)+" "+b.CapPeriod)
	l.add("rate", rate(a.Rate)+" "+a.RateBase, rate(b.Rate)+" "+b.RateBase)
	l.add("per_unit", a.PerUnit, b.PerUnit)
	l.add("periodicity", a.Periodicity, b.Periodicity)
	l.add("condition", a.Condition, b.Condition)
	l.add("text", a.Text, b.Text)
	return l
}

var targetKeys = []func(*huiqi.Target) string{
	func(t *huiqi.Target) string { return t.ClausePath + "\x00" + t.Indicator },
	func(t *huiqi.Target) string { return t.Indicator },
}

func targetFields(a, b *huiqi.Target) []FieldChange {
	var l fieldList
	l.add("clause", a.ClausePath, b.ClausePath)
	l.add("indicator", a.Indicator, b.Indicator)
	l.add("value", a.Comparator+quantity(a.Value, a.Unit), b.Comparator+quantity(b.Value, b.Unit))
	l.add("year", year(a.Year), year(b.Year))
	l.add("baseline", baseline(a), baseline(b))
	l.add("text", a.Text, b.Text)
	return l
}

var taskKeys = []func(*huiqi.Task) string{
	func(t *huiqi.Task) string { return t.Title },
	func(t *huiqi.Task) string { return t.ClausePath },
}

func taskFields(a, b *huiqi.Task) []FieldChange {
	var l fieldList
	l.add("clause", a.ClausePath, b.ClausePath)
	l.add("title", a.Title, b.Title)
	l.add("lead_units", strings.Join(a.LeadUnits, "、"), strings.Join(b.LeadUnits, "、"))
	l.add("units", strings.Join(a.Units, "、"), strings.Join(b.Units, "、"))
	l.add("text", a.Text, b.Text)
	return l
}

// Wan formats an amount of yuan in 万元, the unit policy texts use: 1500000 → "150万元".
func Wan(yuan int64) string {
	return strconv.FormatFloat(float64(yuan)/1e4, 'f', -1, 64) + "万元"
}

func yuan(v *int64) string {
	if v == nil {
		return ""
	}
	return Wan(*v)
}

// amount formats a measure's amount with its range and cap flag.
func amount(m *huiqi.Measure) string {
	s := yuan(m.AmountYuan)
	if m.AmountMinYuan != nil && s != "" {
		s = yuan(m.AmountMinYuan) + "–" + s
	}
	if m.AmountIsCap && s != "" {
		s = "最高" + s
	}
	if m.PerUnit != "" && s != "" {
		s += "/" + m.PerUnit
	}
	return s
}

func rate(r *float64) string {
	if r == nil {
		return ""
	}
	return number(math.Round(*r*1e8)/1e6) + "%" // rounded: 0.2×100 is 20.000000000000004
}

// quantity formats a target value; money, stored in yuan, reads in 万元.
func quantity(v float64, unit string) string {
	if unit == "元" && v == math.Trunc(v) && math.Abs(v) < 1e18 {
		return Wan(int64(v))
	}
	return number(v) + " " + unit
}

func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func year(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

func baseline(t *huiqi.Target) string {
	if t.Baseline == nil {
		return ""
	}
	return quantity(*t.Baseline, t.Unit) + " (" + year(t.BaselineYear) + ")"
}
