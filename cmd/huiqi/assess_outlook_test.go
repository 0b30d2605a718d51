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

// youngProfile: registered 2025-03-10 with figures of 2025 only; as of
// 2025-07-01 no fiscal year has closed and it is not registered a year.
const youngProfile = `{
  "name": "新创科技有限公司", "region_code": "370102",
  "registered_on": "2025-03-10",
  "employees": 30, "tech_staff": 10,
  "core_ip_owned": true, "in_key_tech_field": true,
  "incidents_last_year": 0, "innovation_score": 75, "certifications": [],
  "financials": [
    {"year": 2025, "revenue_yuan": 10000000, "rd_expense_yuan": 600000, "rd_expense_domestic_yuan": 600000, "high_tech_revenue_yuan": 8000000, "net_assets_yuan": 5000000}
  ]
}`

func writeFile(t *testing.T, name, src string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func wantAll(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
}

// A young enterprise: the earliest date is when it is registered a year,
// after its first fiscal year has closed; the window is the next default.
func TestAssessOutlookYoung(t *testing.T) {
	r := must(t, exitOK, "assess", "--profile", writeFile(t, "ent.json", youngProfile), "--as-of", "2025-07-01")
	wantAll(t, r.stdout,
		"  最早可于 2026-03-10 申报（下一申报窗口 2026年第一批 2026-05-01 至 2026-06-30，默认窗口，请以当地申报通知为准）\n",
		"    · 申请认定时注册成立一年以上：还需 252 天（2026-03-10 起满足）\n",
		"    · 近三个会计年度研发费用占同期销售收入比例达标（按最近一年销售收入分档）：2025 会计年度结束后：近三个会计年度研发费用占销售收入比例 6%，需 ≥ 5%\n",
		"  假设：\n    · 按上年增长率：2026 年起各项财务数据按 2025 年较 2024 年的增长率逐年增长",
		"      需 ≥ 60%；2024 年企业尚未成立，尚无该会计年度；按假设最早 2026-01-01 起满足\n",
		"      注册成立日期 2025-03-10，需不晚于 2024-07-01：还需 252 天（2026-03-10 起满足）\n",
	)
}

// R&D short of 5%: under last year's growth it is met when 2026 closes;
// without growth, 2026's R&D must reach a stated amount and the growth
// score falls, so it cannot be met by time alone.
func TestAssessOutlookGrowth(t *testing.T) {
	src := strings.NewReplacer("1500000", "1000000", "2000000", "1000000").Replace(eligibleProfile) // R&D 100万 a year
	p := writeFile(t, "ent.json", src)
	r := must(t, exitOK, "assess", "--profile", p, "--as-of", "2026-05-01")
	wantAll(t, r.stdout, "高新技术企业：不符合",
		"  若达到下列数额，最早可于 2027-01-01 申报（下一申报窗口 2027年第一批 2027-05-01 至 2027-06-30",
		"若 2026年研发费用 达到 255 万元（按假设预计 100 万元，需再增加 155 万元），2027-01-01 起满足")
	r = must(t, exitOK, "assess", "--profile", p, "--as-of", "2026-05-01", "--growth", "none", "--years", "3")
	wantAll(t, r.stdout, "  按当前假设，至 2029-12-31 仍不能申报（仅靠时间和增长无法满足）\n",
		"若 2026年研发费用 达到 225 万元（按假设预计 100 万元，需再增加 125 万元），2027-01-01 起满足",
		"    · 企业创新能力评价达到要求（70分以上，不含70分）：按假设 2027-01-01 起不再满足",
		"    · 不增长：2026 年起各项财务数据保持 2025 年水平\n")
}

// --windows replaces the defaults of the rules and regions it lists; the
// JSON carries the outlook.
func TestAssessOutlookWindowsAndJSON(t *testing.T) {
	wins := writeFile(t, "windows.yaml", `windows:
  - rule: gaoxin
    region: "370000"
    batches:
      - {name: 第一批, opens: 03-15, closes: 04-15}
  - rule: nosuchrule
    region: "100000"
    batches:
      - {name: 全年, opens: 01-01, closes: 12-31}
`)
	young := writeFile(t, "ent.json", youngProfile)
	r := must(t, exitOK, "assess", "--profile", young, "--as-of", "2025-07-01", "--windows", wins)
	wantAll(t, r.stdout, "  最早可于 2026-03-10 申报（下一申报窗口 2026年第一批 2026-03-15 至 2026-04-15，山东省配置）\n")
	wantAll(t, r.stderr, "规则 nosuchrule 不在规则集中")

	r = must(t, exitOK, "assess", "--profile", young, "--as-of", "2025-07-01", "--json")
	var as []huiqi.Assessment
	if err := json.Unmarshal([]byte(r.stdout), &as); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	i := slices.IndexFunc(as, func(a huiqi.Assessment) bool { return a.RuleID == "gaoxin" })
	if i < 0 || as[i].Outlook == nil {
		t.Fatalf("no gaoxin outlook in %s", r.stdout)
	}
	o := as[i].Outlook
	if o.Status != huiqi.OutlookReachable || o.Earliest.String() != "2026-03-10" || o.Growth != "last_year" || len(o.Assumptions) == 0 ||
		o.Window == nil || o.Window.Opens.String() != "2026-05-01" || !o.Window.Default {
		t.Errorf("outlook %+v window %+v", o, o.Window)
	}
	for _, key := range []string{`"outlook"`, `"earliest": "2026-03-10"`, `"met_on": "2026-01-01"`, `"assumptions"`, `"opens": "2026-05-01"`} {
		if !strings.Contains(r.stdout, key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

func TestAssessOutlookBadInput(t *testing.T) {
	p := assessProfile(t, "", "")
	must(t, exitUsage, "assess", "--profile", p, "--growth", "fast")
	must(t, exitUsage, "assess", "--profile", p, "--years", "0")
	must(t, exitUsage, "assess", "--profile", p, "--years", "11")
	bad := writeFile(t, "w.yaml", "windows: [{rule: gaoxin, region: '100000', batches: [{name: a, opens: 06-01, closes: 05-01}]}]")
	r := must(t, exitFail, "assess", "--profile", p, "--windows", bad)
	wantAll(t, r.stderr, "w.yaml: windows[0]: rule gaoxin: batches[0]: a: closes before it opens")
	must(t, exitFail, "assess", "--profile", p, "--windows", filepath.Join(t.TempDir(), "none.yaml"))
}

// Eligible today: the outlook warns of a condition the projection loses.
func TestAssessOutlookEligibleLoses(t *testing.T) {
	// Revenue 1.6亿 → 2亿 (+25%): 2.5亿 projected for 2026, over the 2亿 limit; R&D 6% of revenue.
	src := strings.NewReplacer(`"revenue_yuan": 25000000`, `"revenue_yuan": 160000000`, `"revenue_yuan": 30000000`, `"revenue_yuan": 200000000`,
		`"rd_expense_yuan": 2000000`, `"rd_expense_yuan": 12000000`).Replace(eligibleProfile)
	src = strings.Replace(src, `"net_assets_yuan": 17000000`, `"net_assets_yuan": 17000000, "total_assets_yuan": 30000000, "total_cost_yuan": 150000000`, 1)
	src = strings.Replace(src, `"certifications": [],`, `"certifications": [], "ip": {"class1": 1, "class2": 0},`, 1)
	r := must(t, exitOK, "assess", "--profile", writeFile(t, "ent.json", src), "--as-of", "2026-05-01")
	wantAll(t, r.stdout, "科技型中小企业：符合",
		"  现在即可申报（下一申报窗口 2026年全年 2026-01-01 至 2026-12-31，默认窗口，请以当地申报通知为准）\n  提示：\n    · 年销售收入不超过2亿元：按假设 2027-01-01 起不再满足：2026年销售收入 2.5 亿元，需 ≤ 2 亿元")
}

// Each status gives its headline.
func TestWriteOutlookStatuses(t *testing.T) {
	day := huiqi.Date{Year: 2027, Month: 1, Day: 1}
	win := &huiqi.Window{Name: "2027年第一批", Region: "370000", Opens: huiqi.Date{Year: 2027, Month: 3, Day: 1}, Closes: huiqi.Date{Year: 2027, Month: 3, Day: 31}}
	need := []huiqi.ConditionOutlook{{Label: "研发", Reason: "若 …", Need: &huiqi.Need{RequiredYuan: 2}}}
	tests := []struct {
		o    huiqi.Outlook
		want string
	}{
		{huiqi.Outlook{Status: huiqi.OutlookEligible, Earliest: day, Window: win}, "  现在即可申报（下一申报窗口 2027年第一批 2027-03-01 至 2027-03-31，山东省配置）\n"},
		{huiqi.Outlook{Status: huiqi.OutlookReachable, Earliest: day}, "  最早可于 2027-01-01 申报（未配置申报窗口，请以当地申报通知为准）\n"},
		{huiqi.Outlook{Status: huiqi.OutlookReachable, Earliest: day, Possible: huiqi.Date{Year: 2026, Month: 3, Day: 1}, Decide: []huiqi.Field{{Path: "declarations.x", Label: "X"}}},
			"  若X（declarations.x）的回答有利，最早可能于 2026-03-01 申报\n"},
		{huiqi.Outlook{Status: huiqi.OutlookWithNeeds, Earliest: day, Conditions: need}, "  若达到下列数额，最早可于 2027-01-01 申报"},
		{huiqi.Outlook{Status: huiqi.OutlookUndecided, Earliest: day, Conditions: need}, "  若达到下列数额，最早可能于 2027-01-01 申报，取决于下列待定条件（如专家评分）"},
		{huiqi.Outlook{Status: huiqi.OutlookUndecided, Earliest: day, Decide: []huiqi.Field{{Path: "a", Label: "A"}, {Path: "b", Label: "B"}, {Path: "c", Label: "C"}}}, "取决于：A（a）、B（b） 等 3 项"},
		{huiqi.Outlook{Status: huiqi.OutlookNotReachable, Horizon: huiqi.Date{Year: 2031, Month: 12, Day: 31}, Assumptions: []string{"不增长"}},
			"  按当前假设，至 2031-12-31 仍不能申报（仅靠时间和增长无法满足）\n  假设：\n    · 不增长\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		writeOutlook(&b, &tt.o)
		if !strings.Contains(b.String(), tt.want) {
			t.Errorf("%s: got\n%s\nwant %q", tt.o.Status, b.String(), tt.want)
		}
	}
}

func TestRulesWindows(t *testing.T) {
	r := must(t, exitOK, "rules", "windows")
	wantAll(t, r.stdout, "gaoxin 高新技术企业　全国（100000）　默认值，须由各地主管部门配置，并非官方日期\n  第一批 每年 05-01 至 06-30\n  第二批 每年 07-01 至 08-31\n  说明：默认值",
		"kejixing 科技型中小企业　全国（100000）")
	f := writeFile(t, "w.yaml", "windows: [{rule: gaoxin, region: '370000', note: 山东省通知, batches: [{name: 第一批, opens: 2027-03-01, closes: 2027-03-31}]}]")
	r = must(t, exitOK, "rules", "windows", f)
	wantAll(t, r.stdout, "gaoxin 高新技术企业　山东省（370000）　已配置\n  第一批 2027-03-01 至 2027-03-31\n  说明：山东省通知\n", "gaoxin 高新技术企业　全国（100000）")
	bad := writeFile(t, "bad.yaml", "windows: [{rule: gaoxin}]")
	r = must(t, exitFail, "rules", "windows", bad)
	wantAll(t, r.stderr, "bad.yaml: windows[0]: rule gaoxin: region is required")
	must(t, exitUsage, "rules", "windows", f, f)
}
