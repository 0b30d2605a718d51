package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

// eligibleProfile meets every 高新技术企业 condition as of 2026-05-01.
const eligibleProfile = `{
  "name": "示例科技有限公司",
  "registered_on": "2018-03-01",
  "employees": 100, "tech_staff": 20,
  "core_ip_owned": true, "in_key_tech_field": true,
  "incidents_last_year": 0, "innovation_score": 60, "certifications": [],
  "financials": [
    {"year": 2023, "revenue_yuan": 20000000, "rd_expense_yuan": 1500000, "rd_expense_domestic_yuan": 1500000, "net_assets_yuan": 10000000},
    {"year": 2024, "revenue_yuan": 25000000, "rd_expense_yuan": 1500000, "rd_expense_domestic_yuan": 1500000, "net_assets_yuan": 13000000},
    {"year": 2025, "revenue_yuan": 30000000, "rd_expense_yuan": 2000000, "rd_expense_domestic_yuan": 2000000, "high_tech_revenue_yuan": 24000000, "net_assets_yuan": 17000000}
  ]
}`

func assessProfile(t *testing.T, old, new string) string {
	t.Helper()
	src := strings.Replace(eligibleProfile, old, new, 1)
	p := filepath.Join(t.TempDir(), "ent.json")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAssessEligible(t *testing.T) {
	r := must(t, exitOK, "assess", "--profile", assessProfile(t, "", ""), "--as-of", "2026-05-01")
	for _, want := range []string{"企业：示例科技有限公司　评价日：2026-05-01", "结论：\n", "  ✓ 高新技术企业：符合\n", "高新技术企业：符合", "国科发火〔2016〕32号", "✓ 科技人员占当年职工总数比例不低于10%"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestAssessGapAndQuestions(t *testing.T) {
	p := assessProfile(t, `"tech_staff": 20`, `"tech_staff": 9`)
	p2 := assessProfile(t, `"innovation_score": 60`, `"innovation_score": null`)
	r := must(t, exitOK, "assess", "--profile", p, "--as-of", "2026-05-01")
	for _, want := range []string{"高新技术企业：不符合", "科技人员占职工总数比例 9%，需 ≥ 10%：科技人员数需再增加 1 人"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	r = must(t, exitOK, "assess", "--profile", p2, "--as-of", "2026-05-01")
	for _, want := range []string{"高新技术企业：待定（信息不足）", "请补充以下信息", "1. 创新能力自评分（innovation_score）"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestAssessJSON(t *testing.T) {
	r := must(t, exitOK, "assess", "--profile", assessProfile(t, `"tech_staff": 20`, `"tech_staff": 10`), "--as-of", "2026-05-01", "--json")
	var as []huiqi.Assessment
	if err := json.Unmarshal([]byte(r.stdout), &as); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	i := slices.IndexFunc(as, func(a huiqi.Assessment) bool { return a.RuleID == "gaoxin" })
	if i < 0 || as[i].Verdict != huiqi.Eligible || as[i].Version != "2016" || as[i].AsOf.String() != "2026-05-01" {
		t.Fatalf("no eligible gaoxin assessment of version 2016 among %d", len(as))
	}
	if c := as[i].Conditions.Children[3]; c.ID != "tech_staff" || c.Status != huiqi.Met || c.Value != "科技人员占职工总数比例 10%" {
		t.Errorf("tech_staff condition %+v", c)
	}
}

func TestAssessBadInput(t *testing.T) {
	r := must(t, exitFail, "assess", "--profile", assessProfile(t, `"employees"`, `"employes"`), "--as-of", "2026-05-01")
	if !strings.Contains(r.stderr, "ent.json:4: employes") {
		t.Errorf("stderr %q", r.stderr)
	}
	must(t, exitUsage, "assess", "--as-of", "2026-05-01")
	must(t, exitUsage, "assess", "--profile", "x.json", "--as-of", "2026-13-01")
	must(t, exitFail, "assess", "--profile", filepath.Join(t.TempDir(), "none.json"))
}

// A YAML profile with a certification named as people write it is read,
// normalised (国家高新技术企业 → 高新技术企业) and matched; --rules reads
// the rule sets of a folder.
func TestAssessYAMLNormalised(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rules")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("holds.yaml", "id: holds\nname: 持有高企资格\nkind: qualification\nsource: {title: 示例}\nversions:\n  - version: \"1\"\n    effective_from: 2020-01-01\n    when: {id: gx, check: certified(\"高新技术企业\")}\n")
	p := write("../ent.yaml", "name: 示例\nregistered_on: 2020-01-01\ncertifications:\n  - {name: 国家高新技术企业, since: 2024-12-01, until: 2027-11-30}\n")
	r := must(t, exitOK, "assess", "--profile", p, "--as-of", "2026-05-01", "--rules", dir)
	if !strings.Contains(r.stdout, "持有高企资格：符合") || strings.Contains(r.stdout, "\n高新技术企业：") {
		t.Errorf("want the one set of --rules, eligible:\n%s", r.stdout)
	}
}

// A date before every version in force says so instead of a silent nothing.
func TestAssessNoVersionInForce(t *testing.T) {
	p := filepath.Join(t.TempDir(), "ent.json")
	if err := os.WriteFile(p, []byte(`{"name": "示例"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	r := must(t, exitOK, "assess", "--profile", p, "--as-of", "2015-06-01")
	if !strings.Contains(r.stderr, "高新技术企业：评价日 2015-06-01 无有效版本，未评价") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}
