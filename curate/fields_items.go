package curate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
)

// measureFields are what an officer corrects of a measure.
func measureFields(m *huiqi.Measure) map[string]field {
	return map[string]field{
		"beneficiary": text(&m.Beneficiary), "condition": text(&m.Condition), "per_unit": text(&m.PerUnit),
		"kind":       kindField(m),
		"amount_min": yuanField(&m.AmountMinYuan), "amount_max": yuanField(&m.AmountYuan), "cap": yuanField(&m.CapYuan),
		"periodicity": choice(&m.Periodicity, "", "one_time", "annual"),
	}
}

// targetFields are what an officer corrects of a target.
func targetFields(t *huiqi.Target) map[string]field {
	return map[string]field{
		"indicator": text(&t.Indicator), "unit": text(&t.Unit),
		"comparator": choice(&t.Comparator, "", "≥", ">", "≈", "="),
		"value":      numberField(&t.Value), "year": yearField(&t.Year),
	}
}

// taskFields are what an officer corrects of a task.
func taskFields(t *huiqi.Task) map[string]field {
	return map[string]field{"title": text(&t.Title), "lead_units": list(&t.LeadUnits), "units": list(&t.Units)}
}

// Kinds are the measure kinds an officer may choose, in the form's order.
var Kinds = []huiqi.MeasureKind{huiqi.KindSubsidy, huiqi.KindReward, huiqi.KindGrant, huiqi.KindInterest,
	huiqi.KindVoucher, huiqi.KindFund, huiqi.KindLoan, huiqi.KindTax, huiqi.KindInKind, huiqi.KindOther}

func kindField(m *huiqi.Measure) field {
	return field{get: func() string { return string(m.Kind) }, set: func(v string) error {
		for _, k := range Kinds {
			if string(k) == v {
				m.Kind = k
				return nil
			}
		}
		return errorf("措施类型 %q 无效", v)
	}}
}

// choice is a field of one of values.
func choice(s *string, values ...string) field {
	return field{get: func() string { return *s }, set: func(v string) error {
		for _, x := range values {
			if x == v {
				*s = v
				return nil
			}
		}
		return errorf("%q 无效，应为 %s 之一", v, strings.Join(values[1:], "、"))
	}}
}

// yuanField is an amount in yuan; empty for none.
func yuanField(y **int64) field {
	return field{get: func() string {
		if *y == nil {
			return ""
		}
		return strconv.FormatInt(**y, 10)
	}, set: func(v string) error {
		if v == "" {
			*y = nil
			return nil
		}
		n, err := ParseYuan(v)
		if err != nil {
			return err
		}
		*y = &n
		return nil
	}}
}

// ParseYuan reads an amount as typed: yuan ("300000", "300000元") or with
// 万 or 亿 ("30万", "30万元", "1.5亿元"); whole yuan, not negative.
func ParseYuan(s string) (int64, error) {
	v := strings.TrimSuffix(strings.ReplaceAll(strings.TrimSpace(s), ",", ""), "元")
	mult := 1.0
	switch {
	case strings.HasSuffix(v, "万"):
		v, mult = strings.TrimSuffix(v, "万"), 1e4
	case strings.HasSuffix(v, "亿"):
		v, mult = strings.TrimSuffix(v, "亿"), 1e8
	}
	v = strings.TrimSpace(v)
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || strings.Trim(v, "0123456789.") != "" || f < 0 || f*mult > 1e15 {
		return 0, errorf("金额 %q 无法识别（例：300000、30万元）", s)
	}
	y := f * mult
	if y != float64(int64(y)) {
		return 0, errorf("金额 %q 不是整数元", s)
	}
	return int64(y), nil
}

func numberField(x *float64) field {
	return field{get: func() string { return strconv.FormatFloat(*x, 'f', -1, 64) }, set: func(v string) error {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return errorf("数值 %q 无法识别", v)
		}
		*x = f
		return nil
	}}
}

func yearField(y *int) field {
	return field{get: func() string {
		if *y == 0 {
			return ""
		}
		return strconv.Itoa(*y)
	}, set: func(v string) error {
		if v == "" {
			*y = 0
			return nil
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1949 || n > 2100 {
			return errorf("年份 %q 无效", v)
		}
		*y = n
		return nil
	}}
}

// errorf is the reason a typed value is refused; apply names the field.
func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }
