package rules_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi/profile"
	"github.com/huiqi-dev/huiqi/rules"
)

func TestNeedsGaoxin(t *testing.T) {
	sets, err := rules.LoadFS(os.DirFS("national"), ".")
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(sets, func(s *rules.Set) bool { return s.ID == "gaoxin" })
	n := sets[i].Needs()
	want := "core_ip_owned employees financials.high_tech_revenue_yuan financials.net_assets_yuan financials.rd_expense_domestic_yuan financials.rd_expense_yuan financials.revenue_yuan in_key_tech_field incidents_last_year innovation_score registered_on tech_staff"
	if got := strings.Join(n.Fields, " "); got != want {
		t.Errorf("fields\n%s\nwant\n%s", got, want)
	}
	if len(n.Certifications) != 0 || len(n.Declarations) != 0 {
		t.Errorf("certifications %v declarations %v", n.Certifications, n.Declarations)
	}
}

// Every certification a rule names is a canonical name of the profile
// package, the form a loaded profile holds: a rule naming 科技企业孵化器
// would never match a profile's 孵化器.
//
// notYetCanonical are names the national sets use that the profile's list
// lacks: the profile package must add them (a profile naming them keeps
// them as given, so they match today, but unnormalised).
var notYetCanonical = []string{"技术创新示范企业", "国家级技术创新示范企业", "新型研发机构"}

func TestCertificationNamesAreCanonical(t *testing.T) {
	canonical := append(profile.CertificationNames(), notYetCanonical...)
	for _, dir := range []string{"national", "testdata"} {
		sets, err := rules.LoadFS(os.DirFS(dir), ".")
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sets {
			for _, c := range s.Needs().Certifications {
				if !slices.Contains(canonical, c) {
					name, _, _ := profile.NormalizeCertification(c)
					t.Errorf("%s/%s: certification %q is not canonical (the profile says %q)", dir, s.File, c, name)
				}
			}
		}
	}
}

func TestNeedsMeasure(t *testing.T) {
	sets, err := rules.LoadFS(os.DirFS("testdata"), ".")
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(sets, func(s *rules.Set) bool { return s.ID == "jinan_incubator_national" })
	n := sets[i].Needs()
	if got := strings.Join(n.Fields, " "); got != "region_code" {
		t.Errorf("fields %q, want region_code (the set is Jinan's)", got)
	}
	if got := strings.Join(n.Certifications, " "); got != "孵化器" {
		t.Errorf("certifications %q", got)
	}
	if got := strings.Join(n.Declarations, " "); got != "no_abnormal" {
		t.Errorf("declarations %q", got)
	}
}
