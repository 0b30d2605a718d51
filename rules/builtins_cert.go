package rules

import (
	"fmt"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/industry"
	"github.com/huiqi-dev/huiqi/region"
)

// textArgs requires lo..hi text literals.
func textArgs(args []node, lo, hi int) error {
	if err := wantArgs(args, lo, hi); err != nil {
		return err
	}
	for _, a := range args {
		if _, ok := a.(*textLit); !ok {
			return fmt.Errorf("want text in quotes, got %s", a.src())
		}
	}
	return nil
}

func text(n node) string { return n.(*textLit).s }

func checkCert(t typ) func(c *checker, args []node) (typ, error) {
	return func(c *checker, args []node) (typ, error) {
		if err := textArgs(args, 1, 2); err != nil {
			return typ{}, err
		}
		if len(args) == 2 {
			switch text(args[1]) {
			case huiqi.LevelNational, huiqi.LevelProvincial, huiqi.LevelCity, huiqi.LevelDistrict:
			default:
				return typ{}, fmt.Errorf("level %s: want national, provincial, city or district", args[1].src())
			}
		}
		return t, nil
	}
}

// held returns the certifications matching the arguments and valid on the
// evaluation date; known is false when the profile lists none at all.
func (ev *evaluator) held(args []node) (certs []huiqi.Certification, known bool) {
	if ev.ent.Certifications == nil {
		ev.miss("certifications", "已获资质（认定）")
		return nil, false
	}
	for _, c := range ev.ent.Certifications {
		if c.Name != text(args[0]) || len(args) == 2 && c.Level != text(args[1]) {
			continue
		}
		if !c.Since.IsZero() && dateCmp(c.Since, ev.asOf) > 0 || !c.Until.IsZero() && dateCmp(ev.asOf, c.Until) > 0 {
			continue
		}
		certs = append(certs, c)
	}
	return certs, true
}

func certLabel(args []node) string {
	if len(args) == 2 {
		return text(args[0]) + "（" + text(args[1]) + "）"
	}
	return text(args[0])
}

func evalCertified(ev *evaluator, a []node) (value, bool) {
	certs, ok := ev.held(a)
	v := value{kind: kBool, b: len(certs) > 0}
	if ok {
		ev.fact("certified:"+certLabel(a), "持有"+certLabel(a), v)
	}
	return v, ok
}

// evalCertifiedSince is the since date of the most recent certification
// held; the zero date (satisfying no comparison) when none is held.
func evalCertifiedSince(ev *evaluator, a []node) (value, bool) {
	certs, ok := ev.held(a)
	if !ok {
		return value{}, false
	}
	v := value{kind: kDate}
	for _, c := range certs {
		if c.Since.IsZero() {
			ev.miss("certifications["+c.Name+"].since", c.Name+"认定日期")
			return value{}, false
		}
		if dateCmp(c.Since, v.date) > 0 {
			v.date = c.Since
		}
	}
	ev.fact("certified_since:"+certLabel(a), certLabel(a)+"认定日期", v)
	return v, true
}

func checkWithin(c *checker, args []node) (typ, error) {
	if err := textArgs(args, 1, 1); err != nil {
		return typ{}, err
	}
	if code := text(args[0]); code != region.National.Code {
		if _, ok := region.Lookup(code); !ok {
			return typ{}, fmt.Errorf("%q is not a GB/T 2260 code", code)
		}
	}
	return typ{kind: kBool}, nil
}

func evalWithin(ev *evaluator, a []node) (value, bool) {
	outer := text(a[0])
	if outer == region.National.Code {
		return value{kind: kBool, b: true}, true
	}
	if ev.ent.RegionCode == "" {
		ev.miss("region_code", fields["region_code"].label)
		return value{}, false
	}
	v := value{kind: kBool, b: region.Contains(outer, ev.ent.RegionCode)}
	if !ev.quiet {
		ev.fact("region_code", fields["region_code"].label, value{kind: kText, s: regionName(ev.ent.RegionCode)})
	}
	return v, true
}

func regionName(code string) string {
	if r, ok := region.Lookup(code); ok {
		return r.FullName + "（" + code + "）"
	}
	return code
}

func checkIndustry(c *checker, args []node) (typ, error) {
	if err := textArgs(args, 1, 50); err != nil {
		return typ{}, err
	}
	for _, a := range args {
		if _, ok := industry.Lookup(text(a)); !ok {
			return typ{}, fmt.Errorf("%q is not a GB/T 4754-2017 code", text(a))
		}
	}
	return typ{kind: kBool}, nil
}

func evalIndustry(ev *evaluator, a []node) (value, bool) {
	code := ev.ent.IndustryCode
	if code == "" {
		ev.miss("industry_code", fields["industry_code"].label)
		return value{}, false
	}
	ev.fact("industry_code", fields["industry_code"].label, value{kind: kText, s: code})
	for _, p := range a {
		if industry.Contains(text(p), code) {
			return value{kind: kBool, b: true}, true
		}
	}
	return value{kind: kBool}, true
}
