package portal

import (
	"net/url"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/rules"
)

// FuzzReadForm: whatever a form posts, reading it never panics, and every
// value it could not read is kept with a problem at its field.
func FuzzReadForm(f *testing.F) {
	fs := newFormSpec(mustSets(f))
	asOf := huiqi.Date{Year: 2026, Month: 5, Day: 1}
	f.Add("120", "5200万", "2019-03-08", "成都市青羊区", "高新技术企业", "2023-11-01", "yes", "3")
	f.Add("-1", "1.5", "2019-02-30", "999999", "", "昨天", "maybe", "999")
	f.Fuzz(func(t *testing.T, n, money, date, place, cert, since, yes, rows string) {
		v := url.Values{
			"employees": {n}, "ip.class1": {n}, "financials[2025].revenue_yuan": {money},
			"financials[2024].rd_expense_yuan": {money}, "registered_on": {date}, "region_code": {place},
			"industry_code": {place}, "cert_rows": {rows}, "certifications[0].name": {cert},
			"certifications[0].since": {since}, "certifications[1].until": {since},
			"core_ip_owned": {yes}, "declarations.no_abnormal": {yes},
		}
		got := fs.readForm(v, fiscalYears(asOf), nil, asOf)
		problems := map[string]bool{}
		for _, p := range got.problems {
			problems[p.Path] = true
		}
		for path := range got.entered {
			if !problems[path] && !problems[certName(path)] {
				t.Errorf("%s kept as entered (%q) without a problem", path, got.entered[path])
			}
		}
		fs.page(&huiqi.SavedProfile{Profile: got.e, Problems: got.problems, Entered: got.entered}, fiscalYears(asOf))
	})
}

// certName is the name field of the certification row a path is in.
func certName(path string) string {
	for i := 0; i < len(path); i++ {
		if path[i] == ']' {
			return path[:i+1] + ".name"
		}
	}
	return path
}

func mustSets(tb testing.TB) []*rules.Set {
	tb.Helper()
	sets, err := qualificationSets()
	if err != nil {
		tb.Fatal(err)
	}
	return sets
}
