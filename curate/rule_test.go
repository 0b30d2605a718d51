package curate_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/curate"
	"github.com/huiqi-dev/huiqi/match"
)

// sizeRule is a curated rule of measure id: at least 100 employees.
func sizeRule(id, region string) string {
	return fmt.Sprintf(`id: %s
name: 核对后的措施
kind: measure
region: %q
source: {title: 核对}
versions:
  - version: "1"
    effective_from: 2000-01-01
    when:
      id: size
      check: employees >= 100人
`, id, region)
}

// sizeCases are its cases; want is what the small enterprise expects.
func sizeCases(id, want string) string {
	return fmt.Sprintf(`- name: 大企业
  as_of: 2026-05-01
  profile: {region_code: "330482", employees: 300}
  expect:
    %[1]s: {status: eligible, conditions: {size: met}}
- name: 小企业
  as_of: 2026-05-01
  profile: {region_code: "330482", employees: 10}
  expect:
    %[1]s: {status: %[2]s}
`, id, want)
}

func TestTestRule(t *testing.T) {
	t.Parallel()
	rep := curate.TestRule(sizeRule("m_x_1", "330482"), sizeCases("m_x_1", "not_eligible"))
	if !rep.Passed() || len(rep.Cases) != 2 {
		t.Errorf("passing cases: %+v", rep)
	}
	rep = curate.TestRule(sizeRule("m_x_1", "330482"), sizeCases("m_x_1", "eligible"))
	if rep.Passed() || rep.Failed() != 1 || rep.Cases[1].Pass || !strings.Contains(strings.Join(rep.Cases[1].Failures, " "), "want eligible") {
		t.Errorf("a failing case: %+v", rep.Cases)
	}
	if rep := curate.TestRule("id: [", sizeCases("m_x_1", "eligible")); rep.RuleError == "" || rep.Passed() {
		t.Errorf("a broken rule: %+v", rep)
	}
	if rep := curate.TestRule(sizeRule("m_x_1", "330482"), "- name: 缺少 as_of\n  expect: {}\n"); rep.CasesError == "" || rep.Passed() {
		t.Errorf("broken cases: %+v", rep)
	}
	if rep := curate.TestRule(sizeRule("m_x_1", "330482"), " \n"); rep.Passed() || len(rep.Cases) != 0 {
		t.Errorf("no case: %+v", rep)
	}
}

// TestRuleAndPublish: the rule page starts from the proposal; publishing
// is refused until the rule names the measure and every case passes; a
// published rule changes the match (proposal unknown → curated eligible).
func TestRuleAndPublish(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	e := &huiqi.Enterprise{RegionCode: "330482", Employees: ptr(300)}
	asOf := huiqi.Date{Year: 2026, Month: 5, Day: 1}
	cache := match.NewCache(f.db, nil)
	cache.Recheck = 0
	m, err := cache.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var mid string
	for _, r := range m.Match(e, asOf, match.Options{}).Results {
		if r.Status == huiqi.MatchUnknown && strings.HasPrefix(r.MeasureID, "m_"+f.p.ID+"_") {
			mid = r.MeasureID
			break
		}
	}
	if mid == "" {
		t.Fatal("no measure of the policy is unknown for the enterprise")
	}
	d, err := f.svc.Rule(ctx, officer, mid)
	if err != nil {
		t.Fatal(err)
	}
	if d.Published != nil || !strings.Contains(d.YAML, "id: "+mid) || !strings.HasPrefix(d.YAML, "# 自动提议的规则") || !strings.Contains(d.CasesYAML, mid+":") {
		t.Errorf("draft before publishing: %+v", d)
	}
	_, err = f.svc.Rule(ctx, officer, "m_"+f.p.ID+"_nosuch_1")
	wantCode(t, "unknown measure", err, huiqi.ENOTFOUND)
	_, err = f.svc.Rule(ctx, officer, "nonsense")
	wantCode(t, "malformed measure id", err, huiqi.ENOTFOUND)

	rule := sizeRule(mid, "330482")
	for _, tc := range []struct{ name, yaml, cases, msg string }{
		{"no case", rule, "", "至少需要一个测试用例"},
		{"failing case", rule, sizeCases(mid, "eligible"), "1 个测试用例未通过"},
		{"another id", sizeRule("m_other_1", "330482"), sizeCases("m_other_1", "not_eligible"), "应为本措施"},
		{"broken rule", "id: [", sizeCases(mid, "not_eligible"), "规则无法解析"},
	} {
		_, _, err := f.svc.PublishRule(ctx, officer, mid, tc.yaml, tc.cases)
		wantCode(t, tc.name, err, huiqi.EINVALID)
		if !strings.Contains(huiqi.ErrorMessage(err), tc.msg) {
			t.Errorf("%s: message %q, want %q", tc.name, huiqi.ErrorMessage(err), tc.msg)
		}
	}
	_, _, err = f.svc.PublishRule(ctx, hangzhou, mid, rule, sizeCases(mid, "not_eligible"))
	wantCode(t, "officer of another region", err, huiqi.EFORBIDDEN)
	if rs, _ := f.db.CuratedRules(ctx); len(rs) != 0 {
		t.Fatalf("refused rules were saved: %+v", rs)
	}

	r, rep, err := f.svc.PublishRule(ctx, officer, mid, rule, sizeCases(mid, "not_eligible"))
	if err != nil || !rep.Passed() || r.Version != 1 || r.By != officer.ID || r.PolicyID != f.p.ID {
		t.Fatalf("PublishRule = %+v, %+v, %v", r, rep, err)
	}
	es, _ := f.db.AuditEntries(ctx, 0, 10)
	if len(es) != 1 || es[0].Action != "rule.publish" || es[0].Object != "measure:"+mid || es[0].Actor != officer.ID {
		t.Errorf("audit %+v", es)
	}
	if d, err := f.svc.Rule(ctx, officer, mid); err != nil || d.Published == nil || d.YAML != rule || len(d.History) != 1 {
		t.Errorf("draft after publishing: %+v, %v", d, err)
	}
	m2, err := cache.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got *huiqi.MatchResult
	for _, x := range m2.Match(e, asOf, match.Options{}).Results {
		if x.MeasureID == mid {
			got = &x
		}
	}
	if got == nil || got.Status != huiqi.MatchEligible || !got.Curated {
		t.Errorf("match after publishing: %+v; want the curated rule eligible", got)
	}
}

func ptr[T any](v T) *T { return &v }

// TestDeleteKeepsRules: deleting a measure before one with a published
// rule in the same clause would renumber it onto its neighbour, so it is
// refused; deleting one after it is not.
func TestDeleteKeepsRules(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := context.Background()
	ids := curate.MeasureIDs(f.p)
	if f.p.Measures[0].ClausePath != f.p.Measures[1].ClausePath || f.p.Measures[1].ClausePath != f.p.Measures[2].ClausePath {
		t.Fatalf("the first three measures are not of one clause: %s %s %s", ids[0], ids[1], ids[2])
	}
	if _, _, err := f.svc.PublishRule(ctx, officer, ids[1], sizeRule(ids[1], "330482"), sizeCases(ids[1], "not_eligible")); err != nil {
		t.Fatal(err)
	}
	for _, del := range []int{0, 1} {
		_, err := f.svc.Edit(ctx, officer, f.p.ID, 1, curate.Changes{DeleteMeasures: []int{del}})
		wantCode(t, fmt.Sprintf("deleting measure %d", del), err, huiqi.EINVALID)
		if msg := huiqi.ErrorMessage(err); !strings.Contains(msg, ids[1]) {
			t.Errorf("deleting measure %d: %q does not name the rule's measure", del, msg)
		}
	}
	p, err := f.svc.Edit(ctx, officer, f.p.ID, 1, curate.Changes{DeleteMeasures: []int{2}})
	if err != nil {
		t.Fatalf("deleting the measure after the rule's: %v", err)
	}
	if got := curate.MeasureIDs(p); got[1] != ids[1] {
		t.Errorf("after the deletion measure 1 is %s, want %s", got[1], ids[1])
	}
}
