package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

const pinghuProfile = `{"name": "平湖示例科技有限公司", "region_code": "330482", "industry_code": "C3911", "employees": 300,
 "financials": [{"year": 2025, "revenue_yuan": 80000000, "rd_expense_yuan": 4000000}],
 "certifications": [{"name": "国家级孵化器", "since": "2025-09-01"}, {"name": "高新技术企业", "since": "2022-12-01"}]}`

// TestMatch stores the demo corpus and matches a 平湖 enterprise against it.
func TestMatch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	must(t, exitOK, "demo", "--data", data)
	ent := filepath.Join(dir, "ent.json")
	if err := os.WriteFile(ent, []byte(pinghuProfile), 0o600); err != nil {
		t.Fatal(err)
	}
	out := must(t, exitOK, "match", "--profile", ent, "--data", data, "--as-of", "2026-05-01", "--json")
	var rep huiqi.MatchReport
	if err := json.Unmarshal([]byte(out.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rep.Results {
		if r.DocNumber == "平政发〔2020〕126号" && r.Cited.ClausePath == "一/(二)" && r.Amount != nil && r.Amount.Max == 3_000_000 {
			found = r.Status == huiqi.MatchLikely
		}
		if r.Cited.PolicyID == "" || r.Cited.Version != 1 || r.Status == huiqi.MatchNotEligible {
			t.Errorf("result %s: cited %+v, status %s", r.MeasureID, r.Cited, r.Status)
		}
	}
	if !found {
		t.Errorf("the national incubator award of 平湖 (300万元) is not listed as likely")
	}
	if rep.Total.MaxYuan <= 0 || rep.InForce == 0 {
		t.Errorf("total %+v, in force %d", rep.Total, rep.InForce)
	}
	id := rep.Results[0].MeasureID
	yaml := must(t, exitOK, "match", "--proposal", id, "--data", data)
	if !strings.Contains(yaml.stdout, "id: "+id) || !strings.Contains(yaml.stdout, "kind: measure") {
		t.Errorf("--proposal %s printed:\n%s", id, yaml.stdout)
	}
	rulesDir := filepath.Join(dir, "rules")
	if err := os.MkdirAll(rulesDir, 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(rulesDir, id+".yaml"), []byte(yaml.stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	curated := must(t, exitOK, "match", "--profile", ent, "--data", data, "--as-of", "2026-05-01", "--json", "--rules", rulesDir)
	if !strings.Contains(curated.stdout, `"curated": true`) {
		t.Errorf("the rule file %s.yaml did not replace the proposal", id)
	}
	must(t, exitFail, "match", "--proposal", "m_nothing_1", "--data", data)
	text := must(t, exitOK, "match", "--profile", ent, "--data", data, "--as-of", "2026-05-01")
	for _, w := range []string{"企业：平湖示例科技有限公司", "预计可获资金合计", "[很可能符合]", "依据："} {
		if !strings.Contains(text.stdout, w) {
			t.Errorf("text output lacks %q", w)
		}
	}
}

func TestMatchBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"region_code": "999999", "employees": "many"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	r := run(t, "match", "--profile", bad, "--data", dir)
	if r.code == exitOK || !strings.Contains(r.stderr, "bad.json") || !strings.Contains(r.stderr, "employees") {
		t.Errorf("exit %d, stderr %q: want a failure naming the file and the field", r.code, r.stderr)
	}
	must(t, exitUsage, "match")
	must(t, exitUsage, "match", "--profile", bad, "--as-of", "yesterday")
}

// TestMatchBatch matches a JSONL file of profiles, one summary a line; a
// line that is not a profile is named and skipped, and the command fails.
func TestMatchBatch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	must(t, exitOK, "demo", "--data", data)
	in := filepath.Join(dir, "ents.jsonl")
	must(t, exitOK, "synth", "--enterprises", "50", "-o", in)
	out := filepath.Join(dir, "out.jsonl")
	must(t, exitOK, "match", "--batch", in, "--out", out, "--data", data, "--as-of", "2026-05-01")
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 50 {
		t.Fatalf("%d summaries for 50 profiles", len(lines))
	}
	var s huiqi.MatchSummary
	if err := json.Unmarshal([]byte(lines[0]), &s); err != nil || s.Key == "" {
		t.Errorf("summary %q: %v", lines[0], err)
	}
	f, err := os.OpenFile(in, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"employees": "many"}` + "\n")
	f.Close()
	r := must(t, exitFail, "match", "--batch", in, "--data", data, "--as-of", "2026-05-01")
	if !strings.Contains(r.stderr, "ents.jsonl:51") || !strings.Contains(r.stderr, "employees") || strings.Count(r.stdout, "\n") != 50 {
		t.Errorf("stderr %q, %d summaries: want line 51 named and 50 summaries", r.stderr, strings.Count(r.stdout, "\n"))
	}
	must(t, exitUsage, "match", "--batch", in, "--profile", in)
}

// TestMatchWithinReach: huiqi match tells an enterprise one step from
// 高新技术企业 what the title would open, from when, in text and JSON.
func TestMatchWithinReach(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	must(t, exitOK, "demo", "--data", data)
	ent := filepath.Join(dir, "young.json")
	young := `{"name": "平湖新创科技有限公司", "region_code": "330482", "registered_on": "2025-07-01", "employees": 100, "tech_staff": 30,
  "core_ip_owned": true, "in_key_tech_field": true, "incidents_last_year": 0, "innovation_score": 80,
  "financials": [{"year": 2025, "revenue_yuan": 30000000, "rd_expense_yuan": 3000000, "rd_expense_domestic_yuan": 3000000,
    "high_tech_revenue_yuan": 25000000, "net_assets_yuan": 10000000, "total_cost_yuan": 20000000, "total_assets_yuan": 40000000}],
  "certifications": []}`
	if err := os.WriteFile(ent, []byte(young), 0o600); err != nil {
		t.Fatal(err)
	}
	out := must(t, exitOK, "match", "--profile", ent, "--data", data, "--as-of", "2026-05-01", "--json")
	var rep huiqi.MatchReport
	if err := json.Unmarshal([]byte(out.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Reach) == 0 || rep.Reach[0].Title != "高新技术企业" || len(rep.Reach[0].Results) == 0 || rep.Reach[0].On != (huiqi.Date{Year: 2026, Month: 7, Day: 1}) {
		t.Fatalf("within reach: %+v", rep.Reach)
	}
	text := must(t, exitOK, "match", "--profile", ent, "--data", data, "--as-of", "2026-05-01")
	for _, w := range []string{"== 培育后可申报：取得高新技术企业后（按假设（last_year）最早 2026-07-01 符合认定条件）", "下一个申报窗口："} {
		if !strings.Contains(text.stdout, w) {
			t.Errorf("text output lacks %q:\n%s", w, text.stdout)
		}
	}
}
