package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
)

func TestProfileCheck(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("../../profile/testdata/*.*")
	r := must(t, exitOK, append([]string{"profile", "check", "--as-of", "2026-11-22"}, files...)...)
	if n := strings.Count(r.stdout, ": 通过 "); n != len(files) {
		t.Errorf("%d of %d files pass:\n%s", n, len(files), r.stdout)
	}
	if !strings.Contains(r.stderr, `xian-testing.yml:14: certifications[1].name: 警告: 资质名称 "CMA资质认定" 不在已知列表中`) {
		t.Errorf("no warning for the unknown title:\n%s", r.stderr)
	}

	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	writeProfile(t, bad, "name: 某公司\ncredit_code: 91440300708461136U\nemployes: 5\n")
	worse := filepath.Join(dir, "worse.json")
	writeProfile(t, worse, `{"employees": 5, "tech_staff": 9, "registered_on": "2030-01-01",
 "financials": [{"year": 2024, "revenue_yuan": 100, "high_tech_revenue_yuan": 200}, {"year": 2024}]}`)
	r = must(t, exitFail, "profile", "check", "--as-of", "2026-11-22", files[0], bad, worse)
	for _, want := range []string{
		bad + ":3: employes: 未知字段（是否应为 employees？）",
		worse + ":1: tech_staff: 科技人员数 9 多于职工总数 employees 5",
		worse + ":1: registered_on: 成立日期 2030-01-01 晚于核查日期 2026-11-22",
		worse + ":2: financials[0].high_tech_revenue_yuan: 高新技术产品（服务）收入 200 元 高于营业收入 revenue_yuan 100 元",
		worse + ":2: financials[1].year: 年度 2024 重复（与 financials[0] 相同）",
		"2 of 3 profiles have problems",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, worse+": 6 个问题") || !strings.Contains(r.stdout, bad+": 1 个问题") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	// Unknown fields stop the reading: the bad credit code of bad.yaml is not reached.
	if strings.Contains(r.stderr, "credit_code") {
		t.Errorf("checked a profile it could not read:\n%s", r.stderr)
	}
}

func TestProfileCheckJSON(t *testing.T) {
	t.Parallel()
	r := must(t, exitOK, "profile", "check", "--json", "../../profile/testdata/changsha-seeds.json")
	var e huiqi.Enterprise
	if err := json.Unmarshal([]byte(r.stdout), &e); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	// Normalised: the 4-digit city code in full.
	if e.RegionCode != "430100" || e.IndustryCode != "0511" || len(e.Financials) != 2 || *e.Financials[0].NetAssetsYuan != -350000 {
		t.Errorf("profile: %+v", e)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "p.json")
	writeProfile(t, bad, `{"industry_code": "3929"}`)
	r = must(t, exitFail, "profile", "check", "--json", bad)
	if r.stdout != "" || !strings.Contains(r.stderr, `industry_code: 行业代码 "3929" 不存在`) {
		t.Errorf("invalid profile with --json: stdout %q stderr %q", r.stdout, r.stderr)
	}
}

func TestProfileCheckUsage(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		args []string
		code int
		text string
	}{
		{[]string{"profile"}, exitUsage, "want: profile check FILE..."},
		{[]string{"profile", "lint", "a.json"}, exitUsage, "want: profile check FILE..."},
		{[]string{"profile", "check"}, exitUsage, "no FILE to check"},
		{[]string{"profile", "check", "--as-of", "2026-13-01", "a.json"}, exitUsage, `invalid date "2026-13-01"`},
		{[]string{"profile", "check", "-"}, exitFail, "-: 文件为空"},
		{[]string{"profile", "check", "/nonexistent/p.json"}, exitFail, "/nonexistent/p.json: open /nonexistent/p.json: no such file or directory"},
	} {
		r := must(t, tt.code, tt.args...)
		if !strings.Contains(r.stderr, tt.text) {
			t.Errorf("huiqi %s: stderr lacks %q:\n%s", strings.Join(tt.args, " "), tt.text, r.stderr)
		}
	}
}

func writeProfile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// synth --enterprises writes profiles that profile check accepts, the same
// for the same seed, to a file with -o or to stdout.
func TestSynthEnterprises(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "e.jsonl")
	r := must(t, exitOK, "synth", "--enterprises", "40", "--seed", "3", "-o", out)
	if !strings.Contains(r.stderr, "synth: wrote 40 profiles") {
		t.Errorf("stderr: %s", r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	again := must(t, exitOK, "synth", "--enterprises", "40", "--seed", "3")
	if again.stdout != string(data) {
		t.Error("the same seed wrote two different streams")
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 40 {
		t.Fatalf("%d lines", len(lines))
	}
	dir := t.TempDir()
	args := []string{"profile", "check", "--as-of", "2026-06-30"}
	for i, line := range lines[:10] {
		f := filepath.Join(dir, fmt.Sprintf("%d.json", i))
		writeProfile(t, f, line)
		args = append(args, f)
	}
	if r := must(t, exitOK, args...); strings.Count(r.stdout, ": 通过 ") != 10 {
		t.Errorf("profile check of synthetic profiles:\n%s", r.stdout)
	}
	r = must(t, exitUsage, "synth", "--enterprises", "5", "--docs", "5")
	if !strings.Contains(r.stderr, "give --enterprises or --size/--docs, not both") {
		t.Errorf("stderr: %s", r.stderr)
	}
}

// A .jsonl file is checked a line at a time, each problem named by its line.
func TestProfileCheckJSONL(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := filepath.Join(dir, "p.jsonl")
	writeProfile(t, f, `{"name":"甲","employees":3}

{"name":"乙","employees":-1}
{"name":"丙","certifications":[{"name":"守合同重信用企业"}]}
{"name":
`)
	r := must(t, exitFail, "profile", "check", f)
	for _, want := range []string{
		f + ":3: employees: 不能为负数（-1）",
		f + ":4: certifications[0].name: 警告: 资质名称 \"守合同重信用企业\" 不在已知列表中",
		f + ":5: JSON 不完整",
		"2 of 4 profiles have problems",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if r.stdout != f+": 4 个档案，2 个有问题\n" {
		t.Errorf("stdout %q", r.stdout)
	}
	r = must(t, exitFail, "profile", "check", "--json", f)
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); len(lines) != 2 || !strings.Contains(lines[1], `"name":"丙"`) {
		t.Errorf("--json printed %q", r.stdout)
	}
}
