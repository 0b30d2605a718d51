package portal

import (
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func testSpec(t *testing.T) formSpec {
	t.Helper()
	sets, err := qualificationSets()
	if err != nil {
		t.Fatal(err)
	}
	if len(sets) < 4 {
		t.Fatalf("%d qualification sets, want 高新技术企业, 科技型中小企业, 创新型 and 专精特新", len(sets))
	}
	return newFormSpec(sets)
}

// TestFormAsksWhatRulesNeed: every field, certification and declaration
// the national sets read has its question, labelled.
func TestFormAsksWhatRulesNeed(t *testing.T) {
	fs := testSpec(t)
	asked := map[string]bool{"certifications": true}
	for _, q := range fs.Fields {
		asked[q.Path] = true
	}
	for _, q := range fs.Money {
		asked["financials."+q.Path] = true
	}
	for _, q := range append(fs.Decls, fs.Stated...) {
		asked[q.Path] = true
		if q.Label == "" || q.Label == q.Path {
			t.Errorf("declaration %s has no label", q.Path)
		}
	}
	sets, _ := qualificationSets()
	for _, s := range sets {
		n := s.Needs()
		for _, f := range n.Fields {
			if !asked[f] {
				t.Errorf("%s reads %s, which the form does not ask", s.ID, f)
			}
		}
		for _, d := range n.Declarations {
			if !asked["declarations."+d] {
				t.Errorf("%s asks to confirm %s, which the form does not ask", s.ID, d)
			}
		}
		for _, c := range n.Certifications {
			if !slices.Contains(fs.Certs, c) {
				t.Errorf("%s reads certification %s, which the form does not offer", s.ID, c)
			}
		}
	}
	for _, f := range matchReads {
		if !asked[f] {
			t.Errorf("matching reads %s, which the form does not ask", f)
		}
	}
}

// posted is what a browser posts for a form page, unchanged.
func posted(pg enterprisePage, action string) url.Values {
	v := url.Values{"action": {action}}
	add := func(fs []fieldView) {
		for _, f := range fs {
			v.Set(f.Name, f.Value)
		}
	}
	for _, g := range pg.Groups {
		add(g.Fields)
	}
	for _, y := range pg.Years {
		add(y.Fields)
	}
	add(pg.Decls)
	add(pg.Stated)
	v.Set("cert_rows", strconv.Itoa(len(pg.Certs)))
	for _, c := range pg.Certs {
		v.Set(c.Prefix+".name", c.Name)
		v.Set(c.Prefix+".level", c.Level)
		v.Set(c.Prefix+".since", c.Since)
		v.Set(c.Prefix+".until", c.Until)
	}
	if pg.CertsNone {
		v.Set("certs_none", "yes")
	}
	return v
}

func formProfile() huiqi.Enterprise {
	n := func(v int) *int { return &v }
	y := func(v int64) *int64 { return &v }
	yes, no := true, false
	return huiqi.Enterprise{
		Name: "成都某某科技有限公司", RegionCode: "510105", IndustryCode: "6513",
		RegisteredOn: huiqi.Date{Year: 2019, Month: 3, Day: 8}, Employees: n(120), TechStaff: n(30),
		Financials: []huiqi.Financials{
			{Year: 2025, RevenueYuan: y(52_000_000), RDExpenseYuan: y(3_100_000), RDExpenseDomesticYuan: y(3_000_000)},
			{Year: 2024, RevenueYuan: y(41_000_000), TotalAssetsYuan: y(30_000_000)},
			{Year: 2020, RevenueYuan: y(1_000_000)}, // not shown: kept
		},
		IP:          &huiqi.IPCounts{Class1: n(3), Class2: n(12)},
		CoreIPOwned: &yes, InKeyTechField: &no, IncidentsLastYear: n(0), InnovationScore: n(60),
		Certifications: []huiqi.Certification{{Name: "高新技术企业", Level: huiqi.LevelNational,
			Since: huiqi.Date{Year: 2023, Month: 11, Day: 1}, Until: huiqi.Date{Year: 2026, Month: 10, Day: 31}}},
		Declarations: map[string]bool{"no_abnormal": true, "led_standard_5y": false},
	}
}

// TestFormRoundTrip: a saved profile shown in the form and posted back
// unchanged reads as the same profile, without problems.
func TestFormRoundTrip(t *testing.T) {
	fs := testSpec(t)
	asOf := huiqi.Date{Year: 2026, Month: 5, Day: 1}
	years := fiscalYears(asOf)
	for _, e := range []huiqi.Enterprise{formProfile(), {}, {Certifications: []huiqi.Certification{}}} {
		sp := &huiqi.SavedProfile{Key: "k", Profile: e}
		got := fs.readForm(posted(fs.page(sp, years), "results"), years, &sp.Profile, asOf)
		if len(got.problems) > 0 || len(got.entered) > 0 {
			t.Errorf("problems %v, entered %v", got.problems, got.entered)
		}
		if !reflect.DeepEqual(got.e, e) {
			t.Errorf("read back\n%+v\nwant\n%+v", got.e, e)
		}
	}
}

// TestFormProblems: what cannot be read is kept as typed with a problem at
// its field; what package profile finds is named by the form's path.
func TestFormProblems(t *testing.T) {
	fs := testSpec(t)
	asOf := huiqi.Date{Year: 2026, Month: 5, Day: 1}
	v := url.Values{
		"employees": {"12x"}, "tech_staff": {"30"}, "region_code": {"火星"},
		"financials[2025].rd_expense_yuan": {"100"}, "financials[2025].rd_expense_domestic_yuan": {"200"},
		"financials[2024].revenue_yuan": {"3.14"},
		"cert_rows":                     {"3"}, "certifications[1].since": {"2024-01-01"}, "certifications[2].name": {"高新技术企业"},
		"certifications[2].since": {"去年"}, "declarations.no_abnormal": {"maybe"},
	}
	got := fs.readForm(v, fiscalYears(asOf), nil, asOf)
	want := map[string]string{
		"employees": "12x", "region_code": "火星", "financials[2024].revenue_yuan": "3.14",
		"certifications[0].since": "去年", "certifications[1].since": "2024-01-01", "declarations.no_abnormal": "maybe",
	}
	for path, raw := range want {
		if got.entered[path] != raw {
			t.Errorf("entered[%s] = %q, want %q", path, got.entered[path], raw)
		}
	}
	paths := map[string]bool{}
	for _, p := range got.problems {
		paths[p.Path] = true
	}
	for _, p := range []string{"employees", "region_code", "financials[2024].revenue_yuan", "financials[2025].rd_expense_domestic_yuan",
		"certifications[0].since", "certifications[1].name", "declarations.no_abnormal"} {
		if !paths[p] {
			t.Errorf("no problem at %s; problems: %v", p, got.problems)
		}
	}
	if got.e.Employees != nil || *got.e.TechStaff != 30 || len(got.e.Certifications) != 1 {
		t.Errorf("read %+v", got.e)
	}
	pg := fs.page(&huiqi.SavedProfile{Profile: got.e, Problems: got.problems, Entered: got.entered}, fiscalYears(asOf))
	if len(pg.Problems) != len(got.problems) || len(pg.Certs) < 2 || pg.Certs[1].NameErr == "" || pg.Certs[1].Since != "2024-01-01" {
		t.Errorf("form page: %d problems, certs %+v", len(pg.Problems), pg.Certs)
	}
	for _, pr := range pg.Problems {
		if !strings.HasPrefix(pr.Anchor, "f-") {
			t.Errorf("problem anchor %q", pr.Anchor)
		}
	}
}
