package portal

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/industry"
	"github.com/huiqi-dev/huiqi/region"
)

// fieldView is one form field as the template shows it.
type fieldView struct {
	ID, Name, Label, Hint, Unit, Value, Error string
	Type                                      string // text, int, money, date, yesno
	Resolved                                  string // what a region or industry code names
	Described                                 string // aria-describedby
}

// fieldGroups are the fieldsets of the form's simple fields.
var fieldGroups = []struct {
	legend, hint string
	paths        []string
}{
	{"基本信息", "", []string{"name", "credit_code", "region_code", "industry_code", "registered_on"}},
	{"人员", "按上一年度填写。", []string{"employees", "tech_staff"}},
	{"知识产权", "按目前有效的数量填写。", []string{"ip.class1", "ip.class2", "core_ip_owned", "in_key_tech_field"}},
	{"其他情况", "", []string{"incidents_last_year", "innovation_score"}},
}

// fieldID is the element id of a field: f- and its path with brackets and
// dots as hyphens (financials[2025].revenue_yuan → f-financials-2025-revenue_yuan).
func fieldID(path string) string {
	return "f-" + strings.NewReplacer("[", "-", "].", "-", "]", "", ".", "-").Replace(path)
}

var kindTypes = map[fieldKind]string{kindText: "text", kindInt: "int", kindMoney: "money", kindDate: "date",
	kindYesNo: "yesno", kindRegion: "text", kindIndustry: "text"}

// view builds a field's view from the saved profile: the value entered
// when it could not be read, else the profile's value.
func (fv *formValues) view(q question, path string) fieldView {
	v := fieldView{ID: fieldID(path), Name: path, Label: q.Label, Hint: q.Hint, Unit: q.Unit, Type: kindTypes[q.Kind]}
	v.Error = fv.errors[path]
	v.Value, v.Resolved = fv.value(q, path)
	if raw, ok := fv.entered[path]; ok {
		v.Value, v.Resolved = raw, ""
	}
	var ids []string
	if v.Hint != "" {
		ids = append(ids, v.ID+"-hint")
	}
	if v.Error != "" {
		ids = append(ids, v.ID+"-error")
	}
	v.Described = strings.Join(ids, " ")
	return v
}

// formValues are the saved profile and its problems, by form path.
type formValues struct {
	e       *huiqi.Enterprise
	entered map[string]string
	errors  map[string]string
}

func newFormValues(sp *huiqi.SavedProfile) *formValues {
	fv := &formValues{e: &huiqi.Enterprise{}, entered: map[string]string{}, errors: map[string]string{}}
	if sp == nil {
		return fv
	}
	fv.e = &sp.Profile
	if sp.Entered != nil {
		fv.entered = sp.Entered
	}
	for _, p := range sp.Problems {
		if fv.errors[p.Path] == "" {
			fv.errors[p.Path] = p.Msg
		} else {
			fv.errors[p.Path] += "；" + p.Msg
		}
	}
	return fv
}

// value is a field's saved value in the form's words, and for codes the
// name they stand for.
func (fv *formValues) value(q question, path string) (string, string) {
	e := fv.e
	switch q.Kind {
	case kindText:
		return *textField(e, path), ""
	case kindRegion:
		if r, ok := region.Lookup(e.RegionCode); ok {
			return r.FullName, r.FullName + "（" + r.Code + "）"
		}
		return e.RegionCode, ""
	case kindIndustry:
		if i, ok := industry.Lookup(e.IndustryCode); ok {
			return i.Section + strings.TrimPrefix(i.Code, i.Section), i.Name
		}
		return e.IndustryCode, ""
	case kindDate:
		if e.RegisteredOn.IsZero() {
			return "", ""
		}
		return e.RegisteredOn.String(), ""
	case kindInt:
		return intText(intValue(e, path)), ""
	case kindYesNo:
		if id, ok := strings.CutPrefix(path, "declarations."); ok {
			if b, ok := e.Declarations[id]; ok {
				return yesNo(&b), ""
			}
			return "", ""
		}
		if path == "core_ip_owned" {
			return yesNo(e.CoreIPOwned), ""
		}
		return yesNo(e.InKeyTechField), ""
	}
	return "", ""
}

func intText(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func yesNo(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return "yes"
	}
	return "no"
}

// moneyText writes a saved amount as the form shows it: whole yuan with
// thousands separators (52,000,000), which the form reads back.
func moneyText(n *int64) string {
	if n == nil {
		return ""
	}
	s := strconv.FormatInt(*n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// yearLabel names a fiscal year in the form.
func yearLabel(y int) string { return fmt.Sprintf("%d 年度", y) }
